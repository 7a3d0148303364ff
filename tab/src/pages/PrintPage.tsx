import { Button, Link, Spinner } from '@fluentui/react-components';
import { planYears } from '../../../bot/domain/plans/planModel';
import { api } from '../api/client';
import type { Measure } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { StatusChip } from '../components/StatusChip';
import { formatDate } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { committeeName, priorityGroupLabel } from '../texts';
import { visible } from './boardContext';
import { taskRows } from './MeasureCard';

/** A committee's plan laid out for paper (a meeting handout): one table per main goal. */
export function PrintPage({ committeeId }: { committeeId: string }) {
  const { t, lang } = useSession();
  const plan = useLoad(() => api.plan(committeeId), [committeeId]);
  if (plan.error !== undefined) return <ErrorMessage error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Spinner label={t.loading} />;
  const { committee, plan: p } = plan.data;
  const years = planYears(p);

  return (
    <article className="print-view" aria-labelledby="print-title">
      <div className="toolbar no-print">
        <Link href={href.board(committee.id)}>← {t.print.back}</Link>
        <Button appearance="primary" onClick={() => window.print()}>
          {t.print.print}
        </Button>
      </div>
      <h1 id="print-title">{committeeName(committee, lang)}</h1>
      <p className="user-text">{p.title}</p>
      <p className="muted">
        {[
          committee.leader && `${t.board.leader}: ${committee.leader}`,
          committee.deputy && `${t.board.deputy}: ${committee.deputy}`,
          `${t.board.period}: ${p.periodStart}–${p.periodEnd}`,
          t.print.printed(formatDate(new Date(), lang)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {visible(p.mainGoals, false).map((goal, gi) => (
        <section key={goal.id} className="print-goal">
          <h2>
            {t.board.mainGoal} {gi + 1}: <span className="user-text">{goal.text}</span>
          </h2>
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t.board.subGoal}</th>
                <th scope="col">{t.board.measure}</th>
                <th scope="col">
                  {t.board.responsible} / {t.board.timeline}
                </th>
                {years.map((y) => (
                  <th scope="col" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible(goal.subGoals, false).map((sub) => {
                const measures = visible(sub.measures, false);
                return measures.length === 0 ? (
                  <tr key={sub.id}>
                    <td className="user-text">{sub.text}</td>
                    <td colSpan={2 + years.length} />
                  </tr>
                ) : (
                  measures.map((m, i) => (
                    <tr key={m.id}>
                      {i === 0 && (
                        <td rowSpan={measures.length} className="user-text">
                          {sub.text}
                        </td>
                      )}
                      <td>
                        <MeasureText m={m} />
                      </td>
                      <td className="user-text">{[m.responsible, m.timeline].filter(Boolean).join('\n')}</td>
                      {years.map((y) => (
                        <td key={y}>
                          <StatusChip status={m.statusByYear[y] ?? 'not_assessed'} size="medium" />
                        </td>
                      ))}
                    </tr>
                  ))
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}

function MeasureText({ m }: { m: Measure }) {
  const { t, lang } = useSession();
  const tasks = taskRows(m);
  return (
    <>
      <p className="user-text">{m.text}</p>
      {tasks.joint && <p className="user-text small">{`${t.board.jointTask}: ${tasks.joint}`}</p>}
      {tasks.hospital && <p className="user-text small">{`${t.board.taskHospital}: ${tasks.hospital}`}</p>}
      {tasks.municipalities && (
        <p className="user-text small">{`${t.board.taskMunicipalities}: ${tasks.municipalities}`}</p>
      )}
      {m.measuringTool && <p className="user-text small">{`${t.board.measuringTool}: ${m.measuringTool}`}</p>}
      {m.priorityGroups.length > 0 && (
        <p className="small">{m.priorityGroups.map((g) => priorityGroupLabel(g, lang)).join(', ')}</p>
      )}
    </>
  );
}
