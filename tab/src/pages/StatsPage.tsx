import { useState } from 'react';
import {
  Link,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { api } from '../api/client';
import type { CountMap, Stats } from '../api/types';
import { BarChart, type Bar } from '../components/BarChart';
import { CountTable } from '../components/CountTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { LabeledSelect } from '../components/LabeledSelect';
import { STATUS_ORDER } from '../components/StatusCounts';
import { currentYear } from '../format';
import { Panel } from '../components/Panel';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { caseStateLabel } from '../caseTexts';
import { agreementPartLabel, committeeName, forumLabel } from '../referenceLabels';

function bars(map: CountMap | undefined, label: (key: string) => string): Bar[] {
  return Object.entries(map ?? {})
    .map(([key, value]) => ({ key, label: label(key), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

function yearsIn(stats: Stats): string[] {
  const years = new Set<string>();
  for (const y of stats.casesPerYear) years.add(String(y.year));
  for (const c of stats.committees) {
    // A committee's cases count in years its plan may not cover (a case of 2027 after a 2023–2026 plan).
    for (const y of [...Object.keys(c.countsByYear), ...Object.keys(c.casesByYear ?? {})]) years.add(y);
  }
  return [...years].sort();
}

/** Figures for the annual report: cases by forum, state and agreement part; committees' statuses. */
export function StatsPage() {
  const { t, lang, me } = useSession();
  const stats = useLoad(() => api.stats(), []);
  const [chosenYear, setYear] = useState<string>();
  const [view, setView] = useState<'chart' | 'table'>('chart');

  if (stats.error !== undefined) return <ErrorMessage error={stats.error} onRetry={stats.reload} />;
  if (!stats.data) return <Spinner label={t.loading} />;
  const data = stats.data;
  const years = yearsIn(data);
  const now = String(currentYear());
  const year = chosenYear ?? (years.includes(now) ? now : (years[years.length - 1] ?? now));
  const cases = data.casesPerYear.find((y) => String(y.year) === year);
  const groups: { title: string; head: string; rows: Bar[] }[] = cases
    ? [
        {
          title: t.stats.byForum,
          head: t.cases.forum,
          rows: bars(cases.byForum, (k) => forumLabel(k, lang)),
        },
        {
          title: t.stats.byState,
          head: t.cases.state,
          rows: bars(cases.byState, (k) => caseStateLabel(k, lang)),
        },
        {
          title: t.stats.byAgreementPart,
          head: t.stats.byAgreementPart,
          rows: bars(cases.byAgreementPart, (k) => agreementPartLabel(k, lang)),
        },
      ]
    : [];
  const perYear: Bar[] = [...data.casesPerYear]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ key: String(y.year), label: String(y.year), value: y.total }));
  const median = (v: number | null) => (typeof v === 'number' ? String(v) : t.stats.noValue);

  return (
    <section aria-labelledby="stats-title" className="stats">
      <h1 id="stats-title">{t.stats.title}</h1>
      {me.canViewAllCases && (
        <p className="no-print">
          <Link href={href.annualReport()}>{t.stats.annualReportLink}</Link>
        </p>
      )}
      <div className="filter-bar no-print">
        <LabeledSelect
          label={t.year}
          value={year}
          onChange={setYear}
          options={(years.length ? years : [year]).map((y) => ({ value: y, label: y }))}
        />
        <TabList
          selectedValue={view}
          onTabSelect={(_e, d) => setView(d.value as 'chart' | 'table')}
          aria-label={`${t.stats.chart} / ${t.stats.table}`}
        >
          <Tab value="chart">{t.stats.chart}</Tab>
          <Tab value="table">{t.stats.table}</Tab>
        </TabList>
      </div>

      {data.caseStats && (
        <>
          <h2>{t.stats.casesPerYear}</h2>
          <div className="median-cards">
            <Panel>
              <span className="median-label">{t.stats.medianRouting}</span>
              <strong className="median-value">{median(data.medianDaysToRouting)}</strong>
            </Panel>
            <Panel>
              <span className="median-label">{t.stats.medianOutcome}</span>
              <strong className="median-value">{median(data.medianDaysToOutcome)}</strong>
            </Panel>
          </div>
          {perYear.length === 0 ? (
            <p>{t.stats.noCases}</p>
          ) : (
            <>
              {view === 'chart' ? (
                <BarChart title={t.stats.perYear} bars={perYear} />
              ) : (
                <CountTable
                  caption={t.stats.perYear}
                  head={t.year}
                  countHead={t.stats.count}
                  rows={perYear}
                />
              )}
              <h3>{t.stats.caseFigures(year)}</h3>
              {!cases && <p>{t.stats.noCases}</p>}
              <div className="chart-grid">
                {groups.map((g) =>
                  view === 'chart' ? (
                    <BarChart key={g.title} title={g.title} bars={g.rows} />
                  ) : (
                    <CountTable
                      key={g.title}
                      caption={g.title}
                      head={g.head}
                      countHead={t.stats.count}
                      rows={g.rows}
                    />
                  ),
                )}
              </div>
            </>
          )}
        </>
      )}

      <h2>
        {t.stats.committees}: {year}
      </h2>
      {view === 'chart' ? (
        <CommitteeChart stats={data} year={year} />
      ) : (
        <CommitteeTable stats={data} year={year} />
      )}
    </section>
  );
}

function CommitteeChart({ stats, year }: { stats: Stats; year: string }) {
  const { t, lang } = useSession();
  return (
    <figure className="stacked-chart">
      <figcaption>
        <ul className="legend">
          {STATUS_ORDER.map((s) => (
            <li key={s}>
              <span className={`legend-swatch status-fill-${s}`} aria-hidden="true" />
              {t.status[s]}
            </li>
          ))}
        </ul>
      </figcaption>
      <ul>
        {stats.committees.map((c) => {
          const counts = c.countsByYear[year];
          const total = counts ? STATUS_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0) : 0;
          return (
            <li key={c.id} className="bar-row">
              <span className="bar-label">{committeeName(c, lang, 'short')}</span>
              <span className="status-bar" aria-hidden="true">
                {counts &&
                  STATUS_ORDER.map((s) =>
                    counts[s] ? (
                      <span
                        key={s}
                        className={`status-bar-part status-fill-${s}`}
                        style={{ flexGrow: counts[s] }}
                      />
                    ) : null,
                  )}
              </span>
              <span className="bar-value">
                {counts
                  ? STATUS_ORDER.map((s) => `${t.status[s]}: ${counts[s] ?? 0}`).join(', ')
                  : t.stats.noValue}
                {counts ? ` (${t.stats.total}: ${total})` : ''}
                {c.casesByYear ? ` · ${t.stats.committeeCases}: ${c.casesByYear[year] ?? 0}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

function CommitteeTable({ stats, year }: { stats: Stats; year: string }) {
  const { t, lang } = useSession();
  return (
    <div className="table-scroll">
      <Table size="small">
        <caption>{`${t.stats.committees}: ${year}`}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.stats.committee}</TableHeaderCell>
            {STATUS_ORDER.map((s) => (
              <TableHeaderCell key={s}>{t.status[s]}</TableHeaderCell>
            ))}
            <TableHeaderCell>{t.stats.total}</TableHeaderCell>
            <TableHeaderCell>{t.stats.committeeCases}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {stats.committees.map((c) => {
            const counts = c.countsByYear[year];
            return (
              <TableRow key={c.id}>
                <TableCell>{committeeName(c, lang, 'short')}</TableCell>
                {STATUS_ORDER.map((s) => (
                  <TableCell key={s} className="num">
                    {counts ? (counts[s] ?? 0) : '–'}
                  </TableCell>
                ))}
                <TableCell className="num">
                  {counts ? STATUS_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0) : '–'}
                </TableCell>
                <TableCell className="num">{c.casesByYear ? (c.casesByYear[year] ?? 0) : '–'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
