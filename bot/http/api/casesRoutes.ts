import express from 'express';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import type { CaseRepository } from '../../domain/cases/caseRepository';
import { ApiError } from './apiErrors';
import { identityOf } from './apiAuth';
import { param } from './apiRequest';
import { caseDetailView, caseListView } from './views';

export interface CasesDeps {
  cases: CaseRepository;
  /** Who may see which case: the same rule as the bot's card actions. */
  caseQueries: CaseQueries;
  now: () => Date;
}

/** The cases a person may see, and one case as they may see it. */
export function casesRoutes({ cases, caseQueries, now }: CasesDeps): express.Router {
  const router = express.Router();

  router.get('/cases', async (_req, res) => {
    const visible = await caseQueries.visible(identityOf(res).personId);
    const at = now();
    res.json(visible.cases.map(({ record }) => caseListView(record, at)));
  });

  router.get('/cases/:number', async (req, res) => {
    // Unknown, malformed and not-yours look the same: nobody learns that a case exists.
    const lookup = await caseQueries.open(identityOf(res).personId, param(req, 'number'));
    if (lookup.kind === 'hidden') {
      throw new ApiError(404, 'not_found', 'No case with that number that you may see.');
    }
    const history = await cases.history(lookup.record.number);
    res.json(caseDetailView(lookup.record, lookup.view, history, now()));
  });

  return router;
}
