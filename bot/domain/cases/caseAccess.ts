import { currentForum } from '../routing/routingModel';
import type { RoleRepository } from '../roles/roleRepository';
import { can, type RoleAssignment } from '../roles/roles';
import { CASE_STATES, parseCaseNumber, type CaseRecord } from './caseModel';
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
  // The forum that has the case is the committee its leadership's and members' roles are held for.
  if (can(assignments, 'case.view', currentForum(record))) return 'full';
  if (record.submitter.id === personId) return 'submitter';
  return undefined;
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
   * The cases the person may see, newest first, each with the view they get: every case for those who
   * see all; otherwise their own and those routed to a forum they lead or sit in.
   */
  async visible(
    personId: string,
  ): Promise<{ all: boolean; cases: { record: CaseRecord; view: CaseView }[] }> {
    const { cases, roles } = this.deps;
    const assignments = await roles.rolesOf(personId);
    const all = can(assignments, 'case.view_all');
    const inForum = assignments.some((a) => can([a], 'case.view', a.scope) && a.scope !== '*');
    const candidates: CaseRecord[] = all
      ? (await Promise.all(CASE_STATES.map((state) => cases.listByState(state)))).flat()
      : [...(await cases.listBySubmitter(personId)), ...(inForum ? await this.withForum() : [])];
    const byNumber = new Map<string, { record: CaseRecord; view: CaseView }>();
    for (const record of candidates) {
      const view = caseViewFor(assignments, personId, record);
      if (view && !byNumber.has(record.number)) byNumber.set(record.number, { record, view });
    }
    const sorted = [...byNumber.values()].sort((a, b) => newestFirst(a.record, b.record));
    return { all, cases: sorted };
  }

  /**
   * The cases a forum has (routed to it, or decided there), newest first, for someone who sees that
   * forum's cases in full; undefined when they may not.
   */
  async atForum(personId: string, forum: string): Promise<CaseRecord[] | undefined> {
    const assignments = await this.deps.roles.rolesOf(personId);
    if (!can(assignments, 'case.view', forum)) return undefined;
    return (await this.withForum())
      .filter((r) => currentForum(r) === forum && caseViewFor(assignments, personId, r) === 'full')
      .sort(newestFirst);
  }

  /**
   * Every case that has a forum, with which forums' cases this person sees in full: counts are given
   * only for those, since a count tells something about cases they may not open.
   */
  async forForumCounts(
    personId: string,
  ): Promise<{ mayView: (forum: string) => boolean; cases: CaseRecord[] }> {
    const assignments = await this.deps.roles.rolesOf(personId);
    const mayView = (forum: string) => can(assignments, 'case.view', forum);
    const cases = (await this.withForum()).filter((r) => mayView(currentForum(r) ?? ''));
    return { mayView, cases };
  }

  /** The states in which a case has a forum: routed to it, or decided there. */
  private async withForum(): Promise<CaseRecord[]> {
    const states = ['routed', 'decided'] as const;
    return (await Promise.all(states.map((s) => this.deps.cases.listByState(s)))).flat();
  }
}

function newestFirst(a: CaseRecord, b: CaseRecord): number {
  return b.year - a.year || b.seq - a.seq;
}
