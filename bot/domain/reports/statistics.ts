import type { CaseQueries } from '../cases/caseAccess';
import { readAllPages, type CaseListEntry } from '../cases/caseList';
import type { CaseRepository } from '../cases/caseRepository';
import type { PlanService } from '../plans/planService';
import { allowed, authorize } from '../roles/authorize';
import { osloYear } from '../time';
import { annualReport, reportYears, type AnnualReport } from './annualReport';
import type { RoleRepository } from '../roles/roleRepository';
import { committeeStats, type CaseYearStats, type CommitteeStats } from './annualStats';
import { medianOfHistograms, yearStats } from './caseCounts';

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

/**
 * Every committee's status counts for everyone, its case counts for those who see its cases; the
 * other case figures only for those who may see every
 * case, since a count by forum or state tells something about cases they may not open.
 */
export async function statisticsFor(personId: string, sources: StatisticsSources): Promise<Statistics> {
  // The year counters, kept with the cases: a handful of rows however many cases there are. Read
  // once, for the committees' counts and the case figures alike.
  const counted = sources.cases.yearCounts();
  const [plans, caseCounts] = await Promise.all([
    sources.planService.allPlans(),
    sources.caseQueries.forForumCounts(personId, counted),
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
  const years = await counted;
  return {
    caseStats: true,
    casesPerYear: years.map(yearStats),
    medianDaysToRouting: medianOfHistograms(years.map((y) => y.daysToRouting)),
    medianDaysToOutcome: medianOfHistograms(years.map((y) => y.daysToOutcome)),
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
  const chosen = year ?? osloYear(now);
  const [plans, cases, counted] = await Promise.all([
    sources.planService.allPlans(),
    casesOfYear(personId, chosen, sources.caseQueries),
    sources.cases.yearCounts(),
  ]);
  const caseYears = counted.filter((c) => c.total > 0).map((c) => c.year);
  return { ...annualReport(plans, cases, chosen), years: reportYears(plans, caseYears, chosen) };
}

/** Every case of one year, from its list rows a page at a time (a year is hundreds, not the archive). */
function casesOfYear(personId: string, year: number, caseQueries: CaseQueries): Promise<CaseListEntry[]> {
  return readAllPages(async (after) => {
    const page = await caseQueries.page(personId, { year, limit: 500, ...(after ? { after } : {}) });
    return { entries: page.cases.map((c) => c.entry), ...(page.next ? { next: page.next } : {}) };
  });
}
