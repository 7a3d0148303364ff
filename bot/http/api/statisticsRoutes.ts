import express from 'express';
import { statisticsFor, type StatisticsSources } from '../../domain/reports/statistics';
import { identityOf } from './apiAuth';

/** The annual report's figures; the case figures only for those who may see every case. */
export function statisticsRoutes(sources: StatisticsSources): express.Router {
  const router = express.Router();

  router.get('/stats', async (_req, res) => {
    res.json(await statisticsFor(identityOf(res).personId, sources));
  });

  return router;
}
