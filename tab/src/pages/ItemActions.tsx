import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { api } from '../api/client';
import { useSession } from '../session';
import { useBoard } from './boardContext';

/** Edit, move and retire controls for one goal, sub-goal or measure (leaders and deputies only). */
export function ItemActions({
  item,
  what,
  first,
  last,
  onEdit,
}: {
  item: { id: string; etag?: string; retired: boolean };
  /** "Hovudmål", "Delmål", "Tiltak": used in the group's accessible name. */
  what: string;
  first: boolean;
  last: boolean;
  onEdit: () => void;
}) {
  const { t } = useSession();
  const board = useBoard();
  const [busy, setBusy] = useState(false);
  if (!board.canEdit) return null;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      board.reload();
    } catch (error) {
      board.reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div role="group" aria-label={t.board.itemActions(what)} className="item-actions no-print">
      {!item.retired && (
        <>
          <Button size="small" onClick={onEdit} disabled={busy}>
            {t.board.edit}
          </Button>
          <Button
            size="small"
            disabled={busy || first}
            onClick={() => void run(() => api.moveItem(board.committeeId, item.id, 'up'))}
          >
            {t.board.moveUp}
          </Button>
          <Button
            size="small"
            disabled={busy || last}
            onClick={() => void run(() => api.moveItem(board.committeeId, item.id, 'down'))}
          >
            {t.board.moveDown}
          </Button>
        </>
      )}
      <Button
        size="small"
        disabled={busy}
        onClick={() => void run(() => api.retireItem(board.committeeId, item.id, item.etag, !item.retired))}
      >
        {item.retired ? t.board.restore : t.board.retire}
      </Button>
    </div>
  );
}
