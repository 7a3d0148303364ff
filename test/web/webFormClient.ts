import assert from 'node:assert/strict';
import { FORM_FIELDS, INTAKE_FORM, type Answers } from '../../bot/domain/form/intakeForm';
import { REFERENCE_STORED } from '../fixtures/referenceCase';

/**
 * A browser without a browser, for the public intake page: it keeps the draft cookie, follows
 * POST-redirect-GET by hand and reads the hidden CSRF field from each page, as a plain HTML client
 * would. `address` goes out as X-Forwarded-For (the app under test trusts loopback as its proxy).
 */
export class WebFormClient {
  cookie = '';
  lastHtml = '';

  constructor(
    readonly baseUrl: string,
    readonly address?: string,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.address ? { 'x-forwarded-for': this.address } : {}),
      ...extra,
    };
  }

  private keepCookie(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name === 'skjema_utkast') this.cookie = value ? `${name}=${value}` : '';
    }
  }

  async get(path: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers(), redirect: 'manual' });
    this.keepCookie(response);
    this.lastHtml = await response.text();
    return { status: response.status, html: this.lastHtml, response };
  }

  /** Posts a form; a 303 is followed with a GET, as a browser does. */
  async post(
    path: string,
    fields: [string, string][],
  ): Promise<{ status: number; html: string; location?: string; response: Response }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.keepCookie(response);
    if (response.status === 303) {
      const location = response.headers.get('location') ?? '';
      const next = await this.get(location);
      return { ...next, location };
    }
    this.lastHtml = await response.text();
    return { status: response.status, html: this.lastHtml, response };
  }

  csrf(html = this.lastHtml): string {
    const match = /name="csrf"\s+value="([^"]+)"/.exec(html);
    assert.ok(match, 'the page has a CSRF field');
    return match[1]!;
  }

  async start(): Promise<void> {
    await this.get('/skjema');
    const started = await this.post('/skjema/start', [['lang', 'nn']]);
    assert.equal(started.status, 200, started.html.slice(0, 300));
  }

  /** Answers one page with the given answers (choices as option values) and returns where it went. */
  async answerPage(page: number, answers: Answers) {
    await this.get(`/skjema/side/${page}`);
    return this.post(`/skjema/side/${page}`, [['csrf', this.csrf()], ...formFields(page, answers)]);
  }

  /** Starts and fills in every page, ending on the check page. */
  async fillAll(answers: Answers = REFERENCE_STORED): Promise<string> {
    await this.start();
    let last = '';
    for (let page = 1; page <= INTAKE_FORM.length; page++) {
      const result = await this.answerPage(page, answers);
      assert.equal(result.status, 200, `page ${page}: ${result.html.slice(0, 500)}`);
      last = result.html;
    }
    return last;
  }

  async send(): Promise<{ status: number; html: string; location?: string }> {
    await this.get('/skjema/sjekk');
    return this.post('/skjema/send', [['csrf', this.csrf()]]);
  }
}

export function formFields(page: number, answers: Answers): [string, string][] {
  const section = INTAKE_FORM[page - 1]!;
  const fields: [string, string][] = [];
  for (const field of section.fields) {
    const value = answers[field.id];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) fields.push([field.id, v]);
    else fields.push([field.id, value]);
  }
  return fields;
}

/** The reference case with another title (a case per test, told apart by title). */
export function referenceWith(changes: Answers): Answers {
  const answers: Answers = { ...REFERENCE_STORED, ...changes };
  for (const f of FORM_FIELDS) if (answers[f.id] === undefined) delete answers[f.id];
  return answers;
}

export function statusTokenOf(location: string | undefined): string {
  const match = /\/skjema\/status\/([A-Za-z0-9_-]+)/.exec(location ?? '');
  assert.ok(match, `a status link in ${location}`);
  return match[1]!;
}
