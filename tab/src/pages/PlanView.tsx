import { planYears } from '../../../bot/domain/plans/planModel';
import type { PlanResponse } from '../api/types';
import { STATUS_GLYPH } from '../components/StatusChip';
import { useSession } from '../session';
import { visible } from './boardContext';

/**
 * The plan as the joint action plan lays it out (seed 002): per main goal a table of sub-goals,
 * measures and responsible, with one cell per year coloured and labelled by its status. It scrolls
 * sideways in a narrow channel tab and prints on A4 landscape.
 */
export function PlanView({ plan: data }: { plan: PlanResponse }) {
  const { t } = useSession();
  const years = planYears(data.plan);
  const goals = visible(data.plan.mainGoals, false);
  if (goals.length === 0) return <p>{t.board.noGoals}</p>;

  return (
    <section className="plan-view" aria-label={t.committee.plan}>
      {goals.map((goal, gi) => (
        <section key={goal.id} className="print-goal" data-goal={goal.id}>
          <h2>
            {t.board.mainGoal} {gi + 1}: <span className="user-text">{goal.text}</span>
          </h2>
          <div className="table-scroll">
            <table className="print-table plan-table">
              <caption className="visually-hidden">{t.planTable.caption(goal.text)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.board.subGoal}</th>
                  <th scope="col">{t.board.measure}</th>
                  <th scope="col">{t.board.responsible}</th>
                  {years.map((y) => (
                    <th scope="col" key={y} className="year-col">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {visible(goal.subGoals, false).map((sub, si) => {
                  const measures = visible(sub.measures, false);
                  const heading = (
                    <th scope="row" rowSpan={Math.max(measures.length, 1)} className="subgoal-cell">
                      {gi + 1}.{si + 1} <span className="user-text">{sub.text}</span>
                    </th>
                  );
                  if (measures.length === 0)
                    return (
                      <tr key={sub.id} data-subgoal={sub.id}>
                        {heading}
                        <td colSpan={2 + years.length} />
                      </tr>
                    );
                  return measures.map((m, i) => (
                    <tr key={m.id} data-subgoal={sub.id} data-measure={m.id}>
                      {i === 0 && heading}
                      <td className="user-text">{m.text}</td>
                      <td className="user-text">{m.responsible}</td>
                      {years.map((y) => {
                        const status = m.statusByYear[y] ?? 'not_assessed';
                        return (
                          <td
                            key={y}
                            className={`status-cell status-cell-${status}`}
                            data-year={y}
                            data-status={status}
                          >
                            {/* The glyph repeats the status, so colour is never the only signal. */}
                            <span aria-hidden="true" className="status-glyph">
                              {STATUS_GLYPH[status]}
                            </span>
                            {t.status[status]}
                          </td>
                        );
                      })}
                    </tr>
                  ));
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
