import express from 'express';
import { isLocalCaller, LOCAL_ONLY_REFUSAL, type Authenticator } from '../../auth';
import { allowed } from '../../domain/roles/authorize';
import { peopleWithRoles } from '../../domain/roles/rolePeople';
import type { RoleRepository } from '../../domain/roles/roleRepository';
import { identityOf } from './apiAuth';
import { ApiError } from './apiErrors';

export interface PeopleDeps {
  auth: Authenticator;
  roles: RoleRepository;
}

/**
 * Local identity mode only: the people the roles table knows, for the tab's person picker. It is how
 * a person is chosen in the first place, so it is mounted before sign-in is required.
 */
export function localPeopleRoutes({ auth, roles }: PeopleDeps): express.Router {
  const router = express.Router();

  router.get('/local/people', async (req, res, next) => {
    if (!auth.localIdentity) return next();
    if (!isLocalCaller(req)) {
      const { status, code, error } = LOCAL_ONLY_REFUSAL;
      throw new ApiError(status, code, error);
    }
    res.json(await peopleWithRoles(roles));
  });

  return router;
}

/** The signed-in person: who they are, their roles, and whether they see every case. */
export function meRoutes({ auth, roles }: PeopleDeps): express.Router {
  const router = express.Router();

  router.get('/me', async (_req, res) => {
    const identity = identityOf(res);
    // The tab calls this first: the name Teams (or the local picker) gives is kept with the roles.
    await roles.rememberName(identity.personId, identity.name);
    res.json({
      personId: identity.personId,
      name: identity.name,
      roles: await roles.rolesOf(identity.personId),
      localIdentity: auth.localIdentity,
      signedInWith: identity.via,
      canViewAllCases: await allowed(roles, identity.personId, 'case.view_all'),
    });
  });

  return router;
}
