import type { ForumCaseCounts } from '../reports/annualStats';
import { NONE } from '../reports/annualStats';
import { currentForum } from '../routing/routingModel';
import type { RoleRepository } from '../roles/roleRepository';
import { can, GLOBAL_SCOPE, type RoleAssignment } from '../roles/roles';
import type { CaseListEntry, CaseListFilter, CaseListSource, CasePosition } from './caseList';
import { parseCaseNumber, type CaseRecord } from './caseModel';
import type { YearCounts } from '../reports/caseCounts';
import type { CaseRepository } from './caseRepository';

/**
 * How much of a case a person sees: everything ('full': the secretariat, the SSU leadership, admins,
 * and once routed the leadership and members of the forum that has it: the case is the committee's
 * work, so its members read all of it, though only its leadership acts on it), or the submitter's own view (state,
 * forum, a return's justification, questions to them, outcome and minutes: see submitterView.ts).
 */
export type CaseView = 'full' | 'submitter';

/**
 * The one rule of who may see a case, used by every card action, every card sent and the tab's API.
 * Decided from stored roles and the stored case only. undefined: this person may not see it at all.
 */
export function caseViewFor(
  assignments: readonly RoleAssignment[],
  personId: string,
  record: CaseRecord,
): CaseView | undefined {
  return viewOfCase(assignments, personId, { forum: currentForum(record), submitterId: record.submitter.id });
}

/** The same rule on what decides it: the forum that has the case now, and who submitted it. */
function viewOfCase(
  assignments: readonly RoleAssignment[],
  personId: string,
  seen: { forum: string | undefined; submitterId: string },
): CaseView | undefined {
  // The forum that has the case is the committee its leadership's and members' roles are held for.
  if (can(assignments, 'case.view', seen.forum)) return 'full';
  if (seen.submitterId === personId) return 'submitter';
  return undefined;
}

/** A page of the cases a person may see: each entry with the view they get, and where the next starts. */
export interface VisiblePage {
  all: boolean;
  cases: { entry: CaseListEntry; view: CaseView }[];
  next?: CasePosition;
}

export type CaseLookup = { kind: 'visible'; record: CaseRecord; view: CaseView } | { kind: 'hidden' };

/**
 * Cases as people may read them. Someone who may not see a case learns nothing, not even whether it
 * exists: an unknown number, a number not in its canonical form and a case they may not see all give
 * the same answer, and each such attempt is recorded.
 */
export class CaseQueries {
  constructor(private readonly deps: { cases: CaseRepository; roles: RoleRepository; now: () => Date }) {}

  /** What this person sees of a case already loaded; nothing is recorded. */
  async viewOf(personId: string, record: CaseRecord): Promise<CaseView | undefined> {
    return caseViewFor(await this.deps.roles.rolesOf(personId), personId, record);
  }

  /** Opens a case by the number a card or a request gave; a refusal is recorded. */
  async open(personId: string, number: unknown): Promise<CaseLookup> {
    const canonical = parseCaseNumber(number) ? (number as string) : undefined;
    const record = canonical ? await this.deps.cases.get(canonical) : undefined;
    const view = record ? await this.viewOf(personId, record) : undefined;
    if (record && view) return { kind: 'visible', record, view };
    await this.deps.roles.recordDenied({
      at: this.deps.now().toISOString(),
      personId,
      action: 'case.view',
      // Only a well-formed number is recorded: what else was sent is not kept.
      target: canonical ? `case:${canonical}` : 'case:invalid-number',
    });
    return { kind: 'hidden' };
  }

  /**
   * A page of the cases the person may see, newest first, each with the view they get: every case
   * for those who see all; otherwise their own and those a forum they lead or sit in has now. The page
   * holds nothing else (no count of what they may not see).
   */
  async page(
    personId: string,
    query: CaseListFilter & { after?: CasePosition; limit: number },
  ): Promise<VisiblePage> {
    const assignments = await this.deps.roles.rolesOf(personId);
    const all = can(assignments, 'case.view_all');
    const sources: CaseListSource[] = all
      ? [{ kind: 'all' }]
      : [
          { kind: 'submitter', submitterId: personId },
          ...forumsSeenBy(assignments).map((forum): CaseListSource => ({ kind: 'forum', forum })),
        ];
    const page = await this.deps.cases.listPage({ ...query, sources });
    const cases = page.entries.flatMap((entry) => {
      const view = viewOfCase(assignments, personId, { forum: entry.forum, submitterId: entry.submitterId });
      return view ? [{ entry, view }] : [];
    });
    return { all, cases, ...(page.next ? { next: page.next } : {}) };
  }

  /**
   * The newest `limit` of the cases this person submitted (their own list rows, no case opened), and
   * whether they have older ones besides. Their own cases are theirs to see: no role is read.
   */
  async submittedBy(personId: string, limit: number): Promise<{ entries: CaseListEntry[]; more: boolean }> {
    const page = await this.deps.cases.listPage({
      sources: [{ kind: 'submitter', submitterId: personId }],
      limit,
    });
    return { entries: page.entries, more: page.next !== undefined };
  }

  /**
   * A page of the cases a forum has now (routed to it, or decided there), newest first, for someone
   * who sees that forum's cases in full; undefined when they may not.
   */
  async atForum(
    personId: string,
    forum: string,
    query: { after?: CasePosition; limit: number },
  ): Promise<{ entries: CaseListEntry[]; next?: CasePosition } | undefined> {
    const assignments = await this.deps.roles.rolesOf(personId);
    if (!can(assignments, 'case.view', forum)) return undefined;
    return this.deps.cases.listPage({ ...query, sources: [{ kind: 'forum', forum }] });
  }

  /**
   * The cases each forum has now per year, from the year counters, with which forums' cases this
   * person sees in full: counts are given only for those, since a count tells something about cases
   * they may not open.
   */
  async forForumCounts(personId: string, counted?: Promise<YearCounts[]>): Promise<ForumCaseCounts> {
    // `counted`: the year counters when the caller reads them anyway (the statistics do).
    const [assignments, years] = await Promise.all([
      this.deps.roles.rolesOf(personId),
      counted ?? this.deps.cases.yearCounts(),
    ]);
    const mayView = (forum: string) => can(assignments, 'case.view', forum);
    const byForum: ForumCaseCounts['byForum'] = {};
    for (const counts of years) {
      for (const [forum, n] of Object.entries(counts.byForum)) {
        if (forum === NONE || !mayView(forum)) continue;
        (byForum[forum] ??= {})[String(counts.year)] = n;
      }
    }
    return { mayView, byForum };
  }
}

/** The forums whose cases someone sees in full through a role held for that forum. */
function forumsSeenBy(assignments: readonly RoleAssignment[]): string[] {
  const scopes = assignments.map((a) => a.scope).filter((scope) => scope !== GLOBAL_SCOPE);
  return [...new Set(scopes)].filter((forum) => can(assignments, 'case.view', forum));
}
