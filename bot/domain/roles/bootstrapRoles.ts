import type { RoleRepository } from './roleRepository';
import { GLOBAL_SCOPE, type RoleName } from './roles';

export interface RoleBootstrap {
  admins: string[];
  secretariatLeaders: string[];
  secretariatMembers: string[];
  ssuLeaders: string[];
  ssuDeputies: string[];
}

/**
 * The first administrators and the secretariat/SSU roles, from configuration, granted on start.
 * Granting is idempotent, so this runs on every start; removing someone is done by an administrator
 * (revoking), not by editing configuration.
 */
export async function bootstrapRoles(roles: RoleRepository, config: RoleBootstrap, now: Date): Promise<void> {
  const grants: [RoleName, string[]][] = [
    ['admin', config.admins],
    ['secretariat_leader', config.secretariatLeaders],
    ['secretariat_member', config.secretariatMembers],
    ['ssu_leader', config.ssuLeaders],
    ['ssu_deputy', config.ssuDeputies],
  ];
  for (const [role, people] of grants) {
    for (const personId of people) {
      await roles.grant({
        personId,
        role,
        scope: GLOBAL_SCOPE,
        grantedBy: 'configuration',
        grantedAt: now.toISOString(),
      });
    }
  }
}
