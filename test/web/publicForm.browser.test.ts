import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Answers } from '../../bot/domain/form/intakeForm';
import { INTAKE_FORM } from '../../bot/domain/form/intakeForm';
import { AXE, CHROMIUM, describeViolations, type AxeViolation } from '../browser/support/tabBrowser';
import { RunningBot } from '../support/botHarness';
import { testConfig } from '../support/globalAzurite';
import { referenceWith } from './webFormClient';

const SECRETARIAT = { id: '00000000-0000-4000-8000-00000000b101', name: 'Bodil Våge' };
const SSU_LEADER = { id: '00000000-0000-4000-8000-00000000c101', name: 'Tanja Thalen' };
const MAX_PAGE_BYTES = 50 * 1024;

/**
 * A citizen in Chromium, without JavaScript and with it: every page of the public intake form, its
 * error states, the check page with "Endre", the confirmation, the status page with a question from
 * the secretariat answered there, and the outcome. On every page: axe finds nothing, nothing scrolls
 * sideways at 320 px (400 % zoom), and the page weighs under 50 KB.
 */
describe('Public intake page in Chromium', function () {
  this.timeout(180_000);
  let bot: RunningBot;
  let browser: Browser;
  const weights = new Map<string, number>();

  before(async () => {
    const base = testConfig();
    bot = await RunningBot.start({
      ...base,
      bootstrapRoles: {
        ...base.bootstrapRoles,
        secretariatLeaders: [SECRETARIAT.id],
        ssuLeaders: [SSU_LEADER.id],
      },
      routing: { ...base.routing, jobsIntervalSeconds: 0 },
      publicForm: {
        trustProxy: false,
        limits: { submitsPerAddressPerHour: 2, submitsPerHour: 200, draftsPerAddressPerHour: 30 },
        draftDays: 7,
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const newContext = (javaScriptEnabled: boolean): Promise<BrowserContext> =>
    browser.newContext({
      javaScriptEnabled,
      // axe is injected as a script tag; the page's own CSP allows no script at all.
      bypassCSP: true,
      locale: 'nn-NO',
      timezoneId: 'Europe/Oslo',
      viewport: { width: 1280, height: 900 },
    });

  /** Every page the test sees: axe (in a JavaScript context on the same HTML), 320 px, weight. */
  async function inspect(page: Page, label: string): Promise<void> {
    const html = await page.content();
    weights.set(label, Buffer.byteLength(html));
    assert.ok(Buffer.byteLength(html) < MAX_PAGE_BYTES, `${label}: ${Buffer.byteLength(html)} bytes`);
    probe ??= await axeContext.newPage();
    await probe.setViewportSize({ width: 1280, height: 900 });
    await probe.setContent(html);
    await probe.addScriptTag({ path: AXE });
    const violations: AxeViolation[] = await probe.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) })))',
    );
    assert.deepEqual(
      violations.map((v) => v.id),
      [],
      `${label}:\n${describeViolations(violations)}`,
    );
    await probe.setViewportSize({ width: 320, height: 640 });
    const overflow = await probe.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    assert.equal(overflow, 0, `${label} scrolls sideways at 320 px`);
  }
  let axeContext: BrowserContext;
  let probe: Page | undefined;

  async function fillPage(page: Page, pageNo: number, answers: Answers): Promise<void> {
    for (const field of INTAKE_FORM[pageNo - 1]!.fields) {
      const value = answers[field.id];
      if (field.kind === 'singleChoice' || field.kind === 'multiChoice') {
        const values = Array.isArray(value) ? value : value ? [value] : [];
        for (const [i, option] of (field.options ?? []).entries()) {
          const box = page.locator(`#f-${field.id}-${i}`);
          if (values.includes(option.value)) await box.check();
          else if (field.kind === 'multiChoice') await box.uncheck();
        }
      } else {
        await page.locator(`#f-${field.id}`).fill(typeof value === 'string' ? value : '');
      }
    }
  }

  async function walk(page: Page, answers: Answers, opts: { inspectAll: boolean }): Promise<void> {
    await page.goto(`${bot.url}/skjema`);
    if (opts.inspectAll) await inspect(page, 'start');
    await page.getByRole('button', { name: 'Start innmeldinga' }).click();
    for (let pageNo = 1; pageNo <= INTAKE_FORM.length; pageNo++) {
      await page.waitForURL(new RegExp(`/skjema/side/${pageNo}`));
      if (opts.inspectAll) await inspect(page, `page ${pageNo}`);
      if (opts.inspectAll && INTAKE_FORM[pageNo - 1]!.fields.some((f) => f.required)) {
        // The error state: nothing typed, sent anyway.
        await fillPage(page, pageNo, {});
        await page.getByRole('button', { name: 'Hald fram' }).click();
        await page.waitForLoadState();
        const summary = page.locator('.summary');
        assert.match(await summary.innerText(), /Det er noko som må rettast/);
        const href = await summary.locator('a').first().getAttribute('href');
        assert.equal(await page.locator(href!).count(), 1, `the summary links to a field (${href})`);
        await inspect(page, `page ${pageNo} with errors`);
      }
      await fillPage(page, pageNo, answers);
      await page.getByRole('button', { name: 'Hald fram' }).click();
    }
    await page.waitForURL(/\/skjema\/sjekk/);
  }

  it('walks a citizen through without JavaScript, to the outcome', async () => {
    axeContext = await newContext(true);
    const context = await newContext(false);
    const page = await context.newPage();
    const hostile = '<script>alert(1)</script> {{x}} ${x}';
    await walk(page, referenceWith({ title: 'Første tittel' }), { inspectAll: true });
    await inspect(page, 'check');

    // The answers survive a reload and the back button (the draft is server-side).
    await page.reload();
    await page.goBack();
    await page.goForward();
    assert.match(await page.locator('main').innerText(), /Første tittel/);

    // "Endre" on the title, back to the check page with the new title, shown verbatim.
    await page.getByRole('link', { name: 'Endre Tittel' }).click();
    await page.waitForURL(/side\/1\?retur=sjekk/);
    assert.equal(await page.locator('#f-title').inputValue(), 'Første tittel');
    await page.locator('#f-title').fill(hostile);
    await page.getByRole('button', { name: 'Lagre og gå til oppsummeringa' }).click();
    await page.waitForURL(/\/skjema\/sjekk/);
    assert.match(await page.locator('main').innerText(), /<script>alert\(1\)<\/script> \{\{x\}\} \$\{x\}/);

    await page.getByRole('button', { name: 'Send inn saka' }).click();
    await page.waitForURL(/\/skjema\/status\/[A-Za-z0-9_-]{43}\?ny=1/);
    const statusUrl = page.url().replace(/\?.*$/, '');
    const confirmation = await page.locator('main').innerText();
    assert.match(confirmation, /Saka er send inn/);
    const number = /(\d{4}-\d{3})/.exec(confirmation)![1]!;
    assert.ok(confirmation.includes(statusUrl), 'the confirmation shows the status link in full');
    await inspect(page, 'confirmation');

    // The secretariat asks for more information (the case service, as the card does).
    const caseService = bot.app.services.routing.caseService;
    const asked = await caseService.decide({
      caseNumber: number,
      cardVersion: (await bot.app.services.cases.get(number))!.historyCount,
      actor: SECRETARIAT,
      verb: 'requestInfo',
      input: { question: 'Kva kommunar gjeld det?' },
    });
    assert.equal(asked.kind, 'applied');
    await page.goto(statusUrl);
    assert.match(await page.locator('main').innerText(), /Kva kommunar gjeld det\?/);
    await inspect(page, 'status with a question');
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.waitForLoadState();
    await inspect(page, 'status with a reply error');
    await page.getByLabel('Svaret ditt').fill('Ålesund og Volda.\nOg Ørsta.');
    await page.getByRole('button', { name: 'Send svaret' }).click();
    await page.waitForURL(/melding=svar/);
    assert.match(await page.locator('main').innerText(), /svaret ditt er sendt/);
    assert.equal(
      (await bot.app.services.cases.get(number))?.routing?.infoRequests[0]?.reply,
      'Ålesund og Volda.\nOg Ørsta.',
    );
    await inspect(page, 'status after the reply');

    // Routed and decided by the committee: the outcome and the minutes on the status page.
    for (const [actor, verb, input] of [
      [SECRETARIAT, 'propose', { forum: 'fsu-rehabilitering', comment: 'Internt notat.' }],
      [SSU_LEADER, 'approve', {}],
      [
        SECRETARIAT,
        'outcome',
        {
          decision: 'Teke inn i handlingsplanen.',
          meetingDate: '2026-12-01',
          forumCaseNumber: 'Sak 39/22',
          minutesUrl: 'https://helse-mr.no/referat.pdf',
        },
      ],
    ] as const) {
      const result = await caseService.decide({
        caseNumber: number,
        cardVersion: (await bot.app.services.cases.get(number))!.historyCount,
        actor,
        verb,
        input,
      });
      assert.equal(result.kind, 'applied', `${verb}: ${JSON.stringify(result).slice(0, 300)}`);
    }
    await page.goto(statusUrl);
    const status = await page.locator('main').innerText();
    assert.match(status, /Avgjort/);
    assert.match(status, /Teke inn i handlingsplanen\./);
    assert.doesNotMatch(status, /Internt notat/);
    assert.equal(
      await page.getByRole('link', { name: 'Les referatet frå møtet' }).getAttribute('href'),
      'https://helse-mr.no/referat.pdf',
    );
    await inspect(page, 'status with the outcome');

    for (const path of ['/skjema/personvern', '/skjema/tilgjengelegheit', '/skjema/finst-ikkje']) {
      await page.goto(`${bot.url}${path}`);
      await inspect(page, path);
    }
    await page.goto(`${bot.url}/skjema/personvern?lang=en`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('main').innerText(), /deleted after 7 days/);
    await context.close();
  });

  it('with JavaScript and the keyboard only; a submission past the limit keeps the draft', async () => {
    const context = await newContext(true);
    const page = await context.newPage();
    await page.goto(`${bot.url}/skjema`);
    await page.getByRole('button', { name: 'Start innmeldinga' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/side\/1/);
    // From the top of the page, Tab reaches the title field; Enter sends the page.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate<string>('document.activeElement?.id ?? ""')) === 'f-title') break;
    }
    assert.equal(await page.evaluate<string>('document.activeElement?.id ?? ""'), 'f-title');
    await page.keyboard.type('Med tastaturet');
    await page.keyboard.press('Enter');
    await page.waitForURL(/side\/2/);

    const answers = referenceWith({ title: 'Med tastaturet' });
    for (let pageNo = 2; pageNo <= INTAKE_FORM.length; pageNo++) {
      await page.waitForURL(new RegExp(`side/${pageNo}`));
      await fillPage(page, pageNo, answers);
      await page.getByRole('button', { name: 'Hald fram' }).focus();
      await page.keyboard.press('Enter');
    }
    await page.waitForURL(/sjekk/);
    await page.getByRole('button', { name: 'Send inn saka' }).click();
    await page.waitForURL(/status\/.*\?ny=1/);
    assert.match(await page.locator('main').innerText(), /Saka er send inn/);

    // Withdrawal from the status page: the confirmation step, its error state, then done.
    await page.getByRole('link', { name: 'Trekk saka' }).click();
    await page.waitForURL(/\/trekk/);
    await inspect(page, 'withdraw');
    await page.getByLabel(/Kvifor trekkjer du saka/).fill('Gjeld 01019010046');
    await page.getByRole('button', { name: 'Ja, trekk saka' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.summary').innerText(), /fødselsnummer/);
    await inspect(page, 'withdraw with an error');
    await page.getByLabel(/Kvifor trekkjer du saka/).fill('Løyst lokalt.');
    await page.getByRole('button', { name: 'Ja, trekk saka' }).click();
    await page.waitForURL(/melding=trekt/);
    assert.match(await page.locator('main').innerText(), /Saka er trekt tilbake/);

    // The limit is 2 an hour from one address: a third case from here is refused, its draft kept.
    const third = await context.newPage();
    await third.goto(`${bot.url}/skjema`);
    await third.getByRole('button', { name: 'Start innmeldinga' }).click();
    for (let pageNo = 1; pageNo <= INTAKE_FORM.length; pageNo++) {
      await third.waitForURL(new RegExp(`side/${pageNo}`));
      await fillPage(third, pageNo, referenceWith({ title: 'Den tredje' }));
      await third.getByRole('button', { name: 'Hald fram' }).click();
    }
    await third.waitForURL(/sjekk/);
    const response = await Promise.all([
      third.waitForResponse((r) => r.url().includes('/skjema/send')),
      third.getByRole('button', { name: 'Send inn saka' }).click(),
    ]).then(([r]) => r);
    assert.equal(response.status(), 429);
    assert.match(await third.locator('main').innerText(), /For mange innsendingar/);
    await inspect(third, 'rate limited');
    await third.getByRole('link', { name: 'Tilbake til oppsummeringa' }).click();
    await third.waitForURL(/sjekk/);
    assert.match(await third.locator('main').innerText(), /Den tredje/);
    await context.close();
    await axeContext.close();
    console.log(`      page weights (bytes): ${[...weights].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
