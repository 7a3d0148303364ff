import { z } from 'zod';
import { committeeIdentity } from './committeeIdentity';
import { MEASURE_STATUSES, PRIORITY_GROUPS, planYears, type SeedFile } from './planModel';

/**
 * The default plan content is data someone edits by hand: it is parsed into the domain's types by
 * this schema when the server starts, so a mistake stops the start with the path to it instead of
 * reaching storage. `scripts/check-plan-seed.mjs` checks the wording (PDF leftovers) on top.
 */
const text = z.string().trim().min(1);
const optional = z.string().optional();

const measure = z.strictObject({
  id: text,
  text,
  responsible: optional,
  timeline: optional,
  taskHospital: optional,
  taskMunicipalities: optional,
  measuringTool: optional,
  priorityGroups: z.array(z.enum(PRIORITY_GROUPS)),
  statusByYear: z.record(z.string().regex(/^\d{4}$/), z.enum(MEASURE_STATUSES)),
  note: optional,
});

const subGoal = z.strictObject({ id: text, text, note: optional, measures: z.array(measure) });
const mainGoal = z.strictObject({ id: text, text, note: optional, subGoals: z.array(subGoal) });

const plan = z
  .strictObject({
    title: text,
    periodStart: z.number().int().min(2000).max(2100),
    periodEnd: z.number().int().min(2000).max(2100),
    firstStatusYear: z.number().int().min(2000).max(2100).optional(),
    mainGoals: z.array(mainGoal),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart)
      ctx.addIssue({ code: 'custom', message: 'periodEnd before periodStart' });
    if (p.firstStatusYear !== undefined && p.firstStatusYear > p.periodStart)
      ctx.addIssue({ code: 'custom', message: 'firstStatusYear after periodStart (omit it instead)' });
    const years = planYears(p).join(',');
    p.mainGoals.forEach((g, gi) =>
      g.subGoals.forEach((s, si) =>
        s.measures.forEach((m, mi) => {
          if (Object.keys(m.statusByYear).sort().join(',') !== years) {
            ctx.addIssue({
              code: 'custom',
              path: ['mainGoals', gi, 'subGoals', si, 'measures', mi, 'statusByYear'],
              message: `needs exactly the years ${years}`,
            });
          }
        }),
      ),
    );
  });

/** Plan content only: the committee's kind and names are the forum definition's, so the seed has none. */
const committee = z.strictObject({
  id: z.string().refine((id) => committeeIdentity(id) !== undefined, {
    message: 'is no forum with a plan in bot/domain/forums/forums.ts',
  }),
  leader: optional,
  deputy: optional,
  note: optional,
  plan,
});

const seedFile = z
  .strictObject({ source: text, committees: z.array(committee).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const unique = (id: string) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `id "${id}" is used twice` });
      seen.add(id);
    };
    for (const c of file.committees) {
      unique(c.id);
      for (const g of c.plan.mainGoals) {
        unique(g.id);
        for (const s of g.subGoals) {
          unique(s.id);
          for (const m of s.measures) unique(m.id);
        }
      }
    }
  });

/** The seed file as the domain's type, or an error that names where it is wrong. */
export function parseSeedFile(json: unknown): SeedFile {
  const result = seedFile.safeParse(json);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('; ');
    throw new Error(`The default plan content is not valid: ${first}`);
  }
  return result.data;
}
