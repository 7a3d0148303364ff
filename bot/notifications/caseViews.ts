import type { Activity } from 'botbuilder';
import { caseCard, type CaseCardOptions, type CaseViewer } from '../cards/caseCards';
import { cardAttachment } from '../cards/cardTemplates';
import type { CaseRecord } from '../domain/cases/caseModel';
import type { CaseRepository } from '../domain/cases/caseRepository';
import type { Lang } from '../domain/i18n/language';
import { routingMessages } from '../domain/i18n/messages';
import type { JustificationRepository } from '../domain/routing/justifications';
import type { RoleRepository } from '../domain/roles/roleRepository';
import { can, type RoleName } from '../domain/roles/roles';
import type { ConversationRefRepository } from '../storage/conversationRefRepository';

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
    },
  ) {}

  async viewer(personId: string | undefined, record: CaseRecord, lang: Lang): Promise<CaseViewer> {
    if (personId === undefined) {
      // The secretariat's team channel: the secretariat's view; the server checks every click anyway.
      return { lang, secretariat: true, ssuLeadership: false, submitter: false };
    }
    const assignments = await this.deps.roles.rolesOf(personId);
    return {
      lang,
      secretariat: can(assignments, 'case.propose_routing'),
      ssuLeadership: can(assignments, 'case.approve_routing'),
      submitter: record.submitter.id === personId,
    };
  }

  /** Person ids holding any of the roles, once each. */
  async holders(roles: readonly RoleName[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const role of roles) for (const a of await this.deps.roles.holders(role)) ids.add(a.personId);
    return [...ids];
  }

  /** Teams user ids of everyone with a stake in the case who has talked to the bot (at most 60). */
  async refreshUserIds(record: CaseRecord): Promise<string[]> {
    const people = new Set([
      record.submitter.id,
      ...(await this.holders(SECRETARIAT_ROLES)),
      ...(await this.holders(SSU_ROLES)),
    ]);
    const ids: string[] = [];
    for (const personId of people) {
      const userId = (await this.deps.refs.lookup(personId))?.reference.user?.id;
      if (userId && !ids.includes(userId)) ids.push(userId);
    }
    return ids.slice(0, 60);
  }

  async card(
    record: CaseRecord,
    viewer: CaseViewer,
    opts: Omit<CaseCardOptions, 'approvalsRequired' | 'justifications' | 'refreshUserIds'> = {},
  ): Promise<Record<string, unknown>> {
    const [history, justifications, refreshUserIds] = await Promise.all([
      this.deps.cases.history(record.number),
      viewer.secretariat || viewer.ssuLeadership ? this.deps.justifications.list() : Promise.resolve([]),
      this.refreshUserIds(record),
    ]);
    return caseCard(record, history, viewer, {
      ...opts,
      justifications,
      refreshUserIds,
      approvalsRequired: this.deps.approvalsRequired,
    });
  }

  async activity(record: CaseRecord, viewer: CaseViewer): Promise<Partial<Activity>> {
    const card = await this.card(record, viewer);
    return {
      type: 'message',
      summary: routingMessages(viewer.lang).caseHeading(record.number),
      attachments: [cardAttachment(card)],
    };
  }
}
