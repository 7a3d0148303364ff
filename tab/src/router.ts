import { useEffect, useState } from 'react';

/** The hash routes of the tab (no router library: six routes do not need one). */
export type Route =
  | { name: 'overview' }
  | { name: 'cases' }
  | { name: 'case'; number: string }
  | { name: 'stats' }
  | { name: 'annualReport' }
  | { name: 'board'; committeeId: string }
  | { name: 'print'; committeeId: string }
  | { name: 'config' }
  | { name: 'notFound' };

function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [head, arg] = parts;
  if (!head || head === 'overview') return { name: 'overview' };
  if (head === 'cases') return arg ? { name: 'case', number: arg } : { name: 'cases' };
  if (head === 'stats') return { name: 'stats' };
  if (head === 'annual-report') return { name: 'annualReport' };
  if (head === 'config') return { name: 'config' };
  if (head === 'board' && arg) return { name: 'board', committeeId: arg };
  if (head === 'print' && arg) return { name: 'print', committeeId: arg };
  return { name: 'notFound' };
}

export const href = {
  overview: () => '#/overview',
  cases: () => '#/cases',
  case: (number: string) => `#/cases/${encodeURIComponent(number)}`,
  stats: () => '#/stats',
  annualReport: () => '#/annual-report',
  board: (id: string) => `#/board/${encodeURIComponent(id)}`,
  print: (id: string) => `#/print/${encodeURIComponent(id)}`,
  config: () => '#/config',
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
