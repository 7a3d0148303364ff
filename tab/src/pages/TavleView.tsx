import { useEffect, useId, useMemo, useState } from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { planYears } from '../../../bot/domain/plans/planModel';
import type { Measure, MeasureStatus, PlanResponse } from '../api/types';
import { LabeledSelect } from '../components/LabeledSelect';
import { StatusChip } from '../components/StatusChip';
import { currentYear } from '../format';
import { replaceQuery } from '../router';
import type { Loaded } from '../session';
import { useSession } from '../session';
import { PRIORITY_GROUPS, priorityGroupLabel } from '../referenceLabels';
import {
  activeMeasures,
  boardQuery,
  boardYear,
  filtersFrom,
  matches,
  replaceMeasure,
  responsibles,
  statusColumns,
  type BoardFilters,
} from './planData';
import { StatusDialog } from './StatusDialog';
import { TavleCard } from './TavleCard';

/** Long sub-goal texts are cut in the filter's list (the card shows them whole). */
function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69)}…` : text;
}

/**
 * The Tavle: for one year of the plan, a column per status with a card per measure in force. Moving
 * a card sets the measure's status for that year through the status API (with its optional comment),
 * and the move is announced to screen readers.
 */
export function TavleView({
  committeeId,
  plan,
  measureId,
  query,
}: {
  committeeId: string;
  plan: Loaded<PlanResponse>;
  measureId?: string;
  query: URLSearchParams;
}) {
  const { t, lang } = useSession();
  const data = plan.data!;
  const [year, setYear] = useState(() => boardYear(data.plan, currentYear(), query.get('year')));
  const [filters, setFilters] = useState<BoardFilters>(() => filtersFrom(query));
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(measureId ? [measureId] : []));
  const [move, setMove] = useState<{ measure: Measure; to: MeasureStatus }>();
  const [announcement, setAnnouncement] = useState('');
  const [focusId, setFocusId] = useState(measureId);
  const moveHelpId = useId();

  const all = useMemo(() => activeMeasures(data.plan), [data.plan]);
  const shown = all.filter((m) => matches(m, filters));
  const columns = statusColumns(shown, year);
  const canMove = data.permissions.updateStatus;

  // Focus the card a deep link names, and a moved card in its new column (after the dialog closed).
  useEffect(() => {
    if (!focusId || move) return;
    const timer = window.setTimeout(() => {
      document.querySelector<HTMLElement>(`[data-measure="${CSS.escape(focusId)}"]`)?.focus();
      setFocusId(undefined);
    }, 0);
    return () => window.clearTimeout(timer);
  }, [focusId, move]);

  const change = (nextYear: string, nextFilters: BoardFilters) => {
    setYear(nextYear);
    setFilters(nextFilters);
    replaceQuery(boardQuery(nextYear, nextFilters));
  };
  const setFilter = (key: keyof BoardFilters) => (value: string) =>
    change(year, { ...filters, [key]: value });
  const allOption = { value: '', label: t.tavle.all };
  const subGoals = [...new Map(all.map((m) => [m.subGoal.id, m.subGoal])).values()];

  const startMove = (id: string, to: MeasureStatus) => {
    const measure = all.find((m) => m.measure.id === id)?.measure;
    if (measure && (measure.statusByYear[year] ?? 'not_assessed') !== to) setMove({ measure, to });
  };

  return (
    <section className="tavle" aria-label={t.committee.tavle}>
      <div className="filter-bar no-print" role="group" aria-label={t.tavle.filters}>
        <LabeledSelect
          label={t.tavle.year}
          value={year}
          options={planYears(data.plan).map((y) => ({ value: y, label: y }))}
          onChange={(value) => change(value, filters)}
          testId="tavle-year"
        />
        <LabeledSelect
          label={t.board.subGoal}
          value={filters.subGoal}
          options={[
            allOption,
            ...subGoals.map((s) => ({ value: s.id, label: `${s.number} ${short(s.text)}` })),
          ]}
          onChange={setFilter('subGoal')}
        />
        <LabeledSelect
          label={t.board.responsible}
          value={filters.responsible}
          options={[allOption, ...responsibles(all).map((r) => ({ value: r, label: short(r) }))]}
          onChange={setFilter('responsible')}
        />
        <LabeledSelect
          label={t.board.priorityGroups}
          value={filters.priorityGroup}
          options={[
            allOption,
            ...PRIORITY_GROUPS.map((g) => ({ value: g.value, label: priorityGroupLabel(g.value, lang) })),
          ]}
          onChange={setFilter('priorityGroup')}
        />
        <p className="muted" data-testid="tavle-shown">
          {t.tavle.shown(shown.length, all.length)}
        </p>
      </div>
      {!canMove && (
        <MessageBar intent="info" className="no-print" data-testid="permission-note">
          <MessageBarBody>{t.board.readOnly}</MessageBarBody>
        </MessageBar>
      )}
      {canMove && (
        <p id={moveHelpId} className="muted small no-print" data-testid="tavle-keys">
          {t.tavle.keyboardHelp}
        </p>
      )}
      <div role="status" aria-live="polite" className="tavle-announcement" data-testid="tavle-announcement">
        {announcement && (
          <MessageBar intent="success">
            <MessageBarBody className="user-text">{announcement}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className="tavle-columns">
        {columns.map((column) => (
          <section
            key={column.status}
            className="tavle-column"
            data-status={column.status}
            aria-labelledby={`column-${column.status}`}
            onDragOver={(e) => {
              if (canMove) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              if (canMove) startMove(e.dataTransfer.getData('text/plain'), column.status);
            }}
          >
            <h2 id={`column-${column.status}`} className="tavle-column-heading">
              <StatusChip status={column.status} size="medium" />
              <span className="muted small">{t.tavle.count(column.measures.length)}</span>
            </h2>
            {column.measures.length === 0 ? (
              <p className="muted">{t.tavle.empty}</p>
            ) : (
              <ul className="tavle-cards">
                {column.measures.map((item) => (
                  <li key={item.measure.id}>
                    <TavleCard
                      item={item}
                      committeeId={committeeId}
                      status={column.status}
                      canMove={canMove}
                      moveHelpId={moveHelpId}
                      detailsOpen={open.has(item.measure.id)}
                      onToggleDetails={() =>
                        setOpen((current) => {
                          const next = new Set(current);
                          if (!next.delete(item.measure.id)) next.add(item.measure.id);
                          return next;
                        })
                      }
                      onMove={(to) => startMove(item.measure.id, to)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      {move && (
        <StatusDialog
          committeeId={committeeId}
          measure={move.measure}
          year={year}
          initialStatus={move.to}
          onClose={() => {
            setFocusId(move.measure.id);
            setMove(undefined);
          }}
          onLatest={(latest) => plan.setData(replaceMeasure(plan.data!, latest))}
          onSaved={(saved) => {
            plan.setData(replaceMeasure(plan.data!, saved));
            const status = saved.statusByYear[year] ?? 'not_assessed';
            setAnnouncement(t.tavle.moved(saved.text, t.status[status], year));
            setFocusId(saved.id);
            setMove(undefined);
          }}
        />
      )}
    </section>
  );
}
