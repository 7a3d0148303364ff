import { createContext, useCallback, useContext, useEffect, useState, type DependencyList } from 'react';
import type { Lang } from '../../bot/domain/i18n/language';
import type { Me } from './api/types';
import { texts, type Texts } from './texts';

/** What every page needs: the language and its texts, and who is signed in. */
export interface Session {
  lang: Lang;
  t: Texts;
  me: Me;
}

const SessionContext = createContext<Session | undefined>(undefined);

export const SessionProvider = SessionContext.Provider;

export function makeSession(lang: Lang, me: Me): Session {
  return { lang, t: texts(lang), me };
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/** Loads data for a page; `reload()` fetches again, keeping what is shown until the answer comes. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [counter, setCounter] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load().then(
      (value) => {
        if (cancelled) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (cancelled) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, counter]);
  const reload = useCallback(() => setCounter((c) => c + 1), []);
  return { data, error, loading, reload, setData };
}
