import express from 'express';
import { AlreadyLinked, CaseNotVisible, type CaseLinkService } from '../../domain/caseLinks/caseLinkService';
import { actorOf } from './apiAuth';
import { ApiError } from './apiErrors';
import { param } from './apiRequest';
import { itemView } from './views';

export interface CaseLinksDeps {
  /** Links between cases and the measures of the committees' plans (authorised there: 403). */
  caseLinks: CaseLinkService;
}

type Handler = (req: express.Request, res: express.Response) => Promise<void>;

/** The link service's own refusals as API answers; the rest go to the API's error handler. */
const answering =
  (handler: Handler): Handler =>
  async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof CaseNotVisible) throw new ApiError(404, 'not_found', error.message);
      if (error instanceof AlreadyLinked) throw new ApiError(409, 'already_linked', error.message);
      throw error;
    }
  };

/** A case's links to plan measures: link, unlink, and a new measure made from the case. */
export function caseLinksRoutes({ caseLinks }: CaseLinksDeps): express.Router {
  const router = express.Router();

  router.post(
    '/cases/:number/links',
    answering(async (req, res) => {
      const measure = await caseLinks.link(actorOf(res), param(req, 'number'), req.body);
      res.status(201).json({ measure });
    }),
  );

  router.delete(
    '/cases/:number/links/:committeeId/:measureId',
    answering(async (req, res) => {
      await caseLinks.unlink(
        actorOf(res),
        param(req, 'number'),
        param(req, 'committeeId'),
        param(req, 'measureId'),
      );
      res.status(204).end();
    }),
  );

  router.post(
    '/cases/:number/measures',
    answering(async (req, res) => {
      const { measure, link } = await caseLinks.createMeasure(actorOf(res), param(req, 'number'), req.body);
      res.status(201).json({ item: itemView(measure), measure: link });
    }),
  );

  return router;
}
