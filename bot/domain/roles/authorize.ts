import { can, type Action } from './roles';
import type { RoleRepository } from './roleRepository';

export class AccessDenied extends Error {
  constructor(
    readonly personId: string,
    readonly action: Action,
  ) {
    super(`${personId} may not ${action}`);
  }
}

/**
 * The one authorisation check: loads the person's roles from storage and asks `can()`. A refusal is
 * recorded (who, what, on which target) and thrown; adapters turn it into a refusal the person reads.
 */
export async function authorize(
  roles: RoleRepository,
  request: { personId: string; action: Action; committee?: string; target: string; now: Date },
): Promise<void> {
  const assignments = await roles.rolesOf(request.personId);
  if (can(assignments, request.action, request.committee)) return;
  await roles.recordDenied({
    at: request.now.toISOString(),
    personId: request.personId,
    action: request.action,
    target: request.target,
  });
  throw new AccessDenied(request.personId, request.action);
}

/** For views: whether the person may, without recording anything. */
export async function allowed(
  roles: RoleRepository,
  personId: string,
  action: Action,
  committee?: string,
): Promise<boolean> {
  return can(await roles.rolesOf(personId), action, committee);
}
