import express from 'express';
import type { Logger } from '../../logger';
import { signedIn } from './apiAuth';
import { errorHandler, unknownRoute } from './apiErrors';
import { caseLinksRoutes, type CaseLinksDeps } from './caseLinksRoutes';
import { casesRoutes, type CasesDeps } from './casesRoutes';
import { exportsRoutes, type ExportsDeps } from './exportsRoutes';
import { localPeopleRoutes, meRoutes, type PeopleDeps } from './peopleRoutes';
import { plansRoutes, type PlansDeps } from './plansRoutes';
import { statisticsRoutes } from './statisticsRoutes';
import { annualReportRoutes } from './annualReportRoutes';
import type { StatisticsSources } from '../../domain/reports/statistics';

/** What the tab's API needs, passed in by the composition root (bot/app.ts). */
export interface ApiDeps
  extends PeopleDeps, PlansDeps, CasesDeps, CaseLinksDeps, ExportsDeps, StatisticsSources {
  log: Logger;
}

/**
 * The tab's HTTP API, mounted at /api, one router per resource. Every route but the local person
 * picker needs a signed-in person (401 otherwise); writes go through PlanService, whose single
 * authorisation check answers 403. Errors are `{ error, code }` JSON; see API.md for the contract.
 */
export function createApiRouter(deps: ApiDeps): express.Router {
  const router = express.Router();
  router.use(localPeopleRoutes(deps));
  router.use(signedIn(deps.auth));
  router.use(express.json({ limit: '64kb' }));
  router.use(meRoutes(deps));
  router.use(plansRoutes(deps));
  router.use(casesRoutes(deps));
  router.use(caseLinksRoutes(deps));
  router.use(exportsRoutes(deps));
  router.use(statisticsRoutes(deps));
  router.use(annualReportRoutes(deps));
  router.use(unknownRoute);
  router.use(errorHandler(deps.log));
  return router;
}
