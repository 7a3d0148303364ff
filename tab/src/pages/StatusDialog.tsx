import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { MEASURE_STATUSES } from '../../../bot/domain/plans/planModel';
import { ApiError, api } from '../api/client';
import type { Measure, MeasureStatus } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { StatusChip } from '../components/StatusChip';
import { useSession } from '../session';

function isMeasure(value: unknown): value is Measure {
  return !!value && typeof value === 'object' && 'statusByYear' in value && 'etag' in value;
}

/**
 * Changing one year's status of a measure, with an optional comment. When someone else changed the
 * measure first (409), says so, shows the current status and keeps the comment for another try.
 */
export function StatusDialog({
  committeeId,
  measure,
  year,
  initialStatus,
  onSaved,
  onLatest,
  onClose,
}: {
  committeeId: string;
  measure: Measure;
  year: string;
  /** The status to offer first (the column a measure is moved to on the Tavle); else the current one. */
  initialStatus?: MeasureStatus;
  onSaved: (measure: Measure) => void;
  /** Someone else's newer version of the measure (after a conflict), for the board to show. */
  onLatest: (measure: Measure) => void;
  onClose: () => void;
}) {
  const { t } = useSession();
  const [base, setBase] = useState(measure);
  const current = base.statusByYear[year] ?? 'not_assessed';
  const [status, setStatus] = useState<MeasureStatus>(initialStatus ?? current);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<MeasureStatus>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const trimmed = comment.trim();
      const result = await api.setStatus(committeeId, measure.id, {
        year: Number(year),
        status,
        ...(trimmed ? { comment: trimmed } : {}),
        etag: base.etag,
      });
      onSaved(result.measure);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const latest = err.body.current;
        if (isMeasure(latest)) {
          setBase(latest);
          onLatest(latest);
          setConflict(latest.statusByYear[year] ?? 'not_assessed');
        } else setError(err);
      } else setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => void submit(e)}>
          <DialogBody>
            <DialogTitle>{t.board.statusTitle(year)}</DialogTitle>
            <DialogContent className="dialog-content">
              <p className="user-text measure-excerpt">{measure.text}</p>
              {conflict && (
                <MessageBar intent="warning" role="alert" data-testid="status-conflict">
                  <MessageBarBody>
                    {t.board.conflict(t.status[conflict])} <StatusChip status={conflict} size="medium" />
                  </MessageBarBody>
                </MessageBar>
              )}
              {error !== undefined && <ErrorMessage error={error} />}
              <Field label={t.board.newStatus}>
                <Select
                  value={status}
                  onChange={(_e, data) => setStatus(data.value as MeasureStatus)}
                  data-testid="status-select"
                >
                  {MEASURE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t.status[s]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t.board.comment}>
                <Textarea
                  value={comment}
                  onChange={(_e, data) => setComment(data.value)}
                  resize="vertical"
                  rows={3}
                  maxLength={1000}
                  data-testid="status-comment"
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving}>
                {saving ? t.saving : t.save}
              </Button>
              <Button type="button" onClick={onClose}>
                {t.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
