import { useEffect, useState } from 'react';

/** A committee's page shows its plan in one of three views. */
export type BoardView = 'tavle' | 'plan' | 'rediger';

/** The hash routes of the tab (no router library: a handful of routes do not need one). */
export type Route =
  | { name: 'overview' }
  | { name: 'cases' }
  | { name: 'case'; number: string }
  | { name: 'stats' }
  | { name: 'annualReport' }
  | {
      name: 'board';
      committeeId: string;
      view: BoardView;
      /** `#/board/<c>/measure/<m>`: the Tavle with that measure focused and its details open. */
      measureId?: string;
      /** The query after the route (`?year=2025&subGoal=…`): the year and the Tavle's filters. */
      query: URLSearchParams;
    }
  | { name: 'print'; committeeId: string }
  | { name: 'config' }
  | { name: 'notFound' };

function boardRoute(committeeId: string, rest: string[], query: URLSearchParams): Route {
  const [sub, measureId] = rest;
  if (!sub) return { name: 'board', committeeId, view: 'tavle', query };
  if ((sub === 'plan' || sub === 'rediger') && rest.length === 1)
    return { name: 'board', committeeId, view: sub, query };
  if (sub === 'measure' && measureId && rest.length === 2)
    return { name: 'board', committeeId, view: 'tavle', measureId, query };
  return { name: 'notFound' };
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [head, arg, ...rest] = parts;
  if (!head || head === 'overview') return { name: 'overview' };
  if (head === 'cases') return arg ? { name: 'case', number: arg } : { name: 'cases' };
  if (head === 'stats') return { name: 'stats' };
  if (head === 'annual-report') return { name: 'annualReport' };
  if (head === 'config') return { name: 'config' };
  if (head === 'board' && arg) return boardRoute(arg, rest, new URLSearchParams(search));
  if (head === 'print' && arg) return { name: 'print', committeeId: arg };
  return { name: 'notFound' };
}

function withQuery(path: string, query?: URLSearchParams): string {
  const search = query?.toString();
  return search ? `${path}?${search}` : path;
}

const boardPath = (id: string) => `#/board/${encodeURIComponent(id)}`;

export const href = {
  overview: () => '#/overview',
  cases: () => '#/cases',
  case: (number: string) => `#/cases/${encodeURIComponent(number)}`,
  stats: () => '#/stats',
  annualReport: () => '#/annual-report',
  /** The Tavle view (the committee's page). */
  board: (id: string, query?: URLSearchParams) => withQuery(boardPath(id), query),
  boardPlan: (id: string, query?: URLSearchParams) => withQuery(`${boardPath(id)}/plan`, query),
  boardEdit: (id: string) => `${boardPath(id)}/rediger`,
  boardMeasure: (id: string, measureId: string, query?: URLSearchParams) =>
    withQuery(`${boardPath(id)}/measure/${encodeURIComponent(measureId)}`, query),
  print: (id: string) => `#/print/${encodeURIComponent(id)}`,
  config: () => '#/config',
};

/** The query of the current address (it may have been rewritten by `replaceQuery`). */
export function currentQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

/** Rewrites the address's query (filters, year) without a new history entry or a route change. */
export function replaceQuery(query: URLSearchParams): void {
  const [path = ''] = window.location.hash.split('?');
  window.history.replaceState(null, '', withQuery(path, query));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
