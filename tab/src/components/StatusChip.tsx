import { Badge } from '@fluentui/react-components';
import type { MeasureStatus } from '../api/types';
import { useSession } from '../session';

/**
 * A measure's status as a coloured chip with its label (seed 002: red not started, yellow in
 * progress, green done; grey not assessed). A glyph repeats the meaning so colour is never alone.
 */
const LOOK: Record<
  MeasureStatus,
  { color: 'danger' | 'warning' | 'success' | 'informative'; glyph: string }
> = {
  not_started: { color: 'danger', glyph: '✕' },
  in_progress: { color: 'warning', glyph: '◐' },
  done: { color: 'success', glyph: '✓' },
  not_assessed: { color: 'informative', glyph: '–' },
};

/** The glyph of each status, for every place that shows a status beside its colour. */
export const STATUS_GLYPH = Object.fromEntries(
  Object.entries(LOOK).map(([status, look]) => [status, look.glyph]),
) as Record<MeasureStatus, string>;

export function StatusChip({ status, size = 'large' }: { status: MeasureStatus; size?: 'medium' | 'large' }) {
  const { t } = useSession();
  const look = LOOK[status] ?? LOOK.not_assessed;
  return (
    <Badge
      appearance="tint"
      color={look.color}
      size={size}
      shape="rounded"
      className={`status-chip status-${status}`}
      data-status={status}
    >
      <span aria-hidden="true" className="status-glyph">
        {look.glyph}
      </span>
      {t.status[status] ?? status}
    </Badge>
  );
}
