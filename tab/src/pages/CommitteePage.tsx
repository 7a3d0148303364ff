import { lazy, Suspense } from 'react';
import { Button, Link, Spinner, Switch, Tab, TabList } from '@fluentui/react-components';
import { api, exportPaths } from '../api/client';
import { DownloadButton } from '../components/DownloadButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDate } from '../format';
import { currentQuery, href, type BoardView } from '../router';
import { useLoad, useSession } from '../session';
import { forumName, workingGroupsOf } from '../../../bot/domain/forums/forums';
import { committeeName } from '../referenceLabels';
import { CommitteeCasesSection } from './CommitteeCasesSection';

// Each view of the plan is its own chunk, loaded when the person first opens it.
const TavleView = lazy(() => import('./TavleView').then((m) => ({ default: m.TavleView })));
const PlanView = lazy(() => import('./PlanView').then((m) => ({ default: m.PlanView })));
const BoardPage = lazy(() => import('./BoardPage').then((m) => ({ default: m.BoardPage })));

/**
 * A committee's page: its heading, the switch between the Tavle and the Plan table, "Rediger planen"
 * for those who may edit the plan, and the chosen view of the one plan it loads. `printMode` is the
 * plan table alone, for paper (`#/print/<committee>`).
 */
export function CommitteePage({
  committeeId,
  view,
  measureId,
  query = new URLSearchParams(),
  printMode = false,
}: {
  committeeId: string;
  view: BoardView;
  measureId?: string;
  query?: URLSearchParams;
  printMode?: boolean;
}) {
  const { t, lang } = useSession();
  const plan = useLoad(() => api.plan(committeeId), [committeeId]);
  if (plan.error !== undefined && !plan.data)
    return <ErrorMessage error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Spinner label={t.loading} />;
  const { committee, permissions, plan: p } = plan.data;
  const workingGroups = workingGroupsOf(committee.id);

  return (
    <article className="committee-page" aria-labelledby="board-title" data-committee={committee.id}>
      <p className="no-print">
        {printMode ? (
          <Link href={href.boardPlan(committee.id)}>← {t.print.back}</Link>
        ) : (
          <Link href={href.overview()}>← {t.board.back}</Link>
        )}
      </p>
      <h1 id="board-title">{committeeName(committee, lang)}</h1>
      <p className="plan-title user-text">{p.title}</p>
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
          {p.periodStart}–{p.periodEnd}
        </dd>
        {committee.parentId && (
          <>
            <dt>{t.committee.workingGroupUnder}</dt>
            <dd>
              <Link href={href.board(committee.parentId)}>{forumName(committee.parentId, lang)}</Link>
            </dd>
          </>
        )}
        {workingGroups.length > 0 && (
          <>
            <dt>{t.committee.workingGroups}</dt>
            {workingGroups.map((group) => (
              <dd key={group.id}>
                <Link href={href.board(group.id)}>{forumName(group.id, lang)}</Link>
              </dd>
            ))}
          </>
        )}
      </dl>
      {printMode && <p className="muted">{t.print.printed(formatDate(new Date(), lang))}</p>}
      {printMode ? (
        <div className="toolbar no-print">
          <Button appearance="primary" onClick={() => window.print()}>
            {t.print.print}
          </Button>
        </div>
      ) : (
        <div className="toolbar view-switch no-print">
          <nav aria-label={t.committee.views}>
            <TabList
              selectedValue={view === 'rediger' ? null : view}
              onTabSelect={(_e, data) => {
                const yearQuery = keepYear();
                window.location.hash =
                  data.value === 'plan'
                    ? href.boardPlan(committee.id, yearQuery)
                    : href.board(committee.id, yearQuery);
              }}
            >
              <Tab value="tavle">{t.committee.tavle}</Tab>
              <Tab value="plan">{t.committee.plan}</Tab>
            </TabList>
          </nav>
          {permissions.edit && (
            <Switch
              checked={view === 'rediger'}
              label={t.committee.edit}
              onChange={(_e, data) => {
                window.location.hash = data.checked
                  ? href.boardEdit(committee.id)
                  : href.board(committee.id, keepYear());
              }}
            />
          )}
          <Link href={href.print(committee.id)}>{t.board.print}</Link>
          <DownloadButton
            path={exportPaths.plan(committee.id, lang)}
            fileName={`handlingsplan-${committee.id}.csv`}
            label={t.board.exportCsv}
          />
        </div>
      )}
      <Suspense fallback={<Spinner label={t.loading} />}>
        {view === 'tavle' && (
          <TavleView committeeId={committee.id} plan={plan} measureId={measureId} query={query} />
        )}
        {view === 'plan' && <PlanView plan={plan.data} />}
        {view === 'rediger' && <BoardPage committeeId={committee.id} plan={plan} />}
      </Suspense>
      {!printMode && view !== 'plan' && <CommitteeCasesSection committeeId={committee.id} />}
    </article>
  );
}

/** The year chosen on the Tavle goes along to the other view. */
function keepYear(): URLSearchParams | undefined {
  const year = currentQuery().get('year');
  return year ? new URLSearchParams({ year }) : undefined;
}
