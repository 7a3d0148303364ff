import { ActivityTypes, type TurnContext } from 'botbuilder';
import { messageCard } from '../cards/intakeCards';
import type { Person } from '../domain/person';
import type { Lang } from '../domain/i18n/language';
import { routingMessages } from '../domain/i18n/messages';
import { forumOfRecipient } from '../domain/notifications/notificationModel';
import { forumByValue } from '../domain/partnership';
import { AccessDenied, authorize } from '../domain/roles/authorize';
import { roleLabel } from '../domain/roles/roleLabels';
import { JustificationInputError, saveJustification } from '../domain/routing/justifications';
import {
  COMMITTEE_ROLES,
  GLOBAL_SCOPE,
  ROLE_NAMES,
  isValidAssignment,
  type Action,
  type RoleAssignment,
  type RoleName,
} from '../domain/roles/roles';
import { preview } from '../cards/caseCards';
import type { BotServices } from './botServices';
import { cardReply } from './cardReply';

/**
 * Typed commands for the people who run the partnership, in the 1:1 chat when no intake draft is
 * active: administrators manage roles, the secretariat sees undelivered notifications and keeps the
 * standard justifications. Each is checked with authorize(); a refusal is recorded.
 *
 *   roller | roles
 *   gi rolle <role> <aad object id> [committee] | grant role ...
 *   fjern rolle <role> <aad object id> [committee] | revoke role ...
 *   varsel | varsler | notifications
 *   grunngjeving [ny <text> | endre <no> <text> | fjern <no>]   (also begrunnelse / reason)
 */
type Parsed =
  | { kind: 'listRoles' }
  | { kind: 'grant' | 'revoke'; role: string; personId: string; committee?: string }
  | { kind: 'notifications' }
  | { kind: 'listJustifications' }
  | { kind: 'addJustification'; text: string }
  | { kind: 'editJustification'; n: number; text: string }
  | { kind: 'removeJustification'; n: number };

const J = '(?:grunngjevingar|grunngjeving|begrunnelser|begrunnelse|reasons|reason)';

export function parseRoutingCommand(raw: string): Parsed | undefined {
  const text = raw.trim();
  let m: RegExpExecArray | null;
  if (/^(roller|roles)$/i.test(text)) return { kind: 'listRoles' };
  if ((m = /^(gi rolle|grant role|fjern rolle|revoke role)\s+(\S+)\s+(\S+)(?:\s+(\S+))?$/i.exec(text))) {
    const kind = /^(gi|grant)/i.test(m[1]!) ? 'grant' : 'revoke';
    return { kind, role: m[2]!, personId: m[3]!, ...(m[4] ? { committee: m[4] } : {}) };
  }
  if (/^(varsel|varsler|notifications)$/i.test(text)) return { kind: 'notifications' };
  if (new RegExp(`^${J}$`, 'i').test(text)) return { kind: 'listJustifications' };
  if ((m = new RegExp(`^${J}\\s+(?:ny|new)\\s+([\\s\\S]+)$`, 'i').exec(text))) {
    return { kind: 'addJustification', text: m[1]! };
  }
  if ((m = new RegExp(`^${J}\\s+(?:endre|edit)\\s+(\\d{1,3})\\s+([\\s\\S]+)$`, 'i').exec(text))) {
    return { kind: 'editJustification', n: Number(m[1]), text: m[2]! };
  }
  if ((m = new RegExp(`^${J}\\s+(?:fjern|remove)\\s+(\\d{1,3})$`, 'i').exec(text))) {
    return { kind: 'removeJustification', n: Number(m[1]) };
  }
  return undefined;
}

const ACTION_OF: Record<Parsed['kind'], Action> = {
  listRoles: 'roles.manage',
  grant: 'roles.manage',
  revoke: 'roles.manage',
  notifications: 'case.view_all',
  listJustifications: 'justifications.manage',
  addJustification: 'justifications.manage',
  editJustification: 'justifications.manage',
  removeJustification: 'justifications.manage',
};

/** Handles the text if it is one of these commands; returns false if it is not. */
export async function handleRoutingCommand(
  context: TurnContext,
  services: BotServices,
  person: Person,
  lang: Lang,
  text: string,
): Promise<boolean> {
  const parsed = parseRoutingCommand(text);
  if (!parsed) return false;
  const r = routingMessages(lang).commands;
  const now = services.now();
  const say = (message: string) =>
    context.sendActivity({ type: ActivityTypes.Message, text: message, textFormat: 'plain' });
  // Lists go on a card, one block per line: plain text loses its line breaks in some Teams clients.
  const sayList = (heading: string, lines: string[], footer?: string) =>
    context.sendActivity(
      cardReply(messageCard({ heading, paragraphs: [], lines, footer: footer ? [footer] : [] })),
    );
  try {
    await authorize(services.roles, {
      personId: person.id,
      action: ACTION_OF[parsed.kind],
      target: 'command',
      now,
    });
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    await say(r.notAllowed);
    return true;
  }

  switch (parsed.kind) {
    case 'listRoles': {
      const lines: string[] = [];
      await services.roles.rememberName(person.id, person.name);
      for (const role of ROLE_NAMES) {
        for (const a of await services.roles.holders(role)) {
          lines.push(await roleLine(services, a, lang));
        }
      }
      await sayList(
        r.rolesHeading,
        lines.length ? lines : [r.rolesNone],
        `${r.rolesUsage}${ROLE_NAMES.join(', ')}`,
      );
      return true;
    }
    case 'grant':
    case 'revoke': {
      const role = parsed.role as RoleName;
      const scope = parsed.committee ?? GLOBAL_SCOPE;
      const known = (ROLE_NAMES as readonly string[]).includes(role);
      const committeeOk = !COMMITTEE_ROLES.includes(role) || forumByValue(scope) !== undefined;
      if (!known || !isValidAssignment(role, scope) || !committeeOk) {
        await say(`${r.roleInvalid}\n${r.rolesUsage}${ROLE_NAMES.join(', ')}`);
        return true;
      }
      // Read before a revoke: the name is stored with the roles, and this one may be the last.
      const stored = (await services.roles.rolesOf(parsed.personId)).find((a) => a.personName)?.personName;
      const name = await knownName(services, parsed.personId, stored);
      const who = name ?? parsed.personId;
      const label = roleText(role, scope, lang);
      if (parsed.kind === 'grant') {
        await services.roles.grant({
          personId: parsed.personId,
          role,
          scope,
          ...(name ? { personName: name } : {}),
          grantedBy: person.id,
          grantedAt: now.toISOString(),
        });
        await say(r.roleGranted(label, who));
        // A new forum leader who has the app gets the forum's cases that reached nobody.
        await services.routing.notifier.toWaitingForums(parsed.personId);
      } else {
        const removed = await services.roles.revoke(parsed.personId, role, scope, person.id);
        await say(removed ? r.roleRevoked(label, who) : r.roleNotHeld(label, who));
      }
      return true;
    }
    case 'notifications': {
      const failed = await services.routing.outbox.listUndelivered();
      const lines = failed.map((n) => {
        const unreached = forumOfRecipient(n.recipient);
        if (unreached)
          return r.notificationUnreached(n.caseNumber, forumByValue(unreached)?.label[lang] ?? unreached);
        return r.notificationLine(
          n.caseNumber,
          n.label,
          n.recipient,
          n.attempts,
          n.lastStatus ? `HTTP ${n.lastStatus}` : (n.lastError ?? n.status),
        );
      });
      if (lines.length) await sayList(r.notificationsHeading, lines);
      else await say(r.notificationsNone);
      return true;
    }
    case 'listJustifications': {
      const list = await services.routing.justifications.list();
      // Each by its beginning, shorter still for a long list: the card must fit in Teams.
      const max = list.length > 40 ? 60 : 200;
      await sayList(
        r.justificationsHeading,
        list.map((j, i) => `${i + 1}. ${preview(j.text[lang], max)}`),
        r.justificationsUsage,
      );
      return true;
    }
    case 'addJustification':
      await say(await saveOrExplain(services, { text: parsed.text, by: person.id, now }, lang));
      return true;
    case 'editJustification':
    case 'removeJustification': {
      const list = await services.routing.justifications.list();
      const target = list[parsed.n - 1];
      if (!target) {
        await say(r.justificationUnknown);
        return true;
      }
      if (parsed.kind === 'editJustification') {
        await say(
          await saveOrExplain(services, { id: target.id, text: parsed.text, by: person.id, now }, lang),
        );
      } else {
        await services.routing.justifications.remove(target.id);
        await say(r.justificationRemoved);
      }
      return true;
    }
  }
}

/**
 * One holder in the `roller` list: the role as people say it (its id too, which `gi rolle` takes),
 * the committee, and the person's name. A name not stored with the role is taken from their chat
 * with the bot; the object id, which `fjern rolle` needs, comes last.
 */
async function roleLine(services: BotServices, a: RoleAssignment, lang: Lang): Promise<string> {
  const scope = a.scope === GLOBAL_SCOPE ? '' : `, ${committeeName(a.scope, lang)}`;
  const name = await knownName(services, a.personId, a.personName);
  return `• ${roleLabel(a.role, lang)} (${a.role}${scope}): ${name ?? routingMessages(lang).commands.nameUnknown} · ${a.personId}`;
}

const committeeName = (scope: string, lang: Lang) => forumByValue(scope)?.label[lang] ?? scope;

/** The role as people say it, with its committee: what `gi rolle` and `fjern rolle` answer with. */
function roleText(role: RoleName, scope: string, lang: Lang): string {
  return scope === GLOBAL_SCOPE
    ? roleLabel(role, lang)
    : `${roleLabel(role, lang)}, ${committeeName(scope, lang)}`;
}

/**
 * The person's name: as stored with their roles, else as Teams gave it in their chat with the bot
 * (then stored with the roles, so the tab and the list know it too); undefined when neither is known.
 */
async function knownName(
  services: BotServices,
  personId: string,
  stored: string | undefined,
): Promise<string | undefined> {
  if (stored) return stored;
  const name = (await services.conversationRefs.get(personId))?.user?.name;
  if (name) await services.roles.rememberName(personId, name);
  return name;
}

/** Saves a standard justification through the domain's check; the answer says saved, or why not. */
async function saveOrExplain(
  services: BotServices,
  input: { id?: string; text: string; by: string; now: Date },
  lang: Lang,
): Promise<string> {
  const r = routingMessages(lang).commands;
  try {
    await saveJustification(services.routing.justifications, input);
    return r.justificationSaved;
  } catch (error) {
    if (!(error instanceof JustificationInputError)) throw error;
    const e = error.error;
    if (e.code === 'tooLong') return r.justificationTooLong(e.length, e.max);
    return e.code === 'nationalId' ? r.justificationNationalId : r.justificationEmpty;
  }
}
