import type { Person } from '../person';
import type { Committee, HistoryEntry, MeasureRecord, Plan, PlanItem } from './plan';
import { planYears, type SeedFile } from './planModel';
import { WriteConflict, type PlanRepository, type PlanWrite } from './planRepository';

/**
 * Changes to the default plan content that a store seeded before them must get too. The seed is
 * loaded once (PlanRepository.seed), so each change here runs once per store: it is recorded by name
 * when done, and is safe to run again or on two instances at once (every write is conditioned on
 * what was read, and a lost race is re-read). Statuses people set are kept; a goal someone already
 * retired is left alone, and a retired copy keeps its history and can be brought back.
 */

/** Who the plan history names for these changes. */
export const SEED_UPDATE_ACTOR: Person = { id: 'app:seed-update', name: 'Oppdatering av standardinnhaldet' };

/**
 * The joint action plan (seed 002) printed the three goals of the working group's plan (seed 001) as
 * main goals 2-4 of FSU rehabilitering, so they were seeded twice with two independent statuses. The
 * working group's plan keeps them; the copies in the FSU's plan are retired (kept, with their
 * history, and hidden as retired items are).
 */
const WORKING_GROUP_GOALS_ONCE = {
  name: 'working-group-goals-once',
  committeeId: 'fsu-rehabilitering',
  goalIds: ['fsu-rehabilitering.g2', 'fsu-rehabilitering.g3', 'fsu-rehabilitering.g4'],
  comment:
    'Måla står no berre éin gong, i planen til arbeidsgruppa for individuell plan, koordinator og koordinerande einingar.',
};

const STATUS_YEARS = 'status-years-from-seed';

const MAX_ATTEMPTS = 4;
/** Within the 100 operations of one storage transaction. */
const MEASURES_PER_WRITE = 90;

/** Runs the updates not yet recorded in this store; returns the names of those it ran. */
export async function applySeedUpdates(plans: PlanRepository, file: SeedFile, now: Date): Promise<string[]> {
  const ran: string[] = [];
  const at = now.toISOString();
  if (!(await plans.seedUpdateDone(WORKING_GROUP_GOALS_ONCE.name))) {
    await retryOnConflict(() => retireDuplicateGoals(plans, at));
    await plans.markSeedUpdateDone(WORKING_GROUP_GOALS_ONCE.name, now);
    ran.push(WORKING_GROUP_GOALS_ONCE.name);
  }
  if (!(await plans.seedUpdateDone(STATUS_YEARS))) {
    for (const committee of file.committees) {
      const first = committee.plan.firstStatusYear;
      if (first !== undefined) await retryOnConflict(() => statusYearsFrom(plans, committee.id, first));
    }
    await plans.markSeedUpdateDone(STATUS_YEARS, now);
    ran.push(STATUS_YEARS);
  }
  return ran;
}

async function retryOnConflict(step: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

function withVersionBump(plan: Plan, write: Omit<PlanWrite, 'committee'>, next?: Committee): PlanWrite {
  const committee = next ?? plan.committee;
  return {
    ...write,
    committee: {
      next: { ...committee, version: plan.committee.version + 1 },
      expectedEtag: plan.committee.etag ?? '',
    },
  };
}

async function retireDuplicateGoals(plans: PlanRepository, at: string): Promise<void> {
  const { committeeId, goalIds, comment } = WORKING_GROUP_GOALS_ONCE;
  const plan = await plans.getPlan(committeeId);
  if (!plan) return;
  const active = plan.mainGoals.filter((g) => goalIds.includes(g.id) && !g.retired);
  if (active.length === 0) return;
  const items = active.map((goal) => {
    const { subGoals: _children, ...record } = goal;
    const next: PlanItem = { ...record, retired: true, version: goal.version + 1 };
    return { next, expectedEtag: goal.etag ?? '' };
  });
  const history: HistoryEntry[] = active.map((goal) => ({
    itemId: goal.id,
    at,
    by: SEED_UPDATE_ACTOR,
    kind: 'retire',
    from: 'active',
    to: 'retired',
    comment,
  }));
  await plans.write(committeeId, withVersionBump(plan, { items, history }));
}

/**
 * Gives a committee the status years its seed now has (from the source's first status column) and
 * each of its measures a key for every such year ("not assessed" where none was set).
 */
async function statusYearsFrom(plans: PlanRepository, committeeId: string, first: number): Promise<void> {
  const plan = await plans.getPlan(committeeId);
  if (!plan || plan.committee.firstStatusYear !== undefined) return;
  const committee: Committee = { ...plan.committee, firstStatusYear: first };
  const years = planYears(committee);
  const items: PlanWrite['items'] = [];
  for (const goal of plan.mainGoals) {
    for (const subGoal of goal.subGoals) {
      for (const measure of subGoal.measures) {
        if (years.every((y) => y in measure.statusByYear)) continue;
        const statusByYear = Object.fromEntries(
          years.map((y) => [y, measure.statusByYear[y] ?? 'not_assessed'] as const),
        );
        const next: MeasureRecord = {
          ...measure,
          statusByYear: { ...statusByYear, ...measure.statusByYear },
          version: measure.version + 1,
        };
        items.push({ next, expectedEtag: measure.etag ?? '' });
      }
    }
  }
  // Measures first (in transactions that fit), the committee row last: an interrupted run is
  // finished by the next start, which skips the measures already done.
  for (let start = 0; start < items.length; start += MEASURES_PER_WRITE) {
    await plans.write(committeeId, { items: items.slice(start, start + MEASURES_PER_WRITE), history: [] });
  }
  await plans.write(committeeId, withVersionBump(plan, { items: [], history: [] }, committee));
}
