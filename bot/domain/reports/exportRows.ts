import type { CaseListEntry } from '../cases/caseList';
import type { Lang } from '../i18n/language';
import { messages } from '../i18n/messages';
import { forumByValue, PRIORITY_GROUPS } from '../partnership';
import { walkPlan, type Plan } from '../plans/plan';
import { MEASURE_STATUS_LABELS } from '../plans/planLabels';
import { MEASURE_STATUSES, planYears } from '../plans/planModel';
import { formatDate } from '../time';
import type { AnnualReport } from './annualReport';
import { ageDays, NONE } from './annualStats';
import {
  ANNUAL_REPORT_COLUMNS,
  ANNUAL_REPORT_KINDS,
  CASE_COLUMNS,
  PLAN_COLUMNS,
  reportGroupLabel,
} from './exportLabels';

/** One row of an export: cells as a spreadsheet shows them, in the person's language. */
export type ExportRow = (string | number | undefined)[];

/**
 * The action plan as a table: a header, then one row per active measure with its goal and sub-goal,
 * and a row for a goal or sub-goal that has no active child (so it still shows). A status column per
 * year of the committee's period.
 */
export function planExportRows(plan: Plan, lang: Lang): ExportRow[] {
  const years = planYears(plan.committee);
  const groupLabel = (g: string) => PRIORITY_GROUPS.find((o) => o.value === g)?.label[lang] ?? g;
  const col = (key: string) => PLAN_COLUMNS[key]![lang];
  const rows: ExportRow[] = [
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
        ...years.map((y) => MEASURE_STATUS_LABELS[item.statusByYear[y] ?? 'not_assessed'][lang]),
      ]);
    } else if (item.type === 'subgoal' && !(subGoal?.measures ?? []).some((m) => !m.retired)) {
      rows.push([goal.text, item.text]);
    } else if (item.type === 'goal' && !goal.subGoals.some((s) => !s.retired)) {
      rows.push([goal.text]);
    }
  }
  return rows;
}

/** The cases table's header row. */
export function caseExportHeader(lang: Lang): ExportRow {
  const col = (key: string) => CASE_COLUMNS[key]![lang];
  return [
    col('number'),
    col('title'),
    col('state'),
    col('forum'),
    col('submittedAt'),
    col('ageDays'),
    col('submitter'),
  ];
}

/** One case as a row, its state and forum in words. */
export function caseExportRow(entry: CaseListEntry, lang: Lang, now: Date): ExportRow {
  const states = messages(lang).stateLabels as Record<string, string>;
  return [
    entry.number,
    entry.title,
    states[entry.state] ?? entry.state,
    entry.forum ? (forumByValue(entry.forum)?.label[lang] ?? entry.forum) : undefined,
    formatDate(entry.submittedAt, lang),
    ageDays(entry, now),
    entry.submitterName,
  ];
}

/** The cases as a table: a header, then one row per case. */
export function caseExportRows(entries: readonly CaseListEntry[], lang: Lang, now: Date): ExportRow[] {
  return [caseExportHeader(lang), ...entries.map((entry) => caseExportRow(entry, lang, now))];
}

/**
 * The annual report as a table with one row per figure (year, group, measure or case, forum, status,
 * count): every measure status of every group, even at 0, and each forum and state that has cases.
 */
export function annualReportRows(report: AnnualReport, lang: Lang): ExportRow[] {
  const states = messages(lang).stateLabels as Record<string, string>;
  const col = (key: string) => ANNUAL_REPORT_COLUMNS[key]![lang];
  const rows: ExportRow[] = [
    [col('year'), col('group'), col('kind'), col('forum'), col('status'), col('count')],
  ];
  for (const figures of report.groups) {
    const group = reportGroupLabel(figures.group, lang);
    for (const status of MEASURE_STATUSES) {
      rows.push([
        report.year,
        group,
        ANNUAL_REPORT_KINDS.measures[lang],
        undefined,
        MEASURE_STATUS_LABELS[status][lang],
        figures.measures[status],
      ]);
    }
    for (const { forum, byState } of figures.cases) {
      const forumName = forum === NONE ? undefined : (forumByValue(forum)?.label[lang] ?? forum);
      for (const [state, count] of Object.entries(byState)) {
        if (count === 0) continue;
        rows.push([
          report.year,
          group,
          ANNUAL_REPORT_KINDS.cases[lang],
          forumName,
          states[state] ?? state,
          count,
        ]);
      }
    }
  }
  return rows;
}
