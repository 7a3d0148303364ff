import { lazy, Suspense, useCallback, useEffect, useId, useState } from 'react';
import { Select, Spinner, Tab, TabList } from '@fluentui/react-components';
import { LANGUAGES, type Lang } from '../../bot/domain/i18n/language';
import { ApiError, api } from './api/client';
import type { LocalPerson, Me } from './api/types';
import { identityFixedByUrl, localIdentity, setLocalIdentity, type HostInfo } from './auth/identity';
import { ErrorMessage } from './components/ErrorMessage';
import { Pages } from './Pages';
import { href, useRoute, type Route } from './router';
import { SessionProvider, makeSession } from './session';
import { LANGUAGE_NAMES, texts } from './texts';

// Only local development (no Teams, LOCAL_IDENTITY=on) shows the person picker: its own chunk.
const LocalIdentityBanner = lazy(() =>
  import('./components/LocalIdentityBanner').then((m) => ({ default: m.LocalIdentityBanner })),
);

type NavKey = 'overview' | 'cases' | 'stats';

function navKey(route: Route): NavKey | undefined {
  if (route.name === 'overview' || route.name === 'board' || route.name === 'print') return 'overview';
  if (route.name === 'cases' || route.name === 'case') return 'cases';
  if (route.name === 'stats' || route.name === 'annualReport') return 'stats';
  return undefined;
}

interface SignIn {
  me?: Me;
  error?: unknown;
  /** Local identity mode and nobody picked yet. */
  needPerson?: boolean;
}

/** Signs the person in, shows the local-identity banner where it applies, the menu and the page. */
export function Shell({ host, lang, onLang }: { host: HostInfo; lang: Lang; onLang: (lang: Lang) => void }) {
  const t = texts(lang);
  const route = useRoute();
  const langId = useId();
  const [signIn, setSignIn] = useState<SignIn>();
  const [people, setPeople] = useState<LocalPerson[]>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let active = true;
    const loadPeople = () =>
      api.localPeople().then(
        (list) => {
          if (active) setPeople(list);
          return true;
        },
        () => false,
      );
    api.me().then(
      (me) => {
        if (!active) return;
        setSignIn({ me });
        if (me.localIdentity) void loadPeople();
      },
      async (error: unknown) => {
        if (!active) return;
        if (!host.inTeams && error instanceof ApiError && error.status === 401 && (await loadPeople())) {
          if (active) setSignIn({ needPerson: true });
          return;
        }
        if (active) setSignIn({ error });
      },
    );
    return () => {
      active = false;
    };
  }, [host.inTeams, version]);

  const pick = useCallback((person: LocalPerson) => {
    setLocalIdentity({ personId: person.personId, name: person.name });
    if (identityFixedByUrl()) {
      const url = new URL(window.location.href);
      url.searchParams.delete('as');
      window.history.replaceState(null, '', url);
    }
    setVersion((v) => v + 1);
  }, []);

  const current = navKey(route);
  const showChrome = route.name !== 'config';
  const local = !host.inTeams && (signIn?.needPerson || signIn?.me?.localIdentity);

  return (
    <div className="shell">
      {local && (
        <Suspense fallback={null}>
          <LocalIdentityBanner
            t={t}
            lang={lang}
            people={people}
            currentId={signIn?.me?.personId ?? localIdentity()?.personId}
            onPick={pick}
          />
        </Suspense>
      )}
      {showChrome && (
        <header className="app-header no-print">
          <span className="app-title">{t.appTitle}</span>
          <nav aria-label={t.navLabel} className="app-nav">
            <TabList
              selectedValue={current ?? null}
              onTabSelect={(_e, data) => {
                window.location.hash = href[data.value as NavKey]();
              }}
              size="medium"
            >
              <Tab value="overview">{t.nav.overview}</Tab>
              <Tab value="cases">{t.nav.cases}</Tab>
              <Tab value="stats">{t.nav.stats}</Tab>
            </TabList>
          </nav>
          <span className="lang-picker">
            <label htmlFor={langId}>{t.language}</label>
            <Select id={langId} size="small" value={lang} onChange={(_e, data) => onLang(data.value as Lang)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </Select>
          </span>
        </header>
      )}
      <main className="app-main">
        {!signIn && <Spinner label={t.loading} />}
        {signIn?.needPerson && <p>{t.localPickFirst}</p>}
        {signIn?.error !== undefined && (
          <>
            <h1>{t.appTitle}</h1>
            <ErrorMessageStandalone lang={lang} error={signIn.error} retry={() => setVersion((v) => v + 1)} />
          </>
        )}
        {signIn?.me && (
          <SessionProvider value={makeSession(lang, signIn.me)}>
            <Pages route={route} />
          </SessionProvider>
        )}
      </main>
    </div>
  );
}

/** Errors before anyone is signed in (no session yet). */
function ErrorMessageStandalone({ lang, error, retry }: { lang: Lang; error: unknown; retry: () => void }) {
  const t = texts(lang);
  const me: Me = {
    personId: '',
    name: '',
    roles: [],
    localIdentity: false,
    signedInWith: 'local',
    canViewAllCases: false,
  };
  const shown =
    error instanceof ApiError && error.status === 401 ? new ApiError(401, 'signin', t.signInFailed) : error;
  return (
    <SessionProvider value={makeSession(lang, me)}>
      <ErrorMessage error={shown} onRetry={retry} />
    </SessionProvider>
  );
}
