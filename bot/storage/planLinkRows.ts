import type { CaseLink } from '../domain/caseLinks/caseLink';
import { encodeKey, prefixUpperBound } from './keys';

type Row = Record<string, unknown>;

/**
 * A case link as its plan sees it: a row in the committee's own partition of the Plans table, so the
 * board's one partition query returns the plan's items and the links of cases to its measures
 * together. (The link itself, the truth, is the case's row in the CaseLinks table:
 * tableCaseLinkRepository.ts.)
 *
 *   PartitionKey <committee>     RowKey link-<measure>|<case number>
 *
 * `link-` sorts after the plan's `history-` rows and before its `measure-` rows.
 */
const LINK_PREFIX = 'link-';
const LINK_KIND = 'caseLink';

export const planLinkPartition = (committeeId: string) => encodeKey(committeeId);
export const planLinkRowKey = (measureId: string, caseNumber: string) =>
  `${LINK_PREFIX}${encodeKey(measureId)}|${encodeKey(caseNumber)}`;

/** The RowKey range of a plan partition's link rows (for an OData filter). */
export const PLAN_LINK_ROWS = { from: LINK_PREFIX, to: prefixUpperBound(LINK_PREFIX) } as const;

/** A link's own fields, the same in its case row and in its plan row. */
export function linkFields(link: CaseLink): Row {
  return {
    caseNumber: link.caseNumber,
    committeeId: link.committeeId,
    measureId: link.measureId,
    byId: link.by.id,
    byName: link.by.name,
    at: link.at,
  };
}

export function linkOf(row: Row): CaseLink {
  return {
    caseNumber: row.caseNumber as string,
    committeeId: row.committeeId as string,
    measureId: row.measureId as string,
    by: { id: row.byId as string, name: row.byName as string },
    at: row.at as string,
  };
}

/** The plan-side row of a link. */
export function planLinkEntity(link: CaseLink): Row & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: planLinkPartition(link.committeeId),
    rowKey: planLinkRowKey(link.measureId, link.caseNumber),
    kind: LINK_KIND,
    ...linkFields(link),
  };
}

export const isPlanLinkRow = (row: Row) => row.kind === LINK_KIND;

/** Oldest first, as a measure lists its cases. */
export const byTime = (a: CaseLink, b: CaseLink) =>
  a.at.localeCompare(b.at) || a.measureId.localeCompare(b.measureId);
