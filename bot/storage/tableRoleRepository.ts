import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { DeniedAttempt, RoleChange, RoleRepository } from '../domain/roles/roleRepository';
import type { RoleAssignment, RoleName } from '../domain/roles/roles';
import { encodeKey } from './keys';
import { isNotFound } from './tableErrors';

type Row = Record<string, unknown>;

/**
 * Roles in Table Storage. `Roles`: one partition per person (their roles in one query), row key
 * `<role>|<scope>`. `RoleAudit`: partition 'change' for grants and revokes, 'denied' for refused
 * attempts, row keys in time order; never updated.
 */
export class TableRoleRepository implements RoleRepository {
  constructor(
    private readonly roles: TableClient,
    private readonly audit: TableClient,
  ) {}

  async rolesOf(personId: string): Promise<RoleAssignment[]> {
    const rows = this.roles.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(personId)}` },
    });
    const result: RoleAssignment[] = [];
    for await (const row of rows) result.push(toAssignment(row));
    return result;
  }

  async holders(role: RoleName, scope?: string): Promise<RoleAssignment[]> {
    const filter = scope ? odata`role eq ${role} and scope eq ${scope}` : odata`role eq ${role}`;
    const rows = this.roles.listEntities<Row>({ queryOptions: { filter } });
    const result: RoleAssignment[] = [];
    for await (const row of rows) result.push(toAssignment(row));
    return result;
  }

  async grant(a: RoleAssignment): Promise<void> {
    const personName = a.personName ?? (await this.rolesOf(a.personId)).find((r) => r.personName)?.personName;
    try {
      await this.roles.createEntity({
        partitionKey: encodeKey(a.personId),
        rowKey: encodeKey(`${a.role}|${a.scope}`),
        personId: a.personId,
        role: a.role,
        scope: a.scope,
        personName: personName ?? '',
        grantedBy: a.grantedBy,
        grantedAt: a.grantedAt,
      });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 409) return; // already held
      throw error;
    }
    await this.log('change', {
      at: a.grantedAt,
      by: a.grantedBy,
      change: 'grant',
      personId: a.personId,
      role: a.role,
      scope: a.scope,
    });
  }

  async rememberName(personId: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed || trimmed === personId) return; // an id standing in for an unknown name
    for (const held of await this.rolesOf(personId)) {
      if (held.personName === trimmed) continue;
      try {
        await this.roles.updateEntity(
          {
            partitionKey: encodeKey(personId),
            rowKey: encodeKey(`${held.role}|${held.scope}`),
            personName: trimmed,
          },
          'Merge',
        );
      } catch (error) {
        if (!isNotFound(error)) throw error; // revoked meanwhile: nothing to name
      }
    }
  }

  async revoke(personId: string, role: RoleName, scope: string, by: string): Promise<boolean> {
    try {
      await this.roles.deleteEntity(encodeKey(personId), encodeKey(`${role}|${scope}`));
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    await this.log('change', { at: new Date().toISOString(), by, change: 'revoke', personId, role, scope });
    return true;
  }

  async changes(): Promise<RoleChange[]> {
    return this.read<RoleChange>('change');
  }

  async recordDenied(attempt: DeniedAttempt): Promise<void> {
    await this.log('denied', attempt);
  }

  async deniedAttempts(): Promise<DeniedAttempt[]> {
    return this.read<DeniedAttempt>('denied');
  }

  private async log(partition: 'change' | 'denied', entry: RoleChange | DeniedAttempt): Promise<void> {
    await this.audit.createEntity({
      partitionKey: partition,
      rowKey: `${entry.at}-${randomUUID()}`,
      ...entry,
    });
  }

  private async read<T>(partition: string): Promise<T[]> {
    const rows = this.audit.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${partition}` },
    });
    const result: T[] = [];
    for await (const row of rows) {
      const { partitionKey: _p, rowKey: _r, etag: _e, timestamp: _t, ...entry } = row;
      result.push(entry as T);
    }
    return result;
  }
}

function toAssignment(row: Row): RoleAssignment {
  return {
    personId: row.personId as string,
    role: row.role as RoleName,
    scope: row.scope as string,
    ...(row.personName ? { personName: row.personName as string } : {}),
    grantedBy: row.grantedBy as string,
    grantedAt: row.grantedAt as string,
  };
}
