import express from 'express';
import { FILE_NAMES } from '../../domain/reports/exportLabels';
import { annualReportRows } from '../../domain/reports/exportRows';
import { annualReportFor, type StatisticsSources } from '../../domain/reports/statistics';
import { identityOf } from './apiAuth';
import { langFromQuery, yearParam } from './apiRequest';
import { sendCsv, toCsv } from './csv';

export interface AnnualReportDeps extends StatisticsSources {
  now: () => Date;
}

/**
 * The SSU's annual report for `?year=` (default this year), as JSON for the tab's page and as CSV in
 * the language of `?lang=`; for those who see every case, 403 for anyone else.
 */
export function annualReportRoutes(deps: AnnualReportDeps): express.Router {
  const router = express.Router();
  const reportFor = (req: express.Request, res: express.Response) =>
    annualReportFor(identityOf(res).personId, yearParam(req.query.year), deps, deps.now());

  router.get('/annual-report', async (req, res) => {
    res.json(await reportFor(req, res));
  });

  router.get('/export/annual-report.csv', async (req, res) => {
    const lang = langFromQuery(req.query.lang);
    const report = await reportFor(req, res);
    const fileName = `${FILE_NAMES.annualReport[lang]}-${report.year}.csv`;
    sendCsv(res, fileName, toCsv(annualReportRows(report, lang)));
  });

  return router;
}
