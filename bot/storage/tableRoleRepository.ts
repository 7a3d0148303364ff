import { randomUUID } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { DeniedAttempt, RoleChange, RoleRepository } from '../domain/roles/roleRepository';
import type { RoleAssignment, RoleName } from '../domain/roles/roles';
import { encodeKey, prefixUpperBound } from './keys';
import { isNotFound, retryOnConflict } from './tableErrors';

type Row = Record<string, unknown>;

/** Refused attempts: partitions `denied-<hour>`; earlier versions wrote single rows to 'denied'. */
const DENIED = 'denied';
/** Distinct targets counted per person and hour before the rest share one overflow row. */
const MAX_TARGETS_PER_HOUR = 20;

/**
 * Roles in Table Storage. `Roles`: one partition per person (their roles in one query), row key
 * `<role>|<scope>`. `RoleAudit`: partition 'change' for grants and revokes (row keys in time order,
 * never updated); refused attempts in one partition per hour (`denied-2026-11-28T16`), one row per
 * person and target with a count, so repeated refusals cannot grow the table without limit.
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

  /**
   * Counts the attempt in its person's row for the target and hour (created on the first, then
   * updated with its ETag). A person trying more than MAX_TARGETS_PER_HOUR targets in an hour is
   * counted on one overflow row ('*') for the rest of it.
   */
  async recordDenied(attempt: DeniedAttempt): Promise<void> {
    const partitionKey = `${DENIED}-${attempt.at.slice(0, 13)}`;
    const person = encodeKey(attempt.personId);
    await retryOnConflict(async () => {
      let rowKey = `${person}|${encodeKey(attempt.target)}`;
      let row = await this.auditRow(partitionKey, rowKey);
      if (!row && (await this.targetsInHour(partitionKey, person)) >= MAX_TARGETS_PER_HOUR) {
        rowKey = `${person}|*`;
        row = await this.auditRow(partitionKey, rowKey);
      }
      if (!row) {
        await this.audit.createEntity({
          partitionKey,
          rowKey,
          at: attempt.at,
          lastAt: attempt.at,
          personId: attempt.personId,
          action: attempt.action,
          actions: attempt.action,
          target: rowKey.endsWith('|*') ? '*' : attempt.target,
          count: 1,
        });
        return;
      }
      const actions = new Set(String(row.actions ?? row.action).split(','));
      actions.add(attempt.action);
      await this.audit.updateEntity(
        {
          partitionKey,
          rowKey,
          lastAt: attempt.at,
          action: attempt.action,
          actions: [...actions].join(','),
          count: Number(row.count ?? 1) + 1,
        },
        'Merge',
        { etag: row.etag as string },
      );
    });
  }

  async deniedAttempts(): Promise<DeniedAttempt[]> {
    const rows = this.audit.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey ge ${DENIED} and PartitionKey lt ${prefixUpperBound(DENIED)}`,
      },
    });
    const result: DeniedAttempt[] = [];
    for await (const row of rows) {
      result.push({
        at: row.at as string,
        personId: row.personId as string,
        action: row.action as DeniedAttempt['action'],
        target: row.target as string,
        count: Number(row.count ?? 1),
        lastAt: (row.lastAt ?? row.at) as string,
        actions: String(row.actions ?? row.action).split(',') as DeniedAttempt['action'][],
      });
    }
    return result;
  }

  private async auditRow(partitionKey: string, rowKey: string): Promise<Row | undefined> {
    try {
      return await this.audit.getEntity<Row>(partitionKey, rowKey);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** How many target rows the person has in the hour, counted up to the cap. */
  private async targetsInHour(partitionKey: string, person: string): Promise<number> {
    const prefix = `${person}|`;
    const rows = this.audit.listEntities<Row>({
      queryOptions: {
        filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
        select: ['RowKey'],
      },
    });
    let n = 0;
    for await (const _row of rows) if (++n >= MAX_TARGETS_PER_HOUR) break;
    return n;
  }

  private async log(partition: 'change', entry: RoleChange): Promise<void> {
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
