import type { NextFunction, Request, Response } from 'express';
import { isLocalCaller, type Authenticator, type Identity } from '../../auth';
import type { Person } from '../../domain/person';

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Every route after this one needs a signed-in person: 401 (with `WWW-Authenticate: Bearer`) or the
 * authenticator's refusal otherwise. The identity is kept for the route; answers are never cached.
 */
export function signedIn(auth: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const result = await auth.authenticate({
      authorization: header(req, 'authorization'),
      localIdentity: header(req, 'x-local-identity'),
      localName: header(req, 'x-local-name'),
      localCaller: isLocalCaller(req),
    });
    if (!result.ok) {
      if (result.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(result.status).json({ error: result.error, code: result.code });
      return;
    }
    res.locals.identity = result.identity;
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** The signed-in person (set by `signedIn`). */
export function identityOf(res: Response): Identity {
  return res.locals.identity as Identity;
}

/** The signed-in person as the domain records who did something. */
export function actorOf(res: Response): Person {
  const identity = identityOf(res);
  return { id: identity.personId, name: identity.name };
}
