import express from 'express';
import type { CaseLinkService } from '../../domain/caseLinks/caseLinkService';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import { readAllPages } from '../../domain/cases/caseList';
import type { CaseRepository } from '../../domain/cases/caseRepository';
import { UndeliveredCases, type DeliveryRecords } from '../../domain/notifications/deliveredToNobody';
import type { PlanService } from '../../domain/plans/planService';
import { ApiError } from './apiErrors';
import { identityOf } from './apiAuth';
import { param } from './apiRequest';
import { MAX_PAGE_SIZE, pageRequest } from './casePaging';
import { caseDetailView, caseListView } from './views';

export interface CasesDeps {
  cases: CaseRepository;
  /** Who may see which case: the same rule as the bot's card actions. */
  caseQueries: CaseQueries;
  /** Which committees exist (a committee's cases: 404 for an unknown one). */
  planService: PlanService;
  /** The outbox's records: whether a routed case reached anyone in its forum's leadership. */
  notifications: DeliveryRecords;
  /** The measures a case is linked to. */
  caseLinks: CaseLinkService;
  now: () => Date;
}

/**
 * The cases a person may see, a page at a time (`{ cases, next }`: pass `next` back as `?cursor=`),
 * a committee's cases for its members, and one case as they may see it.
 */
export function casesRoutes(deps: CasesDeps): express.Router {
  const { cases, caseQueries, planService, caseLinks, now } = deps;
  const undelivered = new UndeliveredCases(deps.notifications);
  const router = express.Router();

  router.get('/cases', async (req, res) => {
    const { personId } = identityOf(res);
    const page = pageRequest(req, personId, 'cases');
    const visible = await caseQueries.page(personId, page);
    const at = now();
    res.json({
      cases: visible.cases.map(({ entry }) => caseListView(entry, at)),
      next: page.nextToken(visible.next),
    });
  });

  router.get('/committees/:id/cases', async (req, res) => {
    const committee = (await planService.plan(param(req, 'id'))).committee;
    const { personId } = identityOf(res);
    // The committee's cases in one answer, read from its list rows page by page (a committee has
    // tens of cases a year, not the whole partnership's).
    const entries = await readAllPages(async (after) => {
      const page = await caseQueries.atForum(personId, committee.id, {
        limit: MAX_PAGE_SIZE,
        ...(after ? { after } : {}),
      });
      // Whether a committee has cases is itself the committee's to know: others are refused outright.
      if (!page)
        throw new ApiError(403, 'forbidden', 'Only the committee and the secretariat see its cases.');
      return page;
    });
    const at = now();
    const marked = await undelivered.among(entries);
    res.json(
      entries.map((entry) => ({
        ...caseListView(entry, at),
        ...(marked.has(entry.number) ? { deliveredToNobody: true } : {}),
      })),
    );
  });

  router.get('/cases/:number', async (req, res) => {
    // Unknown, malformed and not-yours look the same: nobody learns that a case exists.
    const lookup = await caseQueries.open(identityOf(res).personId, param(req, 'number'));
    if (lookup.kind === 'hidden') {
      throw new ApiError(404, 'not_found', 'No case with that number that you may see.');
    }
    const [history, measures] = await Promise.all([
      cases.history(lookup.record.number),
      caseLinks.measuresOf(lookup.record),
    ]);
    const detail = caseDetailView(lookup.record, lookup.view, history, now(), measures);
    // The submitter's own view shows no internal steps; who could not be reached is one.
    const nobody = lookup.view === 'full' && (await undelivered.isDeliveredToNobody(lookup.record));
    res.json(nobody ? { ...detail, case: { ...detail.case, deliveredToNobody: true } } : detail);
  });

  return router;
}
