import { useEffect, useMemo, useState } from 'react';
import {
  FluentProvider,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { Lang } from '../../bot/domain/i18n/language';
import { connectHost, type HostInfo } from './auth/identity';
import { Shell } from './Shell';
import { initialLang, rememberLang, themeFromUrl } from './preferences';
import { followDeepLink, onThemeChange, themeName, type ThemeName } from './teamsHost';
import { BEFORE_TEXTS, loadTexts, texts } from './texts';

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

export function App() {
  const [host, setHost] = useState<HostInfo>();
  const [theme, setTheme] = useState<ThemeName>(() => themeFromUrl() ?? 'default');
  const [lang, setLang] = useState<Lang>(() => initialLang());
  // The language whose texts have loaded: the tab keeps showing it until a newly chosen one has.
  const [shownLang, setShownLang] = useState<Lang>();

  useEffect(() => {
    let active = true;
    void connectHost().then((info) => {
      if (!active) return;
      followDeepLink(info.subPageId);
      setHost(info);
      setLang(initialLang(info.locale));
      // `?theme=` forces a theme for tests and screenshots, only outside Teams: in Teams, Teams decides.
      if (info.inTeams || !themeFromUrl()) {
        if (info.theme) setTheme(themeName(info.theme));
        void onThemeChange((next) => {
          if (active) setTheme(next);
        });
      }
    });
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    let active = true;
    void loadTexts(lang).then((t) => {
      if (!active) return;
      setShownLang(lang);
      document.documentElement.lang = lang;
      document.title = t.appTitle;
    });
    return () => {
      active = false;
    };
  }, [lang]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const chooseLang = useMemo(
    () => (next: Lang) => {
      rememberLang(next);
      setLang(next);
    },
    [],
  );

  return (
    <FluentProvider theme={THEMES[theme]} className="app-root">
      {host && shownLang ? (
        <Shell host={host} lang={shownLang} onLang={chooseLang} />
      ) : (
        <Spinner className="page-spinner" label={shownLang ? texts(shownLang).loading : BEFORE_TEXTS} />
      )}
    </FluentProvider>
  );
}
