import { useMemo, useState } from 'react';
import { Button, Link, MessageBar, MessageBarBody, Spinner, Switch } from '@fluentui/react-components';
import { planYears } from '../../../bot/domain/plans/planModel';
import { api, exportPaths } from '../api/client';
import type { Measure, PlanResponse } from '../api/types';
import { DownloadButton } from '../components/DownloadButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { BoardContext, visible, type BoardContextValue, type EditorRequest } from './boardContext';
import { CommitteeCasesSection } from './CommitteeCasesSection';
import { GoalSection } from './GoalSection';
import { ItemEditorDialog } from './ItemEditorDialog';
import { StatusDialog } from './StatusDialog';
import { committeeName } from '../texts';

function replaceMeasure(data: PlanResponse, measure: Measure): PlanResponse {
  return {
    ...data,
    plan: {
      ...data.plan,
      mainGoals: data.plan.mainGoals.map((g) => ({
        ...g,
        subGoals: g.subGoals.map((s) => ({
          ...s,
          measures: s.measures.map((m) => (m.id === measure.id ? { ...m, ...measure } : m)),
        })),
      })),
    },
  };
}

/** A committee's action plan: main goals → sub-goals → measures, with status per year. */
export function BoardPage({ committeeId }: { committeeId: string }) {
  const { t, lang } = useSession();
  const plan = useLoad(() => api.plan(committeeId), [committeeId]);
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
      <article className="board" aria-labelledby="board-title" data-committee={committee.id}>
        <p className="no-print">
          <Link href={href.overview()}>← {t.board.back}</Link>
        </p>
        <h1 id="board-title">{committeeName(committee, lang)}</h1>
        <p className="plan-title user-text">{data.plan.title}</p>
        <dl className="people">
          {committee.leader && (
            <>
              <dt>{t.board.leader}</dt>
              <dd>{committee.leader}</dd>
            </>
          )}
          {committee.deputy && (
            <>
              <dt>{t.board.deputy}</dt>
              <dd>{committee.deputy}</dd>
            </>
          )}
          <dt>{t.board.period}</dt>
          <dd>
            {data.plan.periodStart}–{data.plan.periodEnd}
          </dd>
        </dl>
        <div className="toolbar no-print">
          <Link href={href.print(committee.id)}>{t.board.print}</Link>
          <DownloadButton
            path={exportPaths.plan(committee.id, lang)}
            fileName={`handlingsplan-${committee.id}.csv`}
            label={t.board.exportCsv}
          />
          {permissions.edit && (
            <Switch
              checked={showRetired}
              onChange={(_e, d) => setShowRetired(d.checked)}
              label={t.board.showRetired}
            />
          )}
        </div>
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
        <CommitteeCasesSection committeeId={committee.id} />
      </article>
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
