import { useState } from 'react';
import { Badge, Button } from '@fluentui/react-components';
import { api } from '../api/client';
import type { Measure } from '../api/types';
import { PriorityTags } from '../components/PriorityTags';
import { StatusChip } from '../components/StatusChip';
import { Panel } from '../components/Panel';
import { useSession } from '../session';
import { useBoard } from './boardContext';
import { HistoryList } from './HistoryList';
import { ItemActions } from './ItemActions';
import { LinkedCases } from './LinkedCases';

/** The hospital trust's and the municipalities' tasks; identical texts are one joint task. */
export function taskRows(m: Pick<Measure, 'taskHospital' | 'taskMunicipalities'>) {
  const hospital = m.taskHospital?.trim();
  const municipalities = m.taskMunicipalities?.trim();
  if (hospital && municipalities && hospital === municipalities) return { joint: hospital };
  return { hospital, municipalities };
}

/** One measure: its text, details, status per year (changeable by members) and history. */
export function MeasureCard({
  measure: m,
  first,
  last,
}: {
  measure: Measure;
  first: boolean;
  last: boolean;
}) {
  const { t } = useSession();
  const board = useBoard();
  const [showHistory, setShowHistory] = useState(false);
  const tasks = taskRows(m);
  const historyId = `history-${m.id}`;

  const edit = () =>
    board.openEditor({
      title: t.board.editTitle(t.board.measure),
      isMeasure: true,
      initial: {
        text: m.text,
        responsible: m.responsible ?? '',
        timeline: m.timeline ?? '',
        taskHospital: m.taskHospital ?? '',
        taskMunicipalities: m.taskMunicipalities ?? '',
        measuringTool: m.measuringTool ?? '',
        priorityGroups: m.priorityGroups,
      },
      submit: (fields) => api.editItem(board.committeeId, m.id, m.etag, fields),
    });

  return (
    <Panel className={`measure-card${m.retired ? ' retired' : ''}`} data-measure={m.id} role="article">
      <div className="measure-head">
        <p className="user-text measure-text">{m.text}</p>
        {m.retired && (
          <Badge appearance="filled" color="subtle">
            {t.board.retired}
          </Badge>
        )}
      </div>
      <dl className="measure-details">
        {m.responsible && <Detail term={t.board.responsible} value={m.responsible} />}
        {m.timeline && <Detail term={t.board.timeline} value={m.timeline} />}
        {tasks.joint && <Detail term={t.board.jointTask} value={tasks.joint} />}
        {tasks.hospital && <Detail term={t.board.taskHospital} value={tasks.hospital} />}
        {tasks.municipalities && <Detail term={t.board.taskMunicipalities} value={tasks.municipalities} />}
        {m.measuringTool && <Detail term={t.board.measuringTool} value={m.measuringTool} />}
      </dl>
      <PriorityTags groups={m.priorityGroups} label={t.board.priorityGroups} />
      <LinkedCases cases={m.cases} />
      <div className="year-statuses" role="group" aria-label={t.board.statusPerYear}>
        {board.years.map((year) => {
          const status = m.statusByYear[year] ?? 'not_assessed';
          const content = (
            <>
              <span className="year">{year}</span>
              <StatusChip status={status} />
            </>
          );
          return board.canUpdateStatus && !m.retired ? (
            <Button
              key={year}
              appearance="subtle"
              className="year-status editable"
              data-year={year}
              onClick={() => board.openStatus(m, year)}
              title={t.board.statusTitle(year)}
            >
              {content}
              <span className="visually-hidden"> – {t.board.edit}</span>
            </Button>
          ) : (
            <span key={year} className="year-status" data-year={year}>
              {content}
            </span>
          );
        })}
      </div>
      <div className="measure-footer">
        <Button
          appearance="transparent"
          size="small"
          aria-expanded={showHistory}
          aria-controls={historyId}
          onClick={() => setShowHistory((s) => !s)}
          className="no-print"
        >
          {showHistory ? t.board.hideHistory : t.board.showHistory}
        </Button>
        <ItemActions item={m} what={t.board.measure} first={first} last={last} onEdit={edit} />
      </div>
      {showHistory && (
        <section id={historyId} aria-label={t.board.history} className="history-panel">
          <HistoryList committeeId={board.committeeId} measureId={m.id} version={historyVersion(m)} />
        </section>
      )}
    </Panel>
  );
}

/** Changes whenever the measure does, so an open history reloads after a status change. */
export function historyVersion(m: Measure): number {
  let hash = 0;
  for (const ch of m.etag ?? '') hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return hash;
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div className="detail">
      <dt>{term}</dt>
      <dd className="user-text">{value}</dd>
    </div>
  );
}
