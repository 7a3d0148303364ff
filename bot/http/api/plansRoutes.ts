import express from 'express';
import type { CaseLinkService } from '../../domain/caseLinks/caseLinkService';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import type { PlanService } from '../../domain/plans/planService';
import { casesByYear } from '../../domain/reports/annualStats';
import { actorOf, identityOf } from './apiAuth';
import { param, yearParam } from './apiRequest';
import { committeeView, historyView, itemView, planView } from './views';

export interface PlansDeps {
  planService: PlanService;
  /** The overview's case counts, for the committees whose cases the person may see. */
  caseQueries: CaseQueries;
  /** A plan with what the reader may do and the cases linked to its measures that they may see. */
  caseLinks: CaseLinkService;
}

/** The committees and their action plans: reads, and changes through PlanService (403 there). */
export function plansRoutes({ planService, caseQueries, caseLinks }: PlansDeps): express.Router {
  const router = express.Router();

  router.get('/committees', async (req, res) => {
    const [overview, caseCounts] = await Promise.all([
      planService.overview(yearParam(req.query.year)),
      caseQueries.forForumCounts(identityOf(res).personId),
    ]);
    res.json(
      overview.map(({ plan, year, counts, latestStatusYear }) => ({
        ...committeeView(plan.committee, plan),
        year,
        counts,
        caseCount: caseCountFor(caseCounts, plan.committee.id, year),
        latestStatusYear: latestStatusYear ?? null,
      })),
    );
  });

  router.get('/committees/:id/plan', async (req, res) => {
    const { plan, permissions, cases } = await caseLinks.planFor(identityOf(res).personId, param(req, 'id'));
    sendUntagged(res, {
      committee: { ...committeeView(plan.committee, plan), title: plan.committee.title },
      plan: planView(plan, cases),
      permissions,
    });
  });

  router.put('/committees/:id/measures/:measureId/status', async (req, res) => {
    const measure = await planService.updateStatus(
      actorOf(res),
      param(req, 'id'),
      param(req, 'measureId'),
      req.body,
    );
    res.json({ measure: itemView(measure) });
  });

  const history = (idParam: string) => async (req: express.Request, res: express.Response) => {
    const entries = await planService.history(param(req, 'id'), param(req, idParam));
    res.json(entries.map(historyView));
  };
  router.get('/committees/:id/measures/:measureId/history', history('measureId'));
  router.get('/committees/:id/items/:itemId/history', history('itemId'));

  router.post('/committees/:id/goals', async (req, res) => {
    const item = await planService.addGoal(actorOf(res), param(req, 'id'), req.body);
    res.status(201).json({ item: itemView(item) });
  });

  router.post('/committees/:id/goals/:goalId/subgoals', async (req, res) => {
    const item = await planService.addSubGoal(actorOf(res), param(req, 'id'), param(req, 'goalId'), req.body);
    res.status(201).json({ item: itemView(item) });
  });

  router.post('/committees/:id/subgoals/:subGoalId/measures', async (req, res) => {
    const item = await planService.addMeasure(
      actorOf(res),
      param(req, 'id'),
      param(req, 'subGoalId'),
      req.body,
    );
    res.status(201).json({ item: itemView(item) });
  });

  router.patch('/committees/:id/items/:itemId', async (req, res) => {
    const item = await planService.editItem(actorOf(res), param(req, 'id'), param(req, 'itemId'), req.body);
    res.json({ item: itemView(item) });
  });

  router.post('/committees/:id/items/:itemId/move', async (req, res) => {
    const items = await planService.moveItem(actorOf(res), param(req, 'id'), param(req, 'itemId'), req.body);
    res.json({ items: items.map(itemView) });
  });

  router.post('/committees/:id/items/:itemId/retire', async (req, res) => {
    const item = await planService.retireItem(actorOf(res), param(req, 'id'), param(req, 'itemId'), req.body);
    res.json({ item: itemView(item) });
  });

  return router;
}

/**
 * JSON without the ETag `res.json` adds: the answer is never cached (`no-store`, apiAuth.ts), so
 * hashing the whole plan on every read would be pure cost.
 */
function sendUntagged(res: express.Response, body: unknown): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** The committee's cases of that year, or null for someone who may not see its cases. */
function caseCountFor(
  counts: Parameters<typeof casesByYear>[0],
  committeeId: string,
  year: number,
): number | null {
  const byYear = casesByYear(counts, committeeId);
  return byYear ? (byYear[String(year)] ?? 0) : null;
}
