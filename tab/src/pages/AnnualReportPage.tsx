import { useState } from 'react';
import { Button, Link, Spinner } from '@fluentui/react-components';
import { CASE_STATES } from '../../../bot/domain/cases/caseModel';
import { FILE_NAMES, reportGroupLabel } from '../../../bot/domain/reports/exportLabels';
import { api, exportPaths } from '../api/client';
import type { AnnualReport } from '../api/types';
import { caseStateLabel } from '../caseTexts';
import { DownloadButton } from '../components/DownloadButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { LabeledSelect } from '../components/LabeledSelect';
import { STATUS_ORDER } from '../components/StatusCounts';
import { formatDate } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { forumLabel } from '../referenceLabels';

type Group = AnnualReport['groups'][number];

/**
 * The SSU's annual report for a year: plain tables (they paste into a Word document and print on
 * A4), measures by status and cases by state per priority group, then each group's cases by forum.
 */
export function AnnualReportPage() {
  const { t, lang } = useSession();
  const [year, setYear] = useState<number>();
  const report = useLoad(() => api.annualReport(year), [year]);

  if (!report.data) {
    if (report.error !== undefined) return <ErrorMessage error={report.error} onRetry={report.reload} />;
    return <Spinner label={t.loading} />;
  }
  const data = report.data;
  const r = t.annualReport;

  return (
    <article className="annual-report" aria-labelledby="annual-report-title">
      <div className="toolbar no-print">
        <Link href={href.stats()}>← {r.back}</Link>
        <LabeledSelect
          label={t.year}
          value={String(data.year)}
          onChange={(v) => setYear(Number(v))}
          options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
          testId="report-year"
        />
        <Button appearance="primary" onClick={() => window.print()}>
          {r.print}
        </Button>
        <DownloadButton
          path={exportPaths.annualReport(data.year, lang)}
          fileName={`${FILE_NAMES.annualReport[lang]}-${data.year}.csv`}
          label={r.exportCsv}
        />
        {report.loading && <Spinner size="tiny" label={t.loading} />}
      </div>
      {report.error !== undefined && <ErrorMessage error={report.error} onRetry={report.reload} />}
      <h1 id="annual-report-title">{r.title(String(data.year))}</h1>
      <p>{r.intro}</p>
      <p className="muted">
        {r.counting} {r.printed(formatDate(new Date(), lang))}
      </p>

      <ReportTable
        id="report-measures"
        heading={`${r.measuresTitle} ${data.year}`}
        rowHead={r.group}
        columns={STATUS_ORDER.map((s) => t.status[s])}
        rows={data.groups.map((g) => ({
          key: g.group,
          label: reportGroupLabel(g.group, lang),
          cells: [...STATUS_ORDER.map((s) => g.measures[s]), g.measureTotal],
        }))}
      />

      <ReportTable
        id="report-cases"
        heading={`${r.casesTitle} ${data.year}`}
        rowHead={r.group}
        columns={CASE_STATES.map((s) => caseStateLabel(s, lang))}
        rows={data.groups.map((g) => ({
          key: g.group,
          label: reportGroupLabel(g.group, lang),
          cells: [...CASE_STATES.map((s) => stateTotal(g, s)), g.caseTotal],
        }))}
      />

      <h2>{r.casesByForumTitle}</h2>
      {data.groups.map((g) => (
        <section key={g.group} className="report-group" data-group={g.group}>
          {g.cases.length === 0 ? (
            <>
              <h3>{reportGroupLabel(g.group, lang)}</h3>
              <p>{r.noCases}</p>
            </>
          ) : (
            <ReportTable
              id={`report-forums-${g.group}`}
              heading={reportGroupLabel(g.group, lang)}
              label={r.casesByForumFor(reportGroupLabel(g.group, lang))}
              level={3}
              rowHead={t.cases.forum}
              columns={CASE_STATES.map((s) => caseStateLabel(s, lang))}
              rows={g.cases.map((c) => ({
                key: c.forum,
                label: forumLabel(c.forum, lang),
                cells: [...CASE_STATES.map((s) => c.byState[s] ?? 0), c.total],
              }))}
            />
          )}
        </section>
      ))}
    </article>
  );
}

function stateTotal(group: Group, state: string): number {
  return group.cases.reduce((n, c) => n + (c.byState[state] ?? 0), 0);
}

/** One table of counts: a row head per row, one column per status or state, and the total last. */
function ReportTable(props: {
  id: string;
  /** The section's heading (h2, or h3 for a group under a heading of its own); names the table too. */
  heading: string;
  level?: 2 | 3;
  /** The table's name where the heading alone would not say what it counts. */
  label?: string;
  rowHead: string;
  columns: string[];
  rows: { key: string; label: string; cells: number[] }[];
}) {
  const { t } = useSession();
  const { id, heading, rowHead, columns, rows } = props;
  return (
    <section aria-labelledby={`${id}-title`} className="report-section">
      {props.level === 3 ? <h3 id={`${id}-title`}>{heading}</h3> : <h2 id={`${id}-title`}>{heading}</h2>}
      <div className="table-scroll">
        <table
          className="print-table report-table"
          {...(props.label ? { 'aria-label': props.label } : { 'aria-labelledby': `${id}-title` })}
        >
          <thead>
            <tr>
              <th scope="col">{rowHead}</th>
              {columns.map((c) => (
                <th scope="col" key={c} className="num">
                  {c}
                </th>
              ))}
              <th scope="col" className="num">
                {t.stats.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((n, i) => (
                  <td key={i} className="num">
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
