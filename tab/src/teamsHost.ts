import { app, pages } from '@microsoft/teams-js';
import { connectHost } from './auth/identity';
import { deepLinkHash } from './deepLink';

/** Teams features besides sign-in: the live theme, deep links and the channel tab's configuration page. */

export type ThemeName = 'default' | 'dark' | 'contrast';

export function themeName(value: string | null | undefined): ThemeName {
  if (value === 'dark') return 'dark';
  if (value === 'contrast' || value === 'highcontrast' || value === 'high-contrast') return 'contrast';
  return 'default';
}

/** Calls `handler` whenever the person switches theme in Teams (no-op outside Teams). */
export async function onThemeChange(handler: (theme: ThemeName) => void): Promise<void> {
  const host = await connectHost();
  if (host.inTeams) app.registerOnThemeChangeHandler((theme) => handler(themeName(theme)));
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  /** Where "open in browser" goes. */
  websiteUrl: string;
  suggestedDisplayName: string;
}

/**
 * On the configuration page: lets Teams save `current()` when the person selects Save, and enables
 * Save once something is chosen. Returns false outside Teams.
 */
export async function registerConfigSave(current: () => TabConfig | undefined): Promise<boolean> {
  const host = await connectHost();
  if (!host.inTeams) return false;
  pages.config.registerOnSaveHandler((event) => {
    const config = current();
    if (!config) {
      event.notifyFailure('no committee chosen');
      return;
    }
    pages.config.setConfig(config).then(
      () => event.notifySuccess(),
      (error: unknown) => event.notifyFailure(String(error)),
    );
  });
  return true;
}

export function setConfigValid(valid: boolean): void {
  if (app.isInitialized()) pages.config.setValidityState(valid);
}

/**
 * Before the first page renders: goes to the deep link's place, replacing the history entry so
 * Back does not return to the page the tab's URL named.
 */
export function followDeepLink(subPageId: string | undefined): void {
  const hash = deepLinkHash(subPageId);
  if (hash === undefined || hash === window.location.hash) return;
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
}
