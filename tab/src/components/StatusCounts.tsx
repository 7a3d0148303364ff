import { MEASURE_STATUSES, type MeasureStatus } from '../../../bot/domain/plans/planModel';
import type { StatusCounts as Counts } from '../api/types';
import { StatusChip } from './StatusChip';

/** The order people read status counts in: done first, not assessed last. */
export const STATUS_ORDER: MeasureStatus[] = ['done', 'in_progress', 'not_started', 'not_assessed'];

export function StatusCounts({ counts, label }: { counts: Counts; label: string }) {
  const total = MEASURE_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <div className="status-counts">
      <ul aria-label={label} className="status-count-list">
        {STATUS_ORDER.map((status) => (
          <li key={status} data-status={status}>
            <StatusChip status={status} size="medium" />
            <strong className="count">{counts[status] ?? 0}</strong>
          </li>
        ))}
      </ul>
      {total > 0 && (
        <div className="status-bar" aria-hidden="true">
          {STATUS_ORDER.map((status) =>
            counts[status] ? (
              <span
                key={status}
                className={`status-bar-part status-fill-${status}`}
                style={{ flexGrow: counts[status] }}
              />
            ) : null,
          )}
        </div>
      )}
    </div>
  );
}
