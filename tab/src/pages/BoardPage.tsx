import { useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Switch } from '@fluentui/react-components';
import { planYears } from '../../../bot/domain/plans/planModel';
import { api } from '../api/client';
import type { Measure, PlanResponse } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSession, type Loaded } from '../session';
import { BoardContext, visible, type BoardContextValue, type EditorRequest } from './boardContext';
import { GoalSection } from './GoalSection';
import { ItemEditorDialog } from './ItemEditorDialog';
import { replaceMeasure } from './planData';
import { StatusDialog } from './StatusDialog';

/**
 * The plan's editor ("Rediger planen"): main goals → sub-goals → measures, each with its edit
 * controls and status per year. The committee page above it loads the plan and shows its heading.
 */
export function BoardPage({ committeeId, plan }: { committeeId: string; plan: Loaded<PlanResponse> }) {
  const { t } = useSession();
  const [showRetired, setShowRetired] = useState(false);
  const [editor, setEditor] = useState<EditorRequest>();
  const [statusEdit, setStatusEdit] = useState<{ measure: Measure; year: string }>();
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  const data = plan.data;
  const context = useMemo<BoardContextValue | undefined>(
    () =>
      data && {
        committeeId,
        years: planYears(data.plan),
        canUpdateStatus: data.permissions.updateStatus,
        canEdit: data.permissions.edit,
        showRetired,
        measureChanged: (measure) => plan.setData(replaceMeasure(data, measure)),
        reload: () => {
          setActionError(undefined);
          plan.reload();
        },
        openEditor: (request) => setEditor(request),
        openStatus: (measure, year) => {
          setNotice(undefined);
          setStatusEdit({ measure, year });
        },
        reportError: setActionError,
      },
    // plan.setData and plan.reload are stable
    [data, committeeId, showRetired],
  );

  if (plan.error !== undefined && !data) return <ErrorMessage error={plan.error} onRetry={plan.reload} />;
  if (!data || !context) return <Spinner label={t.loading} />;

  const { committee, permissions } = data;
  const goals = visible(data.plan.mainGoals, showRetired);

  return (
    <BoardContext.Provider value={context}>
      <section className="board" aria-label={t.committee.edit} data-committee={committee.id}>
        {permissions.edit && (
          <div className="toolbar no-print">
            <Switch
              checked={showRetired}
              onChange={(_e, d) => setShowRetired(d.checked)}
              label={t.board.showRetired}
            />
          </div>
        )}
        <MessageBar intent="info" className="no-print" data-testid="permission-note">
          <MessageBarBody>
            {permissions.edit
              ? t.board.canEdit
              : permissions.updateStatus
                ? t.board.canUpdate
                : t.board.readOnly}
          </MessageBarBody>
        </MessageBar>
        {notice && (
          <MessageBar intent="success" role="status" className="no-print">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {actionError !== undefined && <ErrorMessage error={actionError} onRetry={plan.reload} />}
        {goals.length === 0 && <p>{t.board.noGoals}</p>}
        {goals.map((goal, i) => (
          <GoalSection key={goal.id} goal={goal} index={i} first={i === 0} last={i === goals.length - 1} />
        ))}
        {permissions.edit && (
          <Button
            appearance="primary"
            className="add-button no-print"
            onClick={() =>
              setEditor({
                title: t.board.addTitle(t.board.mainGoal),
                isMeasure: false,
                initial: { text: '' },
                submit: ({ text }) => api.addGoal(committeeId, text),
              })
            }
          >
            {t.board.addMainGoal}
          </Button>
        )}
      </section>
      {editor && (
        <ItemEditorDialog
          title={editor.title}
          isMeasure={editor.isMeasure}
          initial={editor.initial}
          onClose={() => setEditor(undefined)}
          onSubmit={async (fields) => {
            await editor.submit(fields);
            setEditor(undefined);
            plan.reload();
          }}
        />
      )}
      {statusEdit && (
        <StatusDialog
          committeeId={committeeId}
          measure={statusEdit.measure}
          year={statusEdit.year}
          onClose={() => setStatusEdit(undefined)}
          onLatest={context.measureChanged}
          onSaved={(measure) => {
            context.measureChanged(measure);
            setStatusEdit(undefined);
            setNotice(t.board.statusSaved);
          }}
        />
      )}
    </BoardContext.Provider>
  );
}
