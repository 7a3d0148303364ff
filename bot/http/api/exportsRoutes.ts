import express from 'express';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import type { PlanService } from '../../domain/plans/planService';
import { FILE_NAMES } from '../../domain/reports/exportLabels';
import { caseExportRows, planExportRows } from '../../domain/reports/exportRows';
import { identityOf } from './apiAuth';
import { langFromQuery, param } from './apiRequest';
import { sendCsv, toCsv } from './csv';

export interface ExportsDeps {
  planService: PlanService;
  caseQueries: CaseQueries;
  now: () => Date;
}

/** CSV downloads for Excel, in the language of `?lang=`: a committee's plan, the cases one may see. */
export function exportsRoutes({ planService, caseQueries, now }: ExportsDeps): express.Router {
  const router = express.Router();

  router.get('/export/committees/:id/plan.csv', async (req, res) => {
    const lang = langFromQuery(req.query.lang);
    const committeeId = param(req, 'id');
    const plan = await planService.plan(committeeId);
    sendCsv(res, `${FILE_NAMES.plan[lang]}-${committeeId}.csv`, toCsv(planExportRows(plan, lang)));
  });

  router.get('/export/cases.csv', async (req, res) => {
    const lang = langFromQuery(req.query.lang);
    const visible = await caseQueries.visible(identityOf(res).personId);
    const records = visible.cases.map((c) => c.record);
    sendCsv(res, `${FILE_NAMES.cases[lang]}.csv`, toCsv(caseExportRows(records, lang, now())));
  });

  return router;
}
