import { Spinner } from '@fluentui/react-components';
import { api } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format';
import { useLoad, useSession } from '../session';
import { statusLabel } from '../texts';

/** A measure's history (status changes and edits), newest first. */
export function HistoryList({
  committeeId,
  measureId,
  version,
}: {
  committeeId: string;
  measureId: string;
  /** Bumped when the measure changes, to load again. */
  version: number;
}) {
  const { t, lang } = useSession();
  const history = useLoad(() => api.history(committeeId, measureId), [committeeId, measureId, version]);
  if (history.error !== undefined) return <ErrorMessage error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Spinner size="tiny" label={t.loading} />;
  if (history.data.length === 0) return <p className="muted">{t.board.noHistory}</p>;
  const entries = [...history.data].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="history" data-testid="measure-history">
      {entries.map((entry, i) => (
        <li key={`${entry.at}-${i}`}>
          <HistoryLine entry={entry} />
          <span className="muted">
            {' '}
            – {entry.by.name}, <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
          </span>
          {entry.comment && <p className="user-text history-comment">{entry.comment}</p>}
        </li>
      ))}
    </ol>
  );
}

function HistoryLine({ entry }: { entry: HistoryEntry }) {
  const { t, lang } = useSession();
  const kinds = t.board.historyKind;
  if (entry.kind === 'status') {
    return (
      <strong>
        {kinds.status} {entry.year}: {entry.from ? statusLabel(entry.from, lang) : '–'} →{' '}
        {entry.to ? statusLabel(entry.to, lang) : '–'}
      </strong>
    );
  }
  if (entry.kind === 'case_linked' || entry.kind === 'case_unlinked')
    return (
      <strong>
        {kinds[entry.kind]} {entry.to ?? entry.from}
      </strong>
    );
  if (entry.kind === 'retire') return <strong>{entry.to === 'active' ? kinds.restore : kinds.retire}</strong>;
  if (entry.kind === 'reorder' && entry.from && entry.to)
    return (
      <strong>
        {kinds.reorder} {t.board.position(entry.from, entry.to)}
      </strong>
    );
  if (entry.kind === 'edit' && entry.changes?.length) {
    return (
      <>
        <strong>{kinds.edit}</strong>
        <ul className="changes">
          {entry.changes.map((c) => (
            <li key={c.field}>
              {t.board.fieldNames[c.field] ?? c.field}: <span className="user-text">{c.from || '–'}</span> →{' '}
              <span className="user-text">{c.to || '–'}</span>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <strong>{kinds[entry.kind] ?? entry.kind}</strong>;
}
