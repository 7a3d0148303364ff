import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { randomBytes } from 'node:crypto';
import {
  bySortOrder,
  type Committee,
  type FieldChange,
  type GoalRecord,
  type HistoryEntry,
  type HistoryKind,
  type MainGoal,
  type MeasureRecord,
  type Plan,
  type PlanItem,
  type SubGoal,
  type SubGoalRecord,
} from '../domain/plans/plan';
import {
  MEASURE_TEXT_FIELDS,
  type CommitteeKind,
  type MeasureStatus,
  type PriorityGroup,
  type SeedFile,
} from '../domain/plans/planModel';
import {
  WriteConflict,
  type PlanRepository,
  type PlanWrite,
  type SeedResult,
} from '../domain/plans/planRepository';
import { committeeIdentity } from '../domain/plans/committeeIdentity';
import type { CaseLink, PlanWithLinks } from '../domain/caseLinks/caseLink';
import { packJson, unpackJson } from './chunkedJson';
import { encodeKey, prefixUpperBound } from './keys';
import { byTime, isPlanLinkRow, linkOf, PLAN_LINK_ROWS } from './planLinkRows';
import { isConflict, isNotFound } from './tableErrors';

/**
 * Action plans in Table Storage, table `Plans`. One partition per committee holds its whole plan and
 * its history, so the board is one partition query and a change to an item plus its history entry
 * is one entity-group transaction.
 *
 * Row keys: committee | goal-<id> | subgoal-<id> | measure-<id> | history-<item id>-<iso time>-<rand>
 * | link-<measure id>|<case number> (the links of cases to its measures: planLinkRows.ts).
 * Item ids are the seed's `<committee>.g<n>.s<n>.m<n>`, so the id says which kind of row it is.
 * Partition `_meta` holds the marker that the default content was loaded, and one per one-time update
 * of it that has run.
 */
type Row = Record<string, unknown>;
type Entity = Row & { partitionKey: string; rowKey: string };

const HISTORY_PREFIX = 'history-';
const META_PARTITION = '_meta';
const SEED_MARKER = 'seed-joint-action-plan';
/** Marker rows of the one-time updates of the seeded content (domain/plans/seedUpdates.ts). */
const SEED_UPDATE_PREFIX = 'seed-update-';
/** Entity-group transactions hold at most 100 operations. */
const MAX_BATCH = 100;

/**
 * The filter of the board's read: one partition, every row but the history (which sorts between
 * `goal-` and `measure-` and is read per item), so the items and the case links. Exported for the
 * bench, which runs it raw.
 */
export function planRowsFilter(committeeId: string): string {
  const pk = encodeKey(committeeId);
  return odata`PartitionKey eq ${pk} and (RowKey lt ${HISTORY_PREFIX} or RowKey ge ${prefixUpperBound(HISTORY_PREFIX)})`;
}

/** Every plan's items, without history and case links (the overview and the statistics show neither). */
const allPlanRowsFilter = odata`PartitionKey ne ${META_PARTITION} and (RowKey lt ${HISTORY_PREFIX} or (RowKey ge ${prefixUpperBound(HISTORY_PREFIX)} and RowKey lt ${PLAN_LINK_ROWS.from}) or RowKey ge ${PLAN_LINK_ROWS.to})`;

function itemRowKey(itemId: string): string | undefined {
  if (/\.m\d+$/.test(itemId)) return `measure-${encodeKey(itemId)}`;
  if (/\.s\d+$/.test(itemId)) return `subgoal-${encodeKey(itemId)}`;
  if (/\.g\d+$/.test(itemId)) return `goal-${encodeKey(itemId)}`;
  return undefined;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const historyPrefix = (itemId: string) => `${HISTORY_PREFIX}${encodeKey(itemId)}-`;
const optional = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const json = <T>(value: unknown, fallback: T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : fallback;

function committeeEntity(c: Committee): Entity {
  return {
    partitionKey: encodeKey(c.id),
    rowKey: 'committee',
    kind: 'committee',
    id: c.id,
    committeeKind: c.kind,
    name: c.name,
    shortName: c.shortName ?? '',
    leader: c.leader ?? '',
    deputy: c.deputy ?? '',
    title: c.title,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    ...(c.firstStatusYear !== undefined ? { firstStatusYear: c.firstStatusYear } : {}),
    order: c.order ?? 0,
    version: c.version,
  };
}

/**
 * The stored committee row, named by its forum's definition: the name, short name and kind stored
 * with it are only a fallback for a committee no forum defines (rows seeded before the definition
 * carry the seed's old names, which must not show).
 */
function fromCommitteeEntity(row: TableEntityResult<Row>): Committee {
  const shortName = optional(row.shortName);
  const leader = optional(row.leader);
  const deputy = optional(row.deputy);
  const id = row.id as string;
  const identity = committeeIdentity(id) ?? {
    kind: row.committeeKind as CommitteeKind,
    name: row.name as string,
    ...(shortName ? { shortName } : {}),
  };
  return {
    id,
    ...identity,
    ...(leader ? { leader } : {}),
    ...(deputy ? { deputy } : {}),
    title: row.title as string,
    periodStart: row.periodStart as number,
    periodEnd: row.periodEnd as number,
    ...(typeof row.firstStatusYear === 'number' ? { firstStatusYear: row.firstStatusYear } : {}),
    ...(typeof row.order === 'number' && row.order > 0 ? { order: row.order } : {}),
    version: row.version as number,
    etag: row.etag,
  };
}

/** Only the item's own fields are stored; children (in MainGoal/SubGoal objects) never are. */
function itemEntity(committeeId: string, item: PlanItem): Entity {
  const common = {
    partitionKey: encodeKey(committeeId),
    rowKey: itemRowKey(item.id) ?? '',
    kind: item.type,
    id: item.id,
    text: item.text,
    order: item.order,
    retired: item.retired,
    version: item.version,
  };
  if (!common.rowKey) throw new Error(`"${item.id}" is not a plan item id`);
  switch (item.type) {
    case 'goal':
      return common;
    case 'subgoal':
      return { ...common, goalId: item.goalId };
    case 'measure':
      return {
        ...common,
        goalId: item.goalId,
        subGoalId: item.subGoalId,
        responsible: item.responsible ?? '',
        timeline: item.timeline ?? '',
        taskHospital: item.taskHospital ?? '',
        taskMunicipalities: item.taskMunicipalities ?? '',
        measuringTool: item.measuringTool ?? '',
        priorityGroups: JSON.stringify(item.priorityGroups),
        statusByYear: JSON.stringify(item.statusByYear),
      };
  }
}

/** Built field by field, not by spreading: the board reads every item of a plan on each read. */
function fromItemEntity(row: TableEntityResult<Row>): PlanItem | undefined {
  const id = row.id as string;
  const text = row.text as string;
  const order = row.order as number;
  const retired = row.retired === true;
  const version = row.version as number;
  const etag = row.etag;
  switch (row.kind) {
    case 'goal':
      return { type: 'goal', id, text, order, retired, version, etag };
    case 'subgoal':
      return { type: 'subgoal', id, text, order, retired, version, etag, goalId: row.goalId as string };
    case 'measure': {
      const measure: MeasureRecord = {
        type: 'measure',
        id,
        text,
        order,
        retired,
        version,
        etag,
        goalId: row.goalId as string,
        subGoalId: row.subGoalId as string,
        priorityGroups: json<PriorityGroup[]>(row.priorityGroups, []),
        statusByYear: json<Record<string, MeasureStatus>>(row.statusByYear, {}),
      };
      for (const field of MEASURE_TEXT_FIELDS) {
        const value = optional(row[field]);
        if (value) measure[field] = value;
      }
      return measure;
    }
    default:
      return undefined;
  }
}

function historyEntity(committeeId: string, e: HistoryEntry): Entity {
  return {
    partitionKey: encodeKey(committeeId),
    rowKey: `${historyPrefix(e.itemId)}${e.at}-${randomBytes(4).toString('hex')}`,
    kind: 'history',
    itemId: e.itemId,
    at: e.at,
    byId: e.by.id,
    byName: e.by.name,
    historyKind: e.kind,
    ...(e.year !== undefined ? { year: e.year } : {}),
    from: e.from ?? '',
    to: e.to ?? '',
    comment: e.comment ?? '',
    ...(e.changes ? packJson(e.changes, 'changes') : {}),
  };
}

function fromHistoryEntity(row: TableEntityResult<Row>): HistoryEntry {
  const from = optional(row.from);
  const to = optional(row.to);
  const comment = optional(row.comment);
  return {
    itemId: row.itemId as string,
    at: row.at as string,
    by: { id: row.byId as string, name: row.byName as string },
    kind: row.historyKind as HistoryKind,
    ...(typeof row.year === 'number' ? { year: row.year } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(comment ? { comment } : {}),
    ...(typeof row.changesChunks === 'number' ? { changes: unpackJson<FieldChange[]>(row, 'changes') } : {}),
  };
}

/** Builds plans from the rows of one or more partitions. */
function assemble(rows: TableEntityResult<Row>[]): Plan[] {
  const committees = new Map<string, Committee>();
  const goals = new Map<string, MainGoal[]>();
  const subGoals = new Map<string, SubGoal[]>();
  const measures = new Map<string, MeasureRecord[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const row of rows) {
    const pk = row.partitionKey ?? '';
    if (row.kind === 'committee') {
      committees.set(pk, fromCommitteeEntity(row));
      continue;
    }
    const item = fromItemEntity(row);
    if (!item) continue;
    if (item.type === 'goal') push(goals, pk, { ...item, subGoals: [] });
    else if (item.type === 'subgoal') push(subGoals, `${pk}|${item.goalId}`, { ...item, measures: [] });
    else push(measures, `${pk}|${item.subGoalId}`, item);
  }
  const plans: Plan[] = [];
  for (const [pk, committee] of committees) {
    const mainGoals = (goals.get(pk) ?? []).sort(bySortOrder);
    for (const goal of mainGoals) {
      goal.subGoals = (subGoals.get(`${pk}|${goal.id}`) ?? []).sort(bySortOrder);
      for (const subGoal of goal.subGoals) {
        subGoal.measures = (measures.get(`${pk}|${subGoal.id}`) ?? []).sort(bySortOrder);
      }
    }
    plans.push({ committee, mainGoals });
  }
  return plans;
}

/** The seed's rows for one committee, the committee row last (so a listed committee is complete). */
function seedRows(file: SeedFile): { committeeId: string; rows: Entity[] }[] {
  return file.committees.map((c, ci) => {
    const rows: Entity[] = [];
    c.plan.mainGoals.forEach((g, gi) => {
      const goal: GoalRecord = {
        type: 'goal',
        id: g.id,
        text: g.text,
        order: gi + 1,
        retired: false,
        version: 1,
      };
      rows.push(itemEntity(c.id, goal));
      g.subGoals.forEach((s, si) => {
        const subGoal: SubGoalRecord = {
          type: 'subgoal',
          id: s.id,
          goalId: g.id,
          text: s.text,
          order: si + 1,
          retired: false,
          version: 1,
        };
        rows.push(itemEntity(c.id, subGoal));
        s.measures.forEach((m, mi) => {
          const measure: MeasureRecord = {
            type: 'measure',
            id: m.id,
            goalId: g.id,
            subGoalId: s.id,
            text: m.text,
            ...(m.responsible ? { responsible: m.responsible } : {}),
            ...(m.timeline ? { timeline: m.timeline } : {}),
            ...(m.taskHospital ? { taskHospital: m.taskHospital } : {}),
            ...(m.taskMunicipalities ? { taskMunicipalities: m.taskMunicipalities } : {}),
            ...(m.measuringTool ? { measuringTool: m.measuringTool } : {}),
            priorityGroups: m.priorityGroups,
            statusByYear: m.statusByYear,
            order: mi + 1,
            retired: false,
            version: 1,
          };
          rows.push(itemEntity(c.id, measure));
        });
      });
    });
    const identity = committeeIdentity(c.id);
    if (!identity) throw new Error(`The plan seed's committee "${c.id}" is no forum`);
    rows.push(
      committeeEntity({
        id: c.id,
        ...identity,
        ...(c.leader ? { leader: c.leader } : {}),
        ...(c.deputy ? { deputy: c.deputy } : {}),
        title: c.plan.title,
        periodStart: c.plan.periodStart,
        periodEnd: c.plan.periodEnd,
        ...(c.plan.firstStatusYear !== undefined ? { firstStatusYear: c.plan.firstStatusYear } : {}),
        order: ci + 1,
        version: 1,
      }),
    );
    return { committeeId: c.id, rows };
  });
}

export class TablePlanRepository implements PlanRepository {
  constructor(private readonly table: TableClient) {}

  private async list(filter: string): Promise<TableEntityResult<Row>[]> {
    const rows: TableEntityResult<Row>[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) rows.push(row);
    return rows;
  }

  async allPlans(): Promise<Plan[]> {
    const last = Number.MAX_SAFE_INTEGER;
    return assemble(await this.list(allPlanRowsFilter)).sort(
      (a, b) =>
        (a.committee.order ?? last) - (b.committee.order ?? last) ||
        a.committee.id.localeCompare(b.committee.id),
    );
  }

  async getPlan(committeeId: string): Promise<Plan | undefined> {
    return assemble(await this.list(planRowsFilter(committeeId)))[0];
  }

  /** The board's read: the plan and the links of cases to its measures, from the one partition query. */
  async planWithLinks(committeeId: string): Promise<PlanWithLinks | undefined> {
    const items: TableEntityResult<Row>[] = [];
    const links: CaseLink[] = [];
    for (const row of await this.list(planRowsFilter(committeeId))) {
      if (isPlanLinkRow(row)) links.push(linkOf(row));
      else items.push(row);
    }
    const plan = assemble(items)[0];
    return plan && { plan, links: links.sort(byTime) };
  }

  async getCommittee(committeeId: string): Promise<Committee | undefined> {
    try {
      return fromCommitteeEntity(await this.table.getEntity<Row>(encodeKey(committeeId), 'committee'));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async getItem(committeeId: string, itemId: string): Promise<PlanItem | undefined> {
    const rowKey = itemRowKey(itemId);
    if (!rowKey) return undefined;
    try {
      return fromItemEntity(await this.table.getEntity<Row>(encodeKey(committeeId), rowKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async history(committeeId: string, itemId: string): Promise<HistoryEntry[]> {
    const prefix = historyPrefix(itemId);
    const rows = await this.list(
      odata`PartitionKey eq ${encodeKey(committeeId)} and RowKey ge ${prefix} and RowKey lt ${prefixUpperBound(prefix)}`,
    );
    return (
      rows
        // Newest first: by time, then by row key (entries of the same millisecond keep a stable order).
        .sort((a, b) => compare(b.at as string, a.at as string) || compare(b.rowKey ?? '', a.rowKey ?? ''))
        .map(fromHistoryEntity)
    );
  }

  async write(committeeId: string, write: PlanWrite): Promise<void> {
    const actions: TransactionAction[] = [];
    if (write.committee) {
      if (write.committee.next.id !== committeeId)
        throw new Error('The committee row belongs to another plan');
      actions.push([
        'update',
        committeeEntity(write.committee.next),
        'Replace',
        { etag: write.committee.expectedEtag },
      ]);
    }
    for (const { next, expectedEtag } of write.items) {
      const entity = itemEntity(committeeId, next);
      actions.push(expectedEtag ? ['update', entity, 'Replace', { etag: expectedEtag }] : ['create', entity]);
    }
    for (const entry of write.history) actions.push(['create', historyEntity(committeeId, entry)]);
    if (actions.length > MAX_BATCH)
      throw new Error(`A plan change of ${actions.length} rows does not fit one transaction`);
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      // 409: a created row exists; 412: an ETag no longer matches; 404: a row to update is gone.
      if (isConflict(error) || isNotFound(error)) throw new WriteConflict();
      throw error;
    }
  }

  /**
   * Loads the default content once. Each committee's rows go in fixed batches of create operations:
   * a batch another instance (or an earlier, interrupted start) already wrote fails as a whole with
   * 409 and is skipped, so two instances starting at once write every row exactly once, and a row
   * someone has changed since is never overwritten. The marker row, written last, ends seeding for
   * good: later starts do nothing, even if a committee were removed.
   */
  async seed(file: SeedFile, now: Date): Promise<SeedResult> {
    if (await this.seedMarker()) return { seeded: false, committees: 0, rows: 0 };
    let written = 0;
    const committees = seedRows(file);
    for (const { rows } of committees) {
      for (let start = 0; start < rows.length; start += MAX_BATCH) {
        const batch = rows.slice(start, start + MAX_BATCH);
        try {
          await this.table.submitTransaction(batch.map((row): TransactionAction => ['create', row]));
          written += batch.length;
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
    }
    try {
      await this.table.createEntity({
        partitionKey: META_PARTITION,
        rowKey: SEED_MARKER,
        kind: 'seed',
        at: now.toISOString(),
        committees: committees.length,
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    return { seeded: written > 0, committees: committees.length, rows: written };
  }

  private async seedMarker(): Promise<boolean> {
    return this.metaRowExists(SEED_MARKER);
  }

  seedUpdateDone(name: string): Promise<boolean> {
    return this.metaRowExists(`${SEED_UPDATE_PREFIX}${encodeKey(name)}`);
  }

  async markSeedUpdateDone(name: string, now: Date): Promise<void> {
    try {
      await this.table.createEntity({
        partitionKey: META_PARTITION,
        rowKey: `${SEED_UPDATE_PREFIX}${encodeKey(name)}`,
        kind: 'seed-update',
        at: now.toISOString(),
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }

  private async metaRowExists(rowKey: string): Promise<boolean> {
    try {
      await this.table.getEntity(META_PARTITION, rowKey);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
