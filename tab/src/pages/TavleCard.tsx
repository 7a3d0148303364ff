import { useId, type KeyboardEvent } from 'react';
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
import { neighbourStatus, type BoardMeasure } from './planData';

/** The keys that move a focused card one column right or left, in aria-keyshortcuts syntax. */
const MOVE_SHORTCUTS = 'Alt+Shift+ArrowRight Alt+Shift+ArrowLeft';

/**
 * One measure on the Tavle: its text, responsible, sub-goal, priority groups and linked cases. Those
 * who may change its status move it with "Flytt" (a menu of the other columns, for keyboard and
 * mouse alike), by dragging it, or with Alt+Shift+Right/Left arrow on the focused card (to the next
 * or previous column); "Vis detaljar" opens the rest of the measure and its history.
 *
 * Alt+Shift+arrow because the plainer combinations are taken: Alt+arrow is the browser's back and
 * forward, Ctrl+arrow moves by word and Ctrl+Alt+arrow through table cells in NVDA and JAWS, and
 * Ctrl+Option is VoiceOver's own modifier. The keys are named in the card's description (`moveHelpId`).
 */
export function TavleCard({
  item: { measure: m, subGoal },
  committeeId,
  status,
  canMove,
  moveHelpId,
  detailsOpen,
  onToggleDetails,
  onMove,
}: {
  item: BoardMeasure;
  committeeId: string;
  status: MeasureStatus;
  canMove: boolean;
  /** The id of the text that tells how to move a card with the keyboard. */
  moveHelpId: string;
  detailsOpen: boolean;
  onToggleDetails: () => void;
  onMove: (to: MeasureStatus) => void;
}) {
  const { t } = useSession();
  const textId = useId();
  const detailsId = useId();
  const tasks = taskRows(m);
  const caseCount = m.cases?.length ?? 0;

  const moveWithKeys = (e: KeyboardEvent<HTMLElement>) => {
    // Only keys pressed in the card itself, not in its menu (a portal elsewhere in the page).
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (!(e.target instanceof Node) || !e.currentTarget.contains(e.target)) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : undefined;
    if (!step) return;
    e.preventDefault();
    const to = neighbourStatus(status, step);
    if (to) onMove(to);
  };

  return (
    <article
      className="panel tavle-card"
      data-measure={m.id}
      aria-labelledby={textId}
      tabIndex={canMove ? 0 : -1}
      draggable={canMove}
      aria-describedby={canMove ? moveHelpId : undefined}
      aria-keyshortcuts={canMove ? MOVE_SHORTCUTS : undefined}
      onKeyDown={canMove ? moveWithKeys : undefined}
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
