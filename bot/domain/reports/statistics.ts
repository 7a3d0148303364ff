import type { CaseQueries } from '../cases/caseAccess';
import type { CaseRepository } from '../cases/caseRepository';
import type { PlanService } from '../plans/planService';
import { allowed } from '../roles/authorize';
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
  // The year counters, kept with the cases: a handful of rows however many cases there are.
  const years = await sources.cases.yearCounts();
  return {
    caseStats: true,
    casesPerYear: years.map(yearStats),
    medianDaysToRouting: medianOfHistograms(years.map((y) => y.daysToRouting)),
    medianDaysToOutcome: medianOfHistograms(years.map((y) => y.daysToOutcome)),
    committees,
  };
}
