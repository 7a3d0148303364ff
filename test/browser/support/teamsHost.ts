import type { Frame, Page } from 'playwright-core';
import type { RunningBot } from '../../support/botHarness';
import type { TabBrowser } from './tabBrowser';

/**
 * A stand-in for the Teams client around the tab: a page that frames the tab and answers teams-js
 * over postMessage as Teams does (initialize, getContext, getAuthToken). It is served on the app's
 * own origin (Playwright answers its request), which teams-js trusts like Teams' own origins, so the
 * real teams-js in the built tab runs unchanged.
 */

/** What Teams tells the tab about where it was opened (teams-js v1 context names). */
export interface FakeTeamsContext {
  /** The tab's entity id: a static tab's (`myCases`) or the channel tab's saved one (`board:<id>`). */
  entityId?: string;
  /** `settings` for a configurable tab's configuration page; `content` (default) for the tab itself. */
  frameContext?: 'content' | 'settings';
  /** The deep link's sub-entity id, if the tab was opened by one. */
  subEntityId?: string;
  locale?: string;
}

export interface FakeTeams {
  page: Page;
  /** The tab, framed as Teams frames it. */
  tab: () => Frame;
  /** The teams-js calls the tab made, in order. */
  calls: () => Promise<string[]>;
  /** The arguments of the tab's calls of one function, in order. */
  argsOf: (func: string) => Promise<unknown[][]>;
  /** Selects Teams' "Save" on a configuration page. */
  save: () => Promise<void>;
}

const HOST_PATH = '/fake-teams-host.html';

/** The runtime a Teams web client announces (teams-js runtime API version 4). */
const RUNTIME = {
  apiVersion: 4,
  supports: { appEntity: {}, pages: { config: {}, backStack: {} }, teamsCore: {} },
};

function hostPage(tabPath: string, context: Record<string, unknown>, token: string): string {
  const data = JSON.stringify({ tabPath, context, token, runtime: JSON.stringify(RUNTIME) }).replace(
    /</g,
    '\\u003c',
  );
  return `<!doctype html>
<html lang="nn"><head><meta charset="utf-8"><title>Teams (test)</title></head>
<body style="margin:0">
<iframe id="tab" title="tab" style="width:1240px;height:860px;border:0"></iframe>
<script>
const data = ${data};
window.teamsCalls = [];
const frame = document.getElementById('tab');
window.addEventListener('message', (event) => {
  const message = event.data;
  if (event.source !== frame.contentWindow || !message || typeof message.func !== 'string') return;
  window.teamsCalls.push({ func: message.func, args: message.args });
  const reply = (args) =>
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  if (message.func === 'initialize') reply([data.context.frameContext, 'web', data.runtime, '2.0.0']);
  else if (message.func === 'getContext') reply([data.context]);
  else if (message.func === 'authentication.getAuthToken') reply([true, data.token]);
  else if (message.func === 'settings.setSettings') reply([true]);
});
window.saveTab = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
frame.src = data.tabPath;
</script>
</body></html>`;
}

/**
 * Opens the tab at `tabPath` (e.g. `/tab/index.html#/cases`, a manifest contentUrl) inside the
 * fake Teams client, signed in with `token` (a Teams SSO token the server accepts).
 */
export async function openInFakeTeams(
  browser: TabBrowser,
  bot: RunningBot,
  tabPath: string,
  context: FakeTeamsContext,
  token: string,
): Promise<FakeTeams> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors?: string[] }).errors = errors;
  const legacyContext = {
    ...(context.entityId !== undefined ? { entityId: context.entityId } : {}),
    ...(context.subEntityId !== undefined ? { subEntityId: context.subEntityId } : {}),
    locale: context.locale ?? 'nn-no',
    theme: 'default',
    frameContext: context.frameContext ?? 'content',
    hostClientType: 'web',
    hostName: 'Teams',
  };
  await page.route(`${bot.url}${HOST_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage(tabPath, legacyContext, token) }),
  );
  await page.goto(`${bot.url}${HOST_PATH}`);
  const tab = () => {
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    if (!frame) throw new Error('the tab is not framed');
    return frame;
  };
  return {
    page,
    tab,
    calls: () => page.evaluate<string[]>('window.teamsCalls.map((c) => c.func)'),
    argsOf: (func) =>
      page.evaluate<unknown[][]>(
        `window.teamsCalls.filter((c) => c.func === ${JSON.stringify(func)}).map((c) => c.args)`,
      ),
    save: () => page.evaluate<void>('window.saveTab()'),
  };
}
