import type { Action, RoleAssignment, RoleName } from './roles';

export interface RoleChange {
  at: string;
  by: string;
  change: 'grant' | 'revoke';
  personId: string;
  role: RoleName;
  scope: string;
}

export interface DeniedAttempt {
  /** The first attempt of its hour. */
  at: string;
  personId: string;
  /** The last action tried; `actions` holds every one tried in the hour. */
  action: Action;
  target: string;
  /** Read back: how many attempts the record stands for (one record per person, target and hour). */
  count?: number;
  lastAt?: string;
  actions?: Action[];
}

/** What the domain needs from role storage. The Table Storage implementation is in bot/storage. */
export interface RoleRepository {
  rolesOf(personId: string): Promise<RoleAssignment[]>;
  holders(role: RoleName, scope?: string): Promise<RoleAssignment[]>;
  /**
   * Grants a role and records the change; granting a role already held is a no-op. Without a
   * `personName`, the name already stored with the person's other roles is kept with this one.
   */
  grant(assignment: RoleAssignment): Promise<void>;
  /** Stores a person's display name with every role they hold (when they are seen under a name). */
  rememberName(personId: string, name: string): Promise<void>;
  /** Revokes a role and records the change; returns false if it was not held. */
  revoke(personId: string, role: RoleName, scope: string, by: string): Promise<boolean>;
  changes(): Promise<RoleChange[]>;
  recordDenied(attempt: DeniedAttempt): Promise<void>;
  deniedAttempts(): Promise<DeniedAttempt[]>;
}
