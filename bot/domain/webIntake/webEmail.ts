import type { CaseRecord, CaseTransition } from '../cases/caseModel';
import type { Lang } from '../i18n/language';
import { forumByValue } from '../partnership';
import type { CaseEffects } from '../routing/caseService';
import { currentForum, openInfoRequest, routingOf } from '../routing/routingModel';
import { formatDate } from '../time';
import { isWebSubmitter } from './webSubmitter';

/**
 * E-mail to people who submitted on the public page and gave an address: one message per step
 * they would hear of in Teams. Plain text only (user text is never markup there), composed here; the
 * sending is behind EmailSender (Azure Communication Services in bot/notifications/acsEmail.ts).
 */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

const T = {
  nn: {
    subject: (n: string, what: string) => `Sak ${n} til Helsefellesskap Møre og Romsdal: ${what}`,
    submitted: 'motteken',
    routed: 'fordelt',
    forwarded: 'send vidare',
    returned: 'returnert',
    info: 'spørsmål til deg',
    outcome: 'avgjort',
    withdrawn: 'trekt tilbake',
    hello: (name: string) => `Hei ${name},`,
    receivedBody: (n: string) => `Saka di er motteken med saksnummer ${n}.`,
    link: 'Følg saka på den private statussida di (ta vare på lenkja, ho er berre di):',
    linkLater: 'Sjå statussida di for meir (lenkja fekk du i den første e-posten om saka).',
    routedBody: (forum: string) => `Saka er fordelt til ${forum}.`,
    forwardedBody: (forum: string) => `Saka er send vidare til ${forum}.`,
    returnedBody: 'Saka er returnert. Grunngjeving:',
    infoBody: 'Sekretariatet ber om meir informasjon. Svar på statussida di:',
    outcomeBody: (forum: string, date: string, ref: string) =>
      `Saka er avgjort i ${forum} (møte ${date}, ${ref}):`,
    minutes: 'Referat:',
    withdrawnBody: 'Saka er trekt tilbake.',
    footer: 'Denne e-posten er send automatisk. Du kan ikkje svare på han.',
  },
  nb: {
    subject: (n: string, what: string) => `Sak ${n} til Helsefellesskap Møre og Romsdal: ${what}`,
    submitted: 'mottatt',
    routed: 'fordelt',
    forwarded: 'sendt videre',
    returned: 'returnert',
    info: 'spørsmål til deg',
    outcome: 'avgjort',
    withdrawn: 'trukket tilbake',
    hello: (name: string) => `Hei ${name},`,
    receivedBody: (n: string) => `Saken din er mottatt med saksnummer ${n}.`,
    link: 'Følg saken på den private statussiden din (ta vare på lenken, den er bare din):',
    linkLater: 'Se statussiden din for mer (lenken fikk du i den første e-posten om saken).',
    routedBody: (forum: string) => `Saken er fordelt til ${forum}.`,
    forwardedBody: (forum: string) => `Saken er sendt videre til ${forum}.`,
    returnedBody: 'Saken er returnert. Begrunnelse:',
    infoBody: 'Sekretariatet ber om mer informasjon. Svar på statussiden din:',
    outcomeBody: (forum: string, date: string, ref: string) =>
      `Saken er avgjort i ${forum} (møte ${date}, ${ref}):`,
    minutes: 'Referat:',
    withdrawnBody: 'Saken er trukket tilbake.',
    footer: 'Denne e-posten er sendt automatisk. Du kan ikke svare på den.',
  },
  en: {
    subject: (n: string, what: string) => `Case ${n} to Helsefellesskap Møre og Romsdal: ${what}`,
    submitted: 'received',
    routed: 'assigned',
    forwarded: 'forwarded',
    returned: 'returned',
    info: 'a question for you',
    outcome: 'decided',
    withdrawn: 'withdrawn',
    hello: (name: string) => `Hello ${name},`,
    receivedBody: (n: string) => `Your case has been received with case number ${n}.`,
    link: 'Follow the case on your private status page (keep the link, it is yours alone):',
    linkLater: 'See your status page for more (the link was in the first e-mail about the case).',
    routedBody: (forum: string) => `The case has been assigned to ${forum}.`,
    forwardedBody: (forum: string) => `The case has been forwarded to ${forum}.`,
    returnedBody: 'The case has been returned. Justification:',
    infoBody: 'The secretariat asks for more information. Reply on your status page:',
    outcomeBody: (forum: string, date: string, ref: string) =>
      `The case was decided in ${forum} (meeting ${date}, ${ref}):`,
    minutes: 'Minutes:',
    withdrawnBody: 'The case has been withdrawn.',
    footer: 'This e-mail was sent automatically. Replies are not read.',
  },
} satisfies Record<Lang, unknown>;

function message(record: CaseRecord, what: string, lines: string[]): EmailMessage | undefined {
  const to = record.submitter.email;
  if (!to || !isWebSubmitter(record.submitter)) return undefined;
  const t = T[record.submitter.lang];
  return {
    to,
    subject: t.subject(record.number, what),
    text: [t.hello(record.submitter.name), '', ...lines, '', `— ${t.footer}`].join('\n'),
  };
}

/** The receipt, with the status link (only here: the link is stored as a hash and cannot be rebuilt). */
export function receiptEmail(record: CaseRecord, statusUrl: string | undefined): EmailMessage | undefined {
  const t = T[record.submitter.lang];
  return message(record, t.submitted, [
    t.receivedBody(record.number),
    `«${record.title}»`,
    ...(statusUrl ? ['', t.link, statusUrl] : []),
  ]);
}

/** The message for a later step, for the steps a submitter hears of; undefined for the others. */
function stepEmail(record: CaseRecord, entry: CaseTransition): EmailMessage | undefined {
  const lang = record.submitter.lang;
  const t = T[lang];
  const routing = routingOf(record);
  const forumValue = entry.forum ?? currentForum(record);
  const forum = forumValue ? (forumByValue(forumValue)?.label[lang] ?? forumValue) : '';
  const later = ['', t.linkLater];
  switch (entry.event) {
    case 'routed':
      return message(record, t.routed, [t.routedBody(forum), ...later]);
    case 'forwarded':
      return message(record, t.forwarded, [t.forwardedBody(forum), '', entry.comment ?? '', ...later]);
    case 'returned':
      return message(record, t.returned, [
        t.returnedBody,
        '',
        routing.returned?.justification ?? '',
        ...later,
      ]);
    case 'info_requested':
      return message(record, t.info, [t.infoBody, '', openInfoRequest(record)?.question ?? '', ...later]);
    case 'outcome_registered': {
      const o = routing.outcome;
      if (!o) return undefined;
      const date = formatDate(`${o.meetingDate}T12:00:00Z`, lang);
      return message(record, t.outcome, [
        t.outcomeBody(forum, date, o.forumCaseNumber),
        '',
        o.decision,
        '',
        `${t.minutes} ${o.minutesUrl}`,
        ...later,
      ]);
    }
    case 'withdrawn':
      return message(record, t.withdrawn, [t.withdrawnBody]);
    default:
      return undefined;
  }
}

/**
 * The case's effects with e-mail to web submitters added after the others (the secretariat's cards
 * first). A failed send is reported, never turned into a failed step; it is not retried.
 */
export function withWebEmail(
  inner: CaseEffects,
  sender: EmailSender,
  onError: (error: Error, caseNumber: string) => void,
): CaseEffects {
  const send = async (email: EmailMessage | undefined, caseNumber: string) => {
    if (!email) return;
    try {
      await sender.send(email);
    } catch (error) {
      onError(error as Error, caseNumber);
    }
  };
  return {
    caseSubmitted: (record) => inner.caseSubmitted(record),
    async afterTransition(record, entry) {
      const done = await inner.afterTransition(record, entry);
      await send(stepEmail(record, entry), record.number);
      return done;
    },
  };
}
