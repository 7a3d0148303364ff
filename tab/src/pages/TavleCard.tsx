import { useId } from 'react';
import {
  Badge,
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { MEASURE_STATUSES } from '../../../bot/domain/plans/planModel';
import type { MeasureStatus } from '../api/types';
import { PriorityTags } from '../components/PriorityTags';
import { useSession } from '../session';
import { HistoryList } from './HistoryList';
import { LinkedCases } from './LinkedCases';
import { historyVersion, taskRows } from './MeasureCard';
import type { BoardMeasure } from './planData';

/**
 * One measure on the Tavle: its text, responsible, sub-goal, priority groups and linked cases. Those
 * who may change its status move it with "Flytt" (a menu of the other columns, for keyboard and
 * mouse alike) or by dragging it; "Vis detaljar" opens the rest of the measure and its history.
 */
export function TavleCard({
  item: { measure: m, subGoal },
  committeeId,
  status,
  canMove,
  detailsOpen,
  onToggleDetails,
  onMove,
}: {
  item: BoardMeasure;
  committeeId: string;
  status: MeasureStatus;
  canMove: boolean;
  detailsOpen: boolean;
  onToggleDetails: () => void;
  onMove: (to: MeasureStatus) => void;
}) {
  const { t } = useSession();
  const textId = useId();
  const detailsId = useId();
  const tasks = taskRows(m);
  const caseCount = m.cases?.length ?? 0;

  return (
    <article
      className="panel tavle-card"
      data-measure={m.id}
      aria-labelledby={textId}
      tabIndex={-1}
      draggable={canMove}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', m.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <p id={textId} className="user-text measure-text">
        {m.text}
      </p>
      <dl className="tavle-meta">
        {m.responsible && (
          <div className="detail">
            <dt>{t.board.responsible}</dt>
            <dd className="user-text">{m.responsible}</dd>
          </div>
        )}
        <div className="detail">
          <dt>{t.board.subGoal}</dt>
          <dd>
            {subGoal.number} <span className="user-text">{subGoal.text}</span>
          </dd>
        </div>
      </dl>
      <PriorityTags groups={m.priorityGroups} label={t.board.priorityGroups} />
      {caseCount > 0 && (
        <Badge appearance="tint" color="informative" shape="rounded" className="tag" data-testid="case-count">
          {t.tavle.cases(caseCount)}
        </Badge>
      )}
      <div className="tavle-card-actions no-print">
        {canMove && (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" aria-label={t.tavle.moveLabel(m.text)}>
                {t.tavle.move}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {MEASURE_STATUSES.filter((s) => s !== status).map((s) => (
                  <MenuItem key={s} onClick={() => onMove(s)}>
                    {t.tavle.moveTo(t.status[s])}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
        <Button
          size="small"
          appearance="transparent"
          aria-expanded={detailsOpen}
          aria-controls={detailsId}
          onClick={onToggleDetails}
        >
          {detailsOpen ? t.tavle.hideDetails : t.tavle.showDetails}
        </Button>
      </div>
      {detailsOpen && (
        <section id={detailsId} aria-label={t.board.history} className="tavle-details">
          <dl className="tavle-meta">
            {m.timeline && <Detail term={t.board.timeline} value={m.timeline} />}
            {tasks.joint && <Detail term={t.board.jointTask} value={tasks.joint} />}
            {tasks.hospital && <Detail term={t.board.taskHospital} value={tasks.hospital} />}
            {tasks.municipalities && (
              <Detail term={t.board.taskMunicipalities} value={tasks.municipalities} />
            )}
            {m.measuringTool && <Detail term={t.board.measuringTool} value={m.measuringTool} />}
          </dl>
          <LinkedCases cases={m.cases} />
          <HistoryList committeeId={committeeId} measureId={m.id} version={historyVersion(m)} />
        </section>
      )}
    </article>
  );
}

function Detail({ term, value }: { term: string; value: string }) {
  return (
    <div className="detail">
      <dt>{term}</dt>
      <dd className="user-text">{value}</dd>
    </div>
  );
}
