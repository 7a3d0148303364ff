import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import { isLang, type Lang } from '../../domain/i18n/language';
import type { WebLimits } from '../../domain/webIntake/rateLimits';
import {
  applyPage,
  firstIncompletePage,
  readPage,
  sectionOfPage,
  PAGE_COUNT,
  type PostedValue,
  type WebDraft,
} from '../../domain/webIntake/webDraft';
import type { WebIntakeService } from '../../domain/webIntake/webIntakeService';
import type { Logger } from '../../logger';
import { checkPage, fieldErrorText, infoPage, messagePage, questionPage, startPage } from './formPages';
import { STYLE_HASH, withLang } from './layout';
import { inputErrorText, statusPage, withdrawPage, type StatusNotice } from './statusPages';
import { webTexts } from './webTexts';

export interface PublicFormDeps {
  intake: WebIntakeService;
  /** Express's `trust proxy` for this page: which proxies' X-Forwarded-For decides the client address. */
  trustProxy: boolean | number | string;
  limits: WebLimits;
  draftDays: number;
  now: () => Date;
  log: Logger;
}

const COOKIE = 'skjema_utkast';
const BASE = '/skjema';

/**
 * The public intake page, mounted at /skjema: server-rendered HTML forms with POST-redirect-GET, no
 * script, no sign-in. Its own Express sub-app, so its `trust proxy` setting (the client address that
 * rate limits count) does not change the rest of the server.
 */
export function createPublicForm(deps: PublicFormDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(securityHeaders);
  const form = express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 60 });
  const { intake } = deps;

  const draftOf = (req: Request) => intake.draft(readCookie(req, COOKIE));
  const noDraft = (res: Response, lang: Lang) => res.redirect(303, withLang(`${BASE}?utkast=borte`, lang));

  app.get('/', async (req, res) => {
    const draft = await draftOf(req);
    const lang = langOf(req, draft);
    const t = webTexts(lang);
    res.send(
      startPage(lang, {
        draftDays: deps.draftDays,
        ...(draft ? { resumeAt: resumePath(draft) } : {}),
        ...(req.query.utkast === 'borte' && !draft ? { notice: t.draftGone } : {}),
      }),
    );
  });

  app.post('/start', form, async (req, res) => {
    const lang = langOf(req, undefined);
    if (filledHoneypot(req)) return void badRequest(res, lang, BASE);
    const existing = await draftOf(req);
    if (existing) return void res.redirect(303, withLang(resumePath(existing), lang));
    const started = await intake.startDraft(lang, clientAddress(req));
    if (started.kind === 'limited') {
      const t = webTexts(lang);
      res.status(429).setHeader('retry-after', String(secondsToNextHour(deps.now())));
      return void res.send(
        messagePage({ lang, heading: t.limitedHeading, text: t.limitedDraft, path: BASE }),
      );
    }
    setDraftCookie(req, res, started.draft.id, deps.draftDays);
    res.redirect(303, withLang(`${BASE}/side/1`, lang));
  });

  app.get('/side/:n', async (req, res) => {
    const draft = await draftOf(req);
    const lang = langOf(req, draft);
    if (!draft) return void noDraft(res, lang);
    const pageNo = Number(req.params.n);
    const section = sectionOfPage(pageNo);
    if (!section) return void notFound(res, lang);
    res.send(
      questionPage({
        lang,
        pageNo,
        section,
        values: draft.answers,
        errors: new Map(),
        csrf: draft.csrf,
        returnToCheck: req.query.retur === 'sjekk',
        today: deps.now(),
      }),
    );
  });

  app.post('/side/:n', form, async (req, res) => {
    const draft = await draftOf(req);
    const lang = langOf(req, draft);
    if (!draft) return void noDraft(res, lang);
    if (!csrfMatches(req, draft)) return void badRequest(res, lang, `${BASE}/side/1`);
    const pageNo = Number(req.params.n);
    const section = sectionOfPage(pageNo);
    if (!section) return void notFound(res, lang);
    const posted = postedFields(req);
    const read = readPage(section, posted);
    const returnToCheck = req.query.retur === 'sjekk';
    if (read.errors.length > 0) {
      res.status(400).send(
        questionPage({
          lang,
          pageNo,
          section,
          values: posted,
          errors: new Map(read.errors.map((e) => [e.field.id, fieldErrorText(e.error, lang)])),
          csrf: draft.csrf,
          returnToCheck,
          today: deps.now(),
        }),
      );
      return;
    }
    await intake.saveDraft({ ...applyPage(draft, read), lang });
    const next = returnToCheck || pageNo >= PAGE_COUNT ? `${BASE}/sjekk` : `${BASE}/side/${pageNo + 1}`;
    res.redirect(303, withLang(next, lang));
  });

  app.get('/sjekk', async (req, res) => {
    const draft = await draftOf(req);
    const lang = langOf(req, draft);
    if (!draft) return void noDraft(res, lang);
    res.send(checkPage({ lang, answers: draft.answers, csrf: draft.csrf, today: deps.now() }));
  });

  app.post('/send', form, async (req, res) => {
    const draft = await draftOf(req);
    const lang = langOf(req, draft);
    if (!draft) return void noDraft(res, lang);
    if (!csrfMatches(req, draft) || filledHoneypot(req)) return void badRequest(res, lang, `${BASE}/sjekk`);
    const result = await intake.submit({ ...draft, lang }, clientAddress(req));
    if (result.kind === 'incomplete') {
      return void res.redirect(303, withLang(`${BASE}/side/${result.page}?retur=sjekk`, lang));
    }
    if (result.kind === 'limited') {
      const t = webTexts(lang);
      deps.log.warn('webform.rate_limited', { what: 'submit' });
      res.status(429).setHeader('retry-after', String(secondsToNextHour(deps.now())));
      return void res.send(
        messagePage({
          lang,
          heading: t.limitedHeading,
          text: t.limitedSubmit(deps.limits.submitsPerAddressPerHour),
          path: `${BASE}/sjekk`,
          link: { href: `${BASE}/sjekk`, text: t.backToCheck },
        }),
      );
    }
    deps.log.info('webform.submitted', { case: result.caseNumber });
    clearDraftCookie(req, res);
    res.redirect(303, withLang(`${BASE}/status/${result.statusToken}?ny=1`, lang));
  });

  app.get('/status/:token', async (req, res) => {
    const lang = langOf(req, undefined);
    const token = String(req.params.token);
    const view = await intake.status(token);
    if (!view) return void unknownLink(res, lang);
    const notice = noticeOf(req.query.ny === '1' ? 'submitted' : req.query.melding);
    res.send(
      statusPage({
        lang,
        token,
        view,
        ...(notice ? { notice } : {}),
        ...(notice === 'submitted'
          ? { fullLink: `${req.protocol}://${req.get('host')}${BASE}/status/${token}` }
          : {}),
      }),
    );
  });

  app.post('/status/:token/svar', form, async (req, res) => {
    const lang = langOf(req, undefined);
    const token = String(req.params.token);
    const reply = bodyText(req, 'reply');
    const outcome = await intake.act(token, 'replyInfo', { reply }, versionFrom(req));
    if (outcome.kind === 'notFound' || outcome.kind === 'denied') return void unknownLink(res, lang);
    if (outcome.kind === 'invalid') {
      const view = await intake.status(token);
      if (!view) return void unknownLink(res, lang);
      const error = inputErrorText(outcome.errors[0]!, webTexts(lang).yourReply, lang);
      return void res.status(400).send(statusPage({ lang, token, view, reply: { text: reply, error } }));
    }
    const melding = outcome.kind === 'applied' || outcome.reason === 'alreadyApplied' ? 'svar' : 'endra';
    res.redirect(303, withLang(`${BASE}/status/${token}?melding=${melding}`, lang));
  });

  app.get('/status/:token/trekk', async (req, res) => {
    const lang = langOf(req, undefined);
    const token = String(req.params.token);
    const view = await intake.status(token);
    if (!view) return void unknownLink(res, lang);
    if (!view.canWithdraw) return void res.redirect(303, withLang(`${BASE}/status/${token}`, lang));
    res.send(withdrawPage({ lang, token, view }));
  });

  app.post('/status/:token/trekk', form, async (req, res) => {
    const lang = langOf(req, undefined);
    const token = String(req.params.token);
    const comment = bodyText(req, 'comment');
    const outcome = await intake.act(token, 'withdraw', { comment }, versionFrom(req));
    if (outcome.kind === 'notFound' || outcome.kind === 'denied') return void unknownLink(res, lang);
    if (outcome.kind === 'invalid') {
      const view = await intake.status(token);
      if (!view) return void unknownLink(res, lang);
      const error = inputErrorText(outcome.errors[0]!, webTexts(lang).withdrawComment, lang);
      return void res.status(400).send(withdrawPage({ lang, token, view, comment, error }));
    }
    const melding = outcome.kind === 'applied' || outcome.reason === 'alreadyApplied' ? 'trekt' : 'endra';
    res.redirect(303, withLang(`${BASE}/status/${token}?melding=${melding}`, lang));
  });

  app.get('/personvern', (req, res) => {
    const lang = langOf(req, undefined);
    const t = webTexts(lang);
    res.send(infoPage(lang, t.privacyHeading, t.privacy(deps.draftDays), `${BASE}/personvern`));
  });

  app.get('/tilgjengelegheit', (req, res) => {
    const lang = langOf(req, undefined);
    const t = webTexts(lang);
    res.send(infoPage(lang, t.a11yHeading, t.a11y, `${BASE}/tilgjengelegheit`));
  });

  app.use((req, res) => notFound(res, langOf(req, undefined)));

  // Too large a body, a malformed one, or a failure of ours: a page in the person's language, never
  // a stack trace. The draft is untouched in each case.
  app.use(
    (error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
      const lang = langOf(req, undefined);
      const t = webTexts(lang);
      if (res.headersSent) return;
      if (error.type === 'entity.too.large' || error.status === 413) {
        res.status(413).send(messagePage({ lang, heading: t.tooLargeHeading, text: t.tooLarge, path: BASE }));
        return;
      }
      if (error.status && error.status >= 400 && error.status < 500) return void badRequest(res, lang, BASE);
      deps.log.error('webform.failed', { error: error.message });
      res.status(500).send(messagePage({ lang, heading: t.errorHeading, text: t.error, path: BASE }));
    },
  );
  return app;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'content-security-policy',
    `default-src 'none'; style-src ${STYLE_HASH}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  );
  // The status link's token is in the URL: it must never leave in a Referer (e.g. to the minutes).
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cache-control', 'no-store');
  res.type('html');
  next();
}

function langOf(req: Request, draft: WebDraft | undefined): Lang {
  const asked = req.query.lang;
  if (isLang(asked)) return asked;
  return draft?.lang ?? 'nn';
}

function noticeOf(value: unknown): StatusNotice | undefined {
  const map: Record<string, StatusNotice> = {
    submitted: 'submitted',
    svar: 'replied',
    trekt: 'withdrawn',
    endra: 'stale',
  };
  return typeof value === 'string' ? map[value] : undefined;
}

function versionFrom(req: Request): number | undefined {
  const raw = (req.body as Record<string, unknown> | undefined)?.version;
  return typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}

/** The posted fields as strings, or lists of strings for ticked checkboxes; anything else dropped. */
function postedFields(req: Request): Record<string, PostedValue> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const result: Record<string, PostedValue> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') result[key] = lineBreaks(value);
    else if (Array.isArray(value))
      result[key] = value.filter((v): v is string => typeof v === 'string').map(lineBreaks);
  }
  return result;
}

function bodyText(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? lineBreaks(value) : '';
}

/** Browsers send a textarea's line breaks as CRLF; the case keeps them as the bot does, as LF. */
function lineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function filledHoneypot(req: Request): boolean {
  const value = (req.body as Record<string, unknown> | undefined)?.website;
  return typeof value === 'string' && value.trim() !== '';
}

function csrfMatches(req: Request, draft: WebDraft): boolean {
  const sent = (req.body as Record<string, unknown> | undefined)?.csrf;
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(draft.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** req.ip as `trust proxy` decides it; App Service's front end adds the port to IPv4 addresses. */
function clientAddress(req: Request): string {
  const raw = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(raw);
  const address = v4WithPort ? v4WithPort[1]! : raw;
  return address.replace(/^::ffff:(?=\d)/, '');
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function cookieAttributes(req: Request): string {
  return `Path=${BASE}; HttpOnly; SameSite=Lax${req.secure ? '; Secure' : ''}`;
}

function setDraftCookie(req: Request, res: Response, id: string, days: number): void {
  res.append('set-cookie', `${COOKIE}=${id}; Max-Age=${days * 86_400}; ${cookieAttributes(req)}`);
}

function clearDraftCookie(req: Request, res: Response): void {
  res.append('set-cookie', `${COOKIE}=; Max-Age=0; ${cookieAttributes(req)}`);
}

function secondsToNextHour(now: Date): number {
  return 3600 - Math.floor((now.getTime() / 1000) % 3600);
}

function badRequest(res: Response, lang: Lang, back: string): void {
  const t = webTexts(lang);
  res.status(400).send(
    messagePage({
      lang,
      heading: t.badRequestHeading,
      text: t.badRequest,
      path: back,
      link: { href: back, text: t.back },
    }),
  );
}

function notFound(res: Response, lang: Lang, text = webTexts(lang).notFound): void {
  const t = webTexts(lang);
  res.status(404).send(
    messagePage({
      lang,
      heading: t.notFoundHeading,
      text,
      path: BASE,
      link: { href: BASE, text: t.startLink },
    }),
  );
}

/** A status link that leads nowhere says only that: not whether a case exists. */
function unknownLink(res: Response, lang: Lang): void {
  notFound(res, lang, webTexts(lang).linkUnknown);
}

/** Where a person coming back to their draft continues: the first page still missing an answer. */
function resumePath(draft: WebDraft): string {
  const page = firstIncompletePage(draft.answers);
  return page === undefined ? `${BASE}/sjekk` : `${BASE}/side/${page}`;
}
