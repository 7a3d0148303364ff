import express from 'express';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import type { CasePosition } from '../../domain/cases/caseList';
import type { PlanService } from '../../domain/plans/planService';
import { FILE_NAMES } from '../../domain/reports/exportLabels';
import { caseExportHeader, caseExportRow, planExportRows } from '../../domain/reports/exportRows';
import { identityOf } from './apiAuth';
import { langFromQuery, param } from './apiRequest';
import { sendCsv, streamCsv, toCsv } from './csv';

/** Cases read per storage page while the CSV is written. */
const CSV_PAGE_SIZE = 500;

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
    const { personId } = identityOf(res);
    const at = now();
    // Page by page through the same list as the cases page, filtered by the same access rule.
    async function* rows() {
      let after: CasePosition | undefined;
      do {
        const page = await caseQueries.page(personId, { limit: CSV_PAGE_SIZE, ...(after ? { after } : {}) });
        yield page.cases.map(({ entry }) => caseExportRow(entry, lang, at));
        after = page.next;
      } while (after);
    }
    await streamCsv(res, `${FILE_NAMES.cases[lang]}.csv`, caseExportHeader(lang), rows());
  });

  return router;
}
