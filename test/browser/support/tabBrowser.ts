import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Person } from '../../../bot/domain/person';
import type { RoleName } from '../../../bot/domain/roles/roles';
import { RunningBot } from '../../support/botHarness';
import { testConfig } from '../../support/globalAzurite';

/**
 * The browser-test rig: the real app (Azurite storage, seeded plans, local identity mode) serving the
 * BUILT tab, and Debian's Chromium driven by playwright-core.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPO = path.resolve(__dirname, '..', '..', '..');
export const TAB_INDEX = path.join(REPO, 'tab', 'dist', 'index.html');
export const AXE = path.join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

export function checkPrerequisites(): void {
  if (!existsSync(TAB_INDEX)) {
    throw new Error(`The tab is not built (${TAB_INDEX} is missing): run npm run build:tab`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
        'The browser tests do not skip without it.',
    );
  }
}

export async function startTabServer(): Promise<RunningBot> {
  return RunningBot.start(testConfig({ localIdentity: true }));
}

export async function grant(bot: RunningBot, person: Person, role: RoleName, scope: string): Promise<void> {
  await bot.app.services.roles.grant({
    personId: person.id,
    personName: person.name,
    role,
    scope,
    grantedBy: 'browser-test',
    grantedAt: new Date().toISOString(),
  });
}

export class TabBrowser {
  private constructor(
    readonly context: BrowserContext,
    private readonly userDataDir: string,
  ) {}

  static async launch(): Promise<TabBrowser> {
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'tab-chromium-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'nn-NO',
      timezoneId: 'Europe/Oslo',
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new TabBrowser(context, userDataDir);
  }

  /**
   * Opens a tab route as `person` (via `?as=`, local identity mode; `undefined`: nobody chosen yet),
   * in nynorsk unless told.
   */
  async open(
    bot: RunningBot,
    route: string,
    person: Person | undefined,
    opts: { theme?: string; lang?: string } = {},
  ): Promise<Page> {
    const page = await this.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const query = new URLSearchParams({ lang: opts.lang ?? 'nn' });
    if (person) query.set('as', person.id);
    if (opts.theme) query.set('theme', opts.theme);
    await page.goto(`${bot.url}/tab/index.html?${query.toString()}#${route}`);
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations.
 *
 * One known false positive is set aside, exactly as Accessibility Insights does: Fluent's focus
 * manager (Tabster) puts invisible `<i data-tabster-dummy tabindex="0" aria-hidden="true">` guards
 * around arrow-key groups such as TabList; they only pass focus on and are hidden from screen readers
 * on purpose (microsoft/tabster#288, microsoft/fluentui#27517 "By Design",
 * microsoft/accessibility-insights-web#7605). Only that rule on those elements is ignored.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const result: (AxeViolation & { nodes: { html: string }[] })[] = await page.evaluate(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) })))',
  );
  return result
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))),
    }))
    .filter((v) => v.nodes.length > 0 && (v.impact === 'serious' || v.impact === 'critical'));
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
}
