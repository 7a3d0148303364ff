import {
  caseCard,
  noAccessCard,
  type CaseCardMeasure,
  type CaseCardOptions,
  type CaseViewer,
} from '../cards/caseCards';
import { caseViewFor } from '../domain/cases/caseAccess';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { CaseRepository } from '../domain/cases/caseRepository';
import type { Lang } from '../domain/i18n/language';
import { routingMessages } from '../domain/i18n/messages';
import type { ConversationRefRepository } from '../domain/notifications/conversationRefRepository';
import { approvalsNeeded } from '../domain/routing/decisions';
import type { JustificationRepository } from '../domain/routing/justifications';
import type { RoleRepository } from '../domain/roles/roleRepository';
import { can, forumLeadershipRoles, type RoleName } from '../domain/roles/roles';
import { currentForum } from '../domain/routing/routingModel';
import { cardMessage, type OutgoingMessage } from './outgoing';

export const SECRETARIAT_ROLES: readonly RoleName[] = ['secretariat_leader', 'secretariat_member'];
export const SSU_ROLES: readonly RoleName[] = ['ssu_leader', 'ssu_deputy'];

/**
 * Renders a case's card for one person, from storage: their role decides the actions offered, their
 * language the texts, and the refresh list lets every copy update itself to its reader's view.
 */
export class CaseViews {
  constructor(
    private readonly deps: {
      cases: CaseRepository;
      roles: RoleRepository;
      refs: ConversationRefRepository;
      justifications: JustificationRepository;
      approvalsRequired: number;
      /** TEAMS_APP_ID: the cards link to the case in the tab; absent: no such link. */
      teamsAppId?: string;
      /** The measures a case is linked to (bot/domain/caseLinks); none when not given. */
      measuresOf?: (caseNumber: string) => Promise<readonly CaseCardMeasure[]>;
    },
  ) {}

  /** undefined: the person may not see the case (caseAccess.ts); they get no card of it. */
  async viewer(
    personId: string | undefined,
    record: CaseRecord,
    lang: Lang,
  ): Promise<CaseViewer | undefined> {
    if (personId === undefined) {
      // The secretariat's team channel: the secretariat's view; the server checks every click anyway.
      return {
        lang,
        secretariat: true,
        ssuLeadership: false,
        forumLeadership: false,
        submitter: false,
        view: 'full',
      };
    }
    const assignments = await this.deps.roles.rolesOf(personId);
    const view = caseViewFor(assignments, personId, record);
    if (!view) return undefined;
    return {
      lang,
      secretariat: can(assignments, 'case.propose_routing'),
      ssuLeadership: can(assignments, 'case.approve_routing'),
      // Leads the forum that has the case now (as stored): may register its outcome or send it on.
      forumLeadership: can(assignments, 'case.register_outcome', currentForum(record)),
      submitter: record.submitter.id === personId,
      view,
    };
  }

  /** Person ids holding any of the roles, once each. */
  async holders(roles: readonly RoleName[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const role of roles) for (const a of await this.deps.roles.holders(role)) ids.add(a.personId);
    return [...ids];
  }

  /** Person ids leading the forum (forumLeadershipRoles), once each. */
  async forumLeaders(forum: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const { role, scope } of forumLeadershipRoles(forum)) {
      for (const a of await this.deps.roles.holders(role, scope)) if (a.scope === scope) ids.add(a.personId);
    }
    return [...ids];
  }

  /** Teams user ids of everyone with a stake in the case who has talked to the bot (at most 60). */
  async refreshUserIds(record: CaseRecord): Promise<string[]> {
    const forum = currentForum(record);
    const people = new Set([
      record.submitter.id,
      ...(await this.holders(SECRETARIAT_ROLES)),
      ...(await this.holders(SSU_ROLES)),
      ...(forum ? await this.forumLeaders(forum) : []),
    ]);
    const ids: string[] = [];
    for (const personId of people) {
      const userId = (await this.deps.refs.lookup(personId))?.reference.user?.id;
      if (userId && !ids.includes(userId)) ids.push(userId);
    }
    return ids.slice(0, 60);
  }

  /** The viewer's card of the case; someone who may not see it (no viewer) gets the no-access card. */
  async card(
    record: CaseRecord,
    viewer: CaseViewer | undefined,
    opts: Omit<
      CaseCardOptions,
      'approvalsRequired' | 'justifications' | 'refreshUserIds' | 'teamsAppId' | 'measures'
    > = {},
    lang: Lang = 'nn',
  ): Promise<Record<string, unknown>> {
    if (!viewer) return noAccessCard(lang);
    const [history, justifications, refreshUserIds, measures] = await Promise.all([
      this.deps.cases.history(record.number),
      viewer.secretariat || viewer.ssuLeadership ? this.deps.justifications.list() : Promise.resolve([]),
      this.refreshUserIds(record),
      this.deps.measuresOf?.(record.number) ?? Promise.resolve([]),
    ]);
    return caseCard(record, history, viewer, {
      ...opts,
      justifications,
      refreshUserIds,
      ...(this.deps.teamsAppId ? { teamsAppId: this.deps.teamsAppId } : {}),
      measures,
      // As the case service counts them: never more than there are SSU leaders and deputies.
      approvalsRequired: approvalsNeeded(this.deps.approvalsRequired, (await this.holders(SSU_ROLES)).length),
    });
  }

  async activity(record: CaseRecord, viewer: CaseViewer | undefined, lang: Lang): Promise<OutgoingMessage> {
    const card = await this.card(record, viewer, {}, lang);
    const summary = viewer
      ? routingMessages(lang).caseHeading(record.number)
      : routingMessages(lang).notices.noAccess;
    return cardMessage(card, summary);
  }
}
