import { isLang, langFromLocale, type Lang } from '../../bot/domain/i18n/language';
import { themeName, type ThemeName } from './teamsHost';

/**
 * Language and theme. Language: `?lang=` (tests), then the person's own choice in the tab, then the
 * Teams locale, then the browser's, by the bot's rule (langFromLocale: nb → bokmål, en → English,
 * everything else nynorsk). Theme: `?theme=` (tests), else Teams' theme, followed live.
 */
const LANG_KEY = 'hf.lang';

function param(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

function explicitLang(): Lang | undefined {
  const fromUrl = param('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LANG_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // no storage
  }
  return undefined;
}

export function initialLang(hostLocale?: string): Lang {
  return explicitLang() ?? langFromLocale(hostLocale ?? navigator.language);
}

export function rememberLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // no storage
  }
}

export function themeFromUrl(): ThemeName | undefined {
  const value = param('theme');
  return value ? themeName(value) : undefined;
}
