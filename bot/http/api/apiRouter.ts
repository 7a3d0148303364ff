import express, { type NextFunction, type Request, type Response } from 'express';
import { isLocalCaller, type Authenticator, type Identity } from '../../auth';
import type { CaseQueries } from '../../domain/cases/caseAccess';
import type { CaseRecord } from '../../domain/cases/caseModel';
import type { CaseRepository } from '../../domain/cases/caseRepository';
import { submitterView } from '../../domain/cases/submitterView';
import { FORM_FIELDS } from '../../domain/form/intakeForm';
import { messages } from '../../domain/i18n/messages';
import { clampYear, countsForYear, latestStatusYear, walkPlan } from '../../domain/plans/plan';
import type { Person } from '../../domain/person';
import { PlanInputError } from '../../domain/plans/planInput';
import { planYears } from '../../domain/plans/planModel';
import type { PlanRepository } from '../../domain/plans/planRepository';
import { PlanConflict, PlanNotFound, type PlanService } from '../../domain/plans/planService';
import { casesPerYear, committeeStats, currentForum, medianDays } from '../../domain/reports/annualStats';
import { AccessDenied, allowed } from '../../domain/roles/authorize';
import type { RoleRepository } from '../../domain/roles/roleRepository';
import { ROLE_NAMES } from '../../domain/roles/roles';
import { osloYear, formatDate } from '../../domain/time';
import type { Logger } from '../../logger';
import { attachment, toCsv } from './csv';
import { CASE_COLUMNS, FILE_NAMES, PLAN_COLUMNS, STATUS_LABELS, langFromQuery } from './labels';
import { forumByValue, PRIORITY_GROUPS as GROUP_OPTIONS } from '../../domain/partnership';
import { submitterLine } from '../../domain/cases/submitterName';
import {
  ageDays,
  caseHistoryView,
  caseListView,
  committeeView,
  historyView,
  itemView,
  planView,
} from './views';

/** What the tab's API needs, passed in by the composition root (bot/app.ts). */
export interface ApiDeps {
  auth: Authenticator;
  plans: PlanRepository;
  planService: PlanService;
  roles: RoleRepository;
  cases: CaseRepository;
  /** Who may see which case: the same rule as the bot's card actions. */
  caseQueries: CaseQueries;
  now: () => Date;
  log: Logger;
}

/** An error the API answers with a status and a code (see API.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function identityOf(res: Response): Identity {
  return res.locals.identity as Identity;
}

function actorOf(res: Response): Person {
  const identity = identityOf(res);
  return { id: identity.personId, name: identity.name };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function yearParam(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ApiError(400, 'bad_request', 'year must be a year such as 2025.');
  }
  return year;
}

const param = (req: Request, name: string): string => String(req.params[name] ?? '');

/**
 * The tab's HTTP API, mounted at /api. Every route needs a signed-in person (401 otherwise); writes
 * go through PlanService, whose single authorisation check answers 403. Errors are
 * `{ error, code }` JSON; see API.md for the contract.
 */
export function createApiRouter(deps: ApiDeps): express.Router {
  const router = express.Router();

  // Local identity mode only: the people the roles table knows, for the tab's person picker. It is
  // how a person is chosen in the first place, so it is the one route without an identity.
  router.get('/local/people', async (req, res, next) => {
    if (!deps.auth.localIdentity) return next();
    if (!isLocalCaller(req)) {
      throw new ApiError(
        403,
        'local_identity_loopback_only',
        'Local identity mode only answers on loopback, not through a proxy.',
      );
    }
    const people = new Map<
      string,
      { personId: string; name: string; roles: { role: string; scope: string }[] }
    >();
    for (const role of ROLE_NAMES) {
      for (const a of await deps.roles.holders(role)) {
        const person = people.get(a.personId) ?? {
          personId: a.personId,
          name: a.personName ?? a.personId,
          roles: [],
        };
        if (a.personName) person.name = a.personName;
        person.roles.push({ role: a.role, scope: a.scope });
        people.set(a.personId, person);
      }
    }
    res.json([...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'nn')));
  });

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    const result = await deps.auth.authenticate({
      authorization: header(req, 'authorization'),
      localIdentity: header(req, 'x-local-identity'),
      localName: header(req, 'x-local-name'),
      localCaller: isLocalCaller(req),
    });
    if (!result.ok) {
      if (result.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(result.status).json({ error: result.error, code: result.code });
      return;
    }
    res.locals.identity = result.identity;
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.use(express.json({ limit: '64kb' }));

  router.get('/me', async (_req, res) => {
    const identity = identityOf(res);
    // The tab calls this first: the name Teams (or the local picker) gives is kept with the roles.
    await deps.roles.rememberName(identity.personId, identity.name);
    res.json({
      personId: identity.personId,
      name: identity.name,
      roles: await deps.roles.rolesOf(identity.personId),
      localIdentity: deps.auth.localIdentity,
      signedInWith: identity.via,
      canViewAllCases: await allowed(deps.roles, identity.personId, 'case.view_all'),
    });
  });

  // ---- Plans -------------------------------------------------------------------------------------

  router.get('/committees', async (req, res) => {
    const requested = yearParam(req.query.year);
    const current = osloYear(deps.now());
    const plans = await deps.plans.allPlans();
    res.json(
      plans.map((plan) => {
        const year = requested ?? clampYear(plan.committee, current);
        return {
          ...committeeView(plan.committee, plan),
          year,
          counts: countsForYear(plan, year),
          latestStatusYear: latestStatusYear(plan) ?? null,
        };
      }),
    );
  });

  router.get('/committees/:id/plan', async (req, res) => {
    const committeeId = param(req, 'id');
    const personId = identityOf(res).personId;
    // The partition read and the role checks are independent: run them side by side.
    const [plan, updateStatus, edit] = await Promise.all([
      deps.plans.getPlan(committeeId),
      allowed(deps.roles, personId, 'plan.update_status', committeeId),
      allowed(deps.roles, personId, 'plan.edit', committeeId),
    ]);
    if (!plan) throw new PlanNotFound(`No committee "${committeeId}".`);
    res.json({
      committee: { ...committeeView(plan.committee, plan), title: plan.committee.title },
      plan: planView(plan),
      permissions: { updateStatus, edit },
    });
  });

  router.put('/committees/:id/measures/:measureId/status', async (req, res) => {
    const measure = await deps.planService.updateStatus(
      actorOf(res),
      param(req, 'id'),
      param(req, 'measureId'),
      req.body,
    );
    res.json({ measure: itemView(measure) });
  });

  const history = async (req: Request, res: Response, idParam: string) => {
    const entries = await deps.planService.history(param(req, 'id'), param(req, idParam));
    res.json(entries.map(historyView));
  };
  router.get('/committees/:id/measures/:measureId/history', (req, res) => history(req, res, 'measureId'));
  router.get('/committees/:id/items/:itemId/history', (req, res) => history(req, res, 'itemId'));

  router.post('/committees/:id/goals', async (req, res) => {
    const item = await deps.planService.addGoal(actorOf(res), param(req, 'id'), req.body);
    res.status(201).json({ item: itemView(item) });
  });

  router.post('/committees/:id/goals/:goalId/subgoals', async (req, res) => {
    const item = await deps.planService.addSubGoal(
      actorOf(res),
      param(req, 'id'),
      param(req, 'goalId'),
      req.body,
    );
    res.status(201).json({ item: itemView(item) });
  });

  router.post('/committees/:id/subgoals/:subGoalId/measures', async (req, res) => {
    const item = await deps.planService.addMeasure(
      actorOf(res),
      param(req, 'id'),
      param(req, 'subGoalId'),
      req.body,
    );
    res.status(201).json({ item: itemView(item) });
  });

  router.patch('/committees/:id/items/:itemId', async (req, res) => {
    const item = await deps.planService.editItem(
      actorOf(res),
      param(req, 'id'),
      param(req, 'itemId'),
      req.body,
    );
    res.json({ item: itemView(item) });
  });

  router.post('/committees/:id/items/:itemId/move', async (req, res) => {
    const items = await deps.planService.moveItem(
      actorOf(res),
      param(req, 'id'),
      param(req, 'itemId'),
      req.body,
    );
    res.json({ items: items.map(itemView) });
  });

  router.post('/committees/:id/items/:itemId/retire', async (req, res) => {
    const item = await deps.planService.retireItem(
      actorOf(res),
      param(req, 'id'),
      param(req, 'itemId'),
      req.body,
    );
    res.json({ item: itemView(item) });
  });

  // ---- Cases -------------------------------------------------------------------------------------

  const visibleCases = async (personId: string): Promise<{ all: boolean; records: CaseRecord[] }> => {
    const { all, cases } = await deps.caseQueries.visible(personId);
    return { all, records: cases.map((c) => c.record) };
  };

  router.get('/cases', async (_req, res) => {
    const { records } = await visibleCases(identityOf(res).personId);
    const now = deps.now();
    res.json(records.map((r) => caseListView(r, now)));
  });

  router.get('/cases/:number', async (req, res) => {
    // Unknown, malformed and not-yours look the same: nobody learns that a case exists.
    const lookup = await deps.caseQueries.open(identityOf(res).personId, param(req, 'number'));
    if (lookup.kind === 'hidden')
      throw new ApiError(404, 'not_found', 'No case with that number that you may see.');
    const { record, view } = lookup;
    const history = await deps.cases.history(record.number);
    const forum = currentForum(record);
    const common = {
      number: record.number,
      title: record.title,
      state: record.state,
      answers: record.answers,
      submitter: { name: submitterLine(record) },
      submittedAt: record.submittedAt,
      updatedAt: record.updatedAt,
      ageDays: ageDays(record, deps.now()),
      ...(forum ? { forum } : {}),
    };
    const own = view === 'submitter' ? submitterView(record, history) : undefined;
    res.json({
      case: own
        ? {
            ...common,
            ...(own.returned ? { returned: own.returned } : {}),
            ...(own.withdrawn ? { withdrawn: own.withdrawn } : {}),
            ...(own.outcome ? { outcome: own.outcome } : {}),
            forumChain: own.forumChain,
            infoRequests: own.infoRequests,
          }
        : { ...common, ...(record.routing ? { routing: record.routing } : {}) },
      history: own ? own.history : history.map(caseHistoryView),
      form: FORM_FIELDS.map((f) => ({
        id: f.id,
        kind: f.kind,
        label: f.label,
        ...(f.options ? { options: f.options } : {}),
      })),
    });
  });

  // ---- Exports -----------------------------------------------------------------------------------

  router.get('/export/committees/:id/plan.csv', async (req, res) => {
    const lang = langFromQuery(req.query.lang);
    const committeeId = param(req, 'id');
    const plan = await deps.plans.getPlan(committeeId);
    if (!plan) throw new PlanNotFound(`No committee "${committeeId}".`);
    const years = planYears(plan.committee);
    const groupLabel = (g: string) => GROUP_OPTIONS.find((o) => o.value === g)?.label[lang] ?? g;
    const col = (key: string) => PLAN_COLUMNS[key]![lang];
    const rows: (string | number | undefined)[][] = [
      [
        col('mainGoal'),
        col('subGoal'),
        col('measure'),
        col('responsible'),
        col('timeline'),
        col('taskHospital'),
        col('taskMunicipalities'),
        col('measuringTool'),
        col('priorityGroups'),
        ...years.map((y) => `${col('status')} ${y}`),
      ],
    ];
    // Active items only: a retired goal, sub-goal or measure is not part of the plan any more.
    for (const { item, active, goal, subGoal } of walkPlan(plan)) {
      if (!active) continue;
      if (item.type === 'measure') {
        rows.push([
          goal.text,
          subGoal?.text,
          item.text,
          item.responsible,
          item.timeline,
          item.taskHospital,
          item.taskMunicipalities,
          item.measuringTool,
          item.priorityGroups.map(groupLabel).join(', '),
          ...years.map((y) => STATUS_LABELS[item.statusByYear[y] ?? 'not_assessed'][lang]),
        ]);
      } else if (item.type === 'subgoal' && !(subGoal?.measures ?? []).some((m) => !m.retired)) {
        rows.push([goal.text, item.text]); // a sub-goal without measures still shows
      } else if (item.type === 'goal' && !goal.subGoals.some((s) => !s.retired)) {
        rows.push([goal.text]);
      }
    }
    sendCsv(res, `${FILE_NAMES.plan[lang]}-${committeeId}.csv`, toCsv(rows));
  });

  router.get('/export/cases.csv', async (req, res) => {
    const lang = langFromQuery(req.query.lang);
    const { records } = await visibleCases(identityOf(res).personId);
    const now = deps.now();
    const states = messages(lang).stateLabels as Record<string, string>;
    const col = (key: string) => CASE_COLUMNS[key]![lang];
    const rows: (string | number | undefined)[][] = [
      [
        col('number'),
        col('title'),
        col('state'),
        col('forum'),
        col('submittedAt'),
        col('ageDays'),
        col('submitter'),
      ],
    ];
    for (const r of records) {
      const forum = currentForum(r);
      rows.push([
        r.number,
        r.title,
        states[r.state] ?? r.state,
        forum ? (forumByValue(forum)?.label[lang] ?? forum) : undefined,
        formatDate(r.submittedAt, lang),
        ageDays(r, now),
        submitterLine(r),
      ]);
    }
    sendCsv(res, `${FILE_NAMES.cases[lang]}.csv`, toCsv(rows));
  });

  // ---- Statistics --------------------------------------------------------------------------------

  router.get('/stats', async (_req, res) => {
    const personId = identityOf(res).personId;
    const committees = committeeStats(await deps.plans.allPlans());
    if (!(await allowed(deps.roles, personId, 'case.view_all'))) {
      res.json({
        caseStats: false,
        casesPerYear: [],
        medianDaysToRouting: null,
        medianDaysToOutcome: null,
        committees,
      });
      return;
    }
    const { records } = await visibleCases(personId);
    const withHistory = await mapLimited(records, 16, async (record) => ({
      record,
      history: await deps.cases.history(record.number),
    }));
    const medians = medianDays(withHistory);
    res.json({
      caseStats: true,
      casesPerYear: casesPerYear(records),
      medianDaysToRouting: medians.toRouting,
      medianDaysToOutcome: medians.toOutcome,
      committees,
    });
  });

  router.use((req: Request) => {
    throw new ApiError(404, 'not_found', `No API route ${req.method} ${req.baseUrl}${req.path}.`);
  });

  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const answer = toErrorAnswer(error, deps.log);
    if (!res.headersSent) res.status(answer.status).json(answer.body);
  });

  return router;
}

function sendCsv(res: Response, fileName: string, csv: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', attachment(fileName));
  res.send(csv);
}

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function toErrorAnswer(error: unknown, log: Logger): { status: number; body: Record<string, unknown> } {
  if (error instanceof ApiError)
    return { status: error.status, body: { error: error.message, code: error.code } };
  if (error instanceof PlanInputError) {
    return {
      status: 400,
      body: {
        error: error.message,
        code: error.code ?? 'bad_request',
        ...(error.field ? { field: error.field } : {}),
      },
    };
  }
  if (error instanceof AccessDenied) {
    return { status: 403, body: { error: 'You may not do this.', code: 'forbidden' } };
  }
  if (error instanceof PlanNotFound)
    return { status: 404, body: { error: error.message, code: 'not_found' } };
  if (error instanceof PlanConflict) {
    return {
      status: 409,
      body: {
        error: error.message,
        code: 'conflict',
        current: error.current ? itemView(error.current) : null,
      },
    };
  }
  const http = error as { status?: number; type?: string; message?: string };
  if (http.type === 'entity.parse.failed') {
    return { status: 400, body: { error: 'The request body is not valid JSON.', code: 'invalid_json' } };
  }
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
    return { status: http.status, body: { error: http.message ?? 'Bad request', code: 'bad_request' } };
  }
  log.error('api.failed', { error: (error as Error)?.message });
  return { status: 500, body: { error: 'Internal error', code: 'internal' } };
}
