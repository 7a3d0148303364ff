import type { CaseQueries } from '../cases/caseAccess';
import type { CaseRepository } from '../cases/caseRepository';
import type { PlanService } from '../plans/planService';
import { allowed, authorize } from '../roles/authorize';
import { osloYear } from '../time';
import { annualReport, reportYears, type AnnualReport } from './annualReport';
import type { RoleRepository } from '../roles/roleRepository';
import {
  casesPerYear,
  committeeStats,
  medianDays,
  type CaseYearStats,
  type CommitteeStats,
} from './annualStats';

/** The annual report's figures as one person may see them. */
export interface Statistics {
  /** False when the person may not see every case: then only the committees' figures are given. */
  caseStats: boolean;
  casesPerYear: CaseYearStats[];
  medianDaysToRouting: number | null;
  medianDaysToOutcome: number | null;
  committees: CommitteeStats[];
}

export interface StatisticsSources {
  planService: PlanService;
  roles: RoleRepository;
  cases: CaseRepository;
  caseQueries: CaseQueries;
}

/** How many case histories are read at once: enough to be quick, few enough to spare the storage account. */
const HISTORY_READS_AT_ONCE = 16;

/**
 * Every committee's status counts for everyone, its case counts for those who see its cases; the
 * other case figures only for those who may see every
 * case, since a count by forum or state tells something about cases they may not open.
 */
export async function statisticsFor(personId: string, sources: StatisticsSources): Promise<Statistics> {
  const [plans, caseCounts] = await Promise.all([
    sources.planService.allPlans(),
    sources.caseQueries.forForumCounts(personId),
  ]);
  const committees = committeeStats(plans, caseCounts);
  if (!(await allowed(sources.roles, personId, 'case.view_all'))) {
    return {
      caseStats: false,
      casesPerYear: [],
      medianDaysToRouting: null,
      medianDaysToOutcome: null,
      committees,
    };
  }
  const records = (await sources.caseQueries.visible(personId)).cases.map((c) => c.record);
  const withHistory = await mapLimited(records, HISTORY_READS_AT_ONCE, async (record) => ({
    record,
    history: await sources.cases.history(record.number),
  }));
  const medians = medianDays(withHistory);
  return {
    caseStats: true,
    casesPerYear: casesPerYear(records),
    medianDaysToRouting: medians.toRouting,
    medianDaysToOutcome: medians.toOutcome,
    committees,
  };
}

/** The SSU's annual report for a year, and the years it can be asked for. */
export interface AnnualReportFigures extends AnnualReport {
  years: number[];
}

/**
 * The annual report for `year` (default: this year in Oslo). It counts every case by forum and state,
 * so it is for those who see every case, as the statistics' case figures are; anyone else is refused
 * (and the refusal recorded) rather than given a report that silently leaves cases out.
 */
export async function annualReportFor(
  personId: string,
  year: number | undefined,
  sources: StatisticsSources,
  now: Date,
): Promise<AnnualReportFigures> {
  await authorize(sources.roles, { personId, action: 'case.view_all', target: 'annual-report', now });
  const [plans, visible] = await Promise.all([
    sources.planService.allPlans(),
    sources.caseQueries.visible(personId),
  ]);
  const records = visible.cases.map((c) => c.record);
  const chosen = year ?? osloYear(now);
  return { ...annualReport(plans, records, chosen), years: reportYears(plans, records, chosen) };
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
