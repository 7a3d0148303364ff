import type { Person } from '../person';
import type { Plan } from '../plans/plan';

/**
 * A case tied to a measure of a committee's action plan: the case led to the measure, or the measure
 * is where the committee works on what the case asks. One link per (case, measure).
 */
export interface CaseLink {
  caseNumber: string;
  committeeId: string;
  measureId: string;
  by: Person;
  at: string;
}

/** A committee's plan with the links of cases to its measures, oldest link first. */
export interface PlanWithLinks {
  plan: Plan;
  links: CaseLink[];
}

/**
 * The board's read from plan storage (bot/storage/tablePlanRepository.ts): the plan and its links
 * in one partition query; undefined for an unknown committee.
 */
export interface PlanWithLinksReader {
  planWithLinks(committeeId: string): Promise<PlanWithLinks | undefined>;
}

/**
 * What the domain needs from link storage (bot/storage/tableCaseLinkRepository.ts). Both directions
 * are read as one query each: a case's links (its detail, card, the submitter's view) and a
 * committee plan's links (kept with the plan, so the board reads them with it: PlanWithLinksReader).
 */
export interface CaseLinkRepository {
  linksOfCase(caseNumber: string): Promise<CaseLink[]>;
  linksOfPlan(committeeId: string): Promise<CaseLink[]>;
  /** Stores the link; false (nothing written) when the case and the measure are linked already. */
  add(link: CaseLink): Promise<boolean>;
  /** Removes the link; false when there was none. */
  remove(caseNumber: string, committeeId: string, measureId: string): Promise<boolean>;
}
