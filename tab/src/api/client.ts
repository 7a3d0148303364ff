import { authHeaders, forgetToken, isInTeams } from '../auth/identity';
import type {
  AnnualReport,
  CaseDetail,
  CaseListQuery,
  CasePage,
  CaseSummary,
  CommitteeSummary,
  HistoryEntry,
  LinkedMeasure,
  LocalPerson,
  Me,
  Measure,
  MeasureFields,
  MeasureStatus,
  PlanResponse,
  Stats,
} from './types';

/** An answer from the API that was not 2xx: `{ error, code }` in the body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
};

async function request(method: string, path: string, body?: unknown, retried = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await authHeaders()) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (response.status === 401 && isInTeams() && !retried) {
    // An expired or refused SSO token: ask Teams for a fresh one, once.
    forgetToken();
    return request(method, path, body, true);
  }
  if (!response.ok) {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not JSON (a proxy's error page): the status decides.
    }
    const code =
      typeof parsed.code === 'string' ? parsed.code : (CODE_BY_STATUS[response.status] ?? 'generic');
    const message = typeof parsed.error === 'string' ? parsed.error : response.statusText;
    throw new ApiError(response.status, code, message, parsed);
  }
  return response;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
const committeePath = (id: string) => `/api/committees/${enc(id)}`;

export const api = {
  me: () => json<Me>('GET', '/api/me'),
  localPeople: () => json<LocalPerson[]>('GET', '/api/local/people'),
  /** Without a year: each committee's default year, and the latest year with statuses. */
  committees: (year?: number) =>
    json<CommitteeSummary[]>('GET', year === undefined ? '/api/committees' : `/api/committees?year=${year}`),
  plan: (id: string) => json<PlanResponse>('GET', `${committeePath(id)}/plan`),
  setStatus: (
    id: string,
    measureId: string,
    body: { year: number; status: MeasureStatus; comment?: string; etag: string },
  ) => json<{ measure: Measure }>('PUT', `${committeePath(id)}/measures/${enc(measureId)}/status`, body),
  history: (id: string, measureId: string) =>
    json<HistoryEntry[]>('GET', `${committeePath(id)}/measures/${enc(measureId)}/history`),
  addGoal: (id: string, text: string) => json<unknown>('POST', `${committeePath(id)}/goals`, { text }),
  addSubGoal: (id: string, goalId: string, text: string) =>
    json<unknown>('POST', `${committeePath(id)}/goals/${enc(goalId)}/subgoals`, { text }),
  addMeasure: (id: string, subGoalId: string, fields: MeasureFields) =>
    json<unknown>('POST', `${committeePath(id)}/subgoals/${enc(subGoalId)}/measures`, fields),
  editItem: (id: string, itemId: string, etag: string | undefined, fields: Partial<MeasureFields>) =>
    json<unknown>('PATCH', `${committeePath(id)}/items/${enc(itemId)}`, { etag, ...fields }),
  moveItem: (id: string, itemId: string, direction: 'up' | 'down') =>
    json<unknown>('POST', `${committeePath(id)}/items/${enc(itemId)}/move`, { direction }),
  retireItem: (id: string, itemId: string, etag: string | undefined, retired: boolean) =>
    json<unknown>('POST', `${committeePath(id)}/items/${enc(itemId)}/retire`, { etag, retired }),
  /** A page of the cases one may see, newest first; pass `next` back as `cursor` for the page after. */
  cases: (query: CaseListQuery = {}) => {
    const params = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
    const search = params.toString();
    return json<CasePage>('GET', `/api/cases${search ? `?${search}` : ''}`);
  },
  /** The cases the committee has; 403 for someone who may not see them. */
  committeeCases: (id: string) => json<CaseSummary[]>('GET', `${committeePath(id)}/cases`),
  caseDetail: (number: string) => json<CaseDetail>('GET', `/api/cases/${enc(number)}`),
  /** Links the case to a measure of a committee's plan (its leadership and the secretariat). */
  linkCase: (number: string, committeeId: string, measureId: string) =>
    json<{ measure: LinkedMeasure }>('POST', `/api/cases/${enc(number)}/links`, { committeeId, measureId }),
  unlinkCase: (number: string, committeeId: string, measureId: string) =>
    json<void>('DELETE', `/api/cases/${enc(number)}/links/${enc(committeeId)}/${enc(measureId)}`),
  /** A new measure in the sub-goal, made from the case and linked to it. */
  measureFromCase: (
    number: string,
    body: { committeeId: string; subGoalId: string; text: string; responsible: string },
  ) => json<{ measure: LinkedMeasure }>('POST', `/api/cases/${enc(number)}/measures`, body),
  stats: () => json<Stats>('GET', '/api/stats'),
  /** Without a year: this year. 403 for someone who may not see every case. */
  annualReport: (year?: number) =>
    json<AnnualReport>('GET', year === undefined ? '/api/annual-report' : `/api/annual-report?year=${year}`),
};

/** CSV exports; column headings and labels in the person's language. */
export const exportPaths = {
  plan: (id: string, lang: string) => `/api/export/committees/${enc(id)}/plan.csv?lang=${enc(lang)}`,
  cases: (lang: string) => `/api/export/cases.csv?lang=${enc(lang)}`,
  annualReport: (year: number, lang: string) =>
    `/api/export/annual-report.csv?year=${year}&lang=${enc(lang)}`,
};

/** Fetches a CSV with the auth headers and hands it to the browser as a download. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await request('GET', path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
