import { Badge, Button } from '@fluentui/react-components';
import { api } from '../api/client';
import type { MainGoal, SubGoal } from '../api/types';
import { useSession } from '../session';
import { useBoard, visible } from './boardContext';
import { ItemActions } from './ItemActions';
import { MeasureCard } from './MeasureCard';

/** A main goal (hovudmål) with its sub-goals and their measures. */
export function GoalSection({
  goal,
  index,
  first,
  last,
}: {
  goal: MainGoal;
  index: number;
  first: boolean;
  last: boolean;
}) {
  const { t } = useSession();
  const board = useBoard();
  const subGoals = visible(goal.subGoals, board.showRetired);
  const headingId = `goal-${goal.id}`;
  return (
    <section
      className={`goal${goal.retired ? ' retired' : ''}`}
      aria-labelledby={headingId}
      data-goal={goal.id}
    >
      <h2 id={headingId} className="goal-heading">
        <span className="level">
          {t.board.mainGoal} {index + 1}
        </span>
        <span className="user-text goal-text">{goal.text}</span>
      </h2>
      {goal.retired && (
        <Badge appearance="filled" color="subtle">
          {t.board.retired}
        </Badge>
      )}
      <ItemActions
        item={goal}
        what={t.board.mainGoal}
        first={first}
        last={last}
        onEdit={() =>
          board.openEditor({
            title: t.board.editTitle(t.board.mainGoal),
            isMeasure: false,
            initial: { text: goal.text },
            submit: ({ text }) => api.editItem(board.committeeId, goal.id, goal.etag, { text }),
          })
        }
      />
      {subGoals.map((sub, i) => (
        <SubGoalSection
          key={sub.id}
          sub={sub}
          label={`${index + 1}.${i + 1}`}
          first={i === 0}
          last={i === subGoals.length - 1}
        />
      ))}
      {board.canEdit && !goal.retired && (
        <Button
          className="add-button no-print"
          onClick={() =>
            board.openEditor({
              title: t.board.addTitle(t.board.subGoal),
              isMeasure: false,
              initial: { text: '' },
              submit: ({ text }) => api.addSubGoal(board.committeeId, goal.id, text),
            })
          }
        >
          {t.board.addSubGoal}
        </Button>
      )}
    </section>
  );
}

function SubGoalSection({
  sub,
  label,
  first,
  last,
}: {
  sub: SubGoal;
  label: string;
  first: boolean;
  last: boolean;
}) {
  const { t } = useSession();
  const board = useBoard();
  const measures = visible(sub.measures, board.showRetired);
  const headingId = `sub-${sub.id}`;
  return (
    <section
      className={`subgoal${sub.retired ? ' retired' : ''}`}
      aria-labelledby={headingId}
      data-subgoal={sub.id}
    >
      <h3 id={headingId} className="subgoal-heading">
        <span className="level">
          {t.board.subGoal} {label}
        </span>
        <span className="user-text">{sub.text}</span>
      </h3>
      {sub.retired && (
        <Badge appearance="filled" color="subtle">
          {t.board.retired}
        </Badge>
      )}
      <ItemActions
        item={sub}
        what={t.board.subGoal}
        first={first}
        last={last}
        onEdit={() =>
          board.openEditor({
            title: t.board.editTitle(t.board.subGoal),
            isMeasure: false,
            initial: { text: sub.text },
            submit: ({ text }) => api.editItem(board.committeeId, sub.id, sub.etag, { text }),
          })
        }
      />
      <ul className="measures" aria-label={t.board.measure}>
        {measures.map((m, i) => (
          <li key={m.id}>
            <MeasureCard measure={m} first={i === 0} last={i === measures.length - 1} />
          </li>
        ))}
      </ul>
      {board.canEdit && !sub.retired && (
        <Button
          className="add-button no-print"
          onClick={() =>
            board.openEditor({
              title: t.board.addTitle(t.board.measure),
              isMeasure: true,
              initial: { text: '', priorityGroups: [] },
              submit: (fields) => api.addMeasure(board.committeeId, sub.id, fields),
            })
          }
        >
          {t.board.addMeasure}
        </Button>
      )}
    </section>
  );
}
