import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Textarea,
} from '@fluentui/react-components';
import type { MeasureFields } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession } from '../session';
import { PRIORITY_GROUPS } from '../referenceLabels';

type TextKey = Exclude<keyof MeasureFields, 'text' | 'priorityGroups'>;

/**
 * Adding or editing a goal, sub-goal (text only) or measure (all its fields). What the person typed
 * stays in the form until the server accepts it.
 */
export function ItemEditorDialog({
  title,
  isMeasure,
  initial,
  onSubmit,
  onClose,
}: {
  title: string;
  isMeasure: boolean;
  initial: MeasureFields;
  onSubmit: (fields: MeasureFields) => Promise<void>;
  onClose: () => void;
}) {
  const { t, lang } = useSession();
  const [fields, setFields] = useState<MeasureFields>({
    ...initial,
    priorityGroups: initial.priorityGroups ?? [],
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [missingText, setMissingText] = useState(false);

  const set = (key: TextKey | 'text', value: string) => setFields((f) => ({ ...f, [key]: value }));
  const toggleGroup = (group: string, on: boolean) =>
    setFields((f) => {
      const groups = new Set(f.priorityGroups ?? []);
      if (on) groups.add(group);
      else groups.delete(group);
      return { ...f, priorityGroups: PRIORITY_GROUPS.map((g) => g.value).filter((g) => groups.has(g)) };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fields.text.trim()) {
      setMissingText(true);
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const out: MeasureFields = { text: fields.text.trim() };
      if (isMeasure) {
        for (const key of [
          'responsible',
          'timeline',
          'taskHospital',
          'taskMunicipalities',
          'measuringTool',
        ] as const)
          out[key] = (fields[key] ?? '').trim();
        out.priorityGroups = fields.priorityGroups ?? [];
      }
      await onSubmit(out);
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  };

  const textField = (key: TextKey, label: string, maxLength: number, long = false) => (
    <Field label={label}>
      {long ? (
        <Textarea
          value={fields[key] ?? ''}
          onChange={(_e, d) => set(key, d.value)}
          resize="vertical"
          rows={2}
          maxLength={maxLength}
        />
      ) : (
        <Input value={fields[key] ?? ''} onChange={(_e, d) => set(key, d.value)} maxLength={maxLength} />
      )}
    </Field>
  );

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface aria-describedby={undefined} className="editor-surface">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className="dialog-content">
              {error !== undefined && <ErrorMessage error={error} />}
              <Field
                label={t.board.text}
                required
                validationState={missingText && !fields.text.trim() ? 'error' : 'none'}
                validationMessage={missingText && !fields.text.trim() ? t.required : undefined}
              >
                <Textarea
                  value={fields.text}
                  onChange={(_e, d) => set('text', d.value)}
                  resize="vertical"
                  rows={isMeasure ? 4 : 3}
                  maxLength={isMeasure ? 4000 : 2000}
                  data-testid="item-text"
                />
              </Field>
              {isMeasure && (
                <>
                  {textField('responsible', t.board.responsible, 500)}
                  {textField('timeline', t.board.timeline, 500)}
                  {textField('taskHospital', t.board.taskHospital, 2000, true)}
                  {textField('taskMunicipalities', t.board.taskMunicipalities, 2000, true)}
                  {textField('measuringTool', t.board.measuringTool, 1000, true)}
                  <fieldset className="checkbox-group">
                    <legend>{t.board.priorityGroups}</legend>
                    {PRIORITY_GROUPS.map((g) => (
                      <Checkbox
                        key={g.value}
                        label={g.label[lang]}
                        checked={(fields.priorityGroups ?? []).includes(g.value)}
                        onChange={(_e, d) => toggleGroup(g.value, d.checked === true)}
                      />
                    ))}
                  </fieldset>
                </>
              )}
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
