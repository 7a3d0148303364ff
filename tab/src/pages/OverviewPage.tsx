import { useEffect, useMemo, useState } from 'react';
import { Badge, Link, Spinner } from '@fluentui/react-components';
import { api } from '../api/client';
import type { CommitteeSummary, MeasureStatus } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterBar } from '../components/FilterBar';
import { LabeledSelect } from '../components/LabeledSelect';
import { SearchField } from '../components/SearchField';
import { STATUS_ORDER, StatusCounts } from '../components/StatusCounts';
import { currentYear, includesText, yearsOf } from '../format';
import { href } from '../router';
import { Panel } from '../components/Panel';
import { useLoad, useSession } from '../session';
import { forumById } from '../../../bot/domain/forums/forums';
import { committeeName, PRIORITY_GROUPS } from '../referenceLabels';

/** Personal tab: every committee's status counts for a year, with filters, each opening its board. */
export function OverviewPage() {
  const { t, lang } = useSession();
  // Until the first answer says which year has statuses, the overview asks for the default year.
  const [chosenYear, setYear] = useState<number>();
  const [group, setGroup] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const committees = useLoad(() => api.committees(chosenYear), [chosenYear]);
  // Shown only once the counts are for the chosen year (not the first answer's default years).
  const loaded = committees.data?.every((c) => c.year === chosenYear) ? committees.data : undefined;
  const all = loaded ?? [];
  const year = chosenYear ?? currentYear();
  useEffect(() => {
    if (chosenYear === undefined && committees.data) setYear(openingYear(committees.data));
  }, [chosenYear, committees.data]);

  const shown = useMemo(
    () =>
      all.filter(
        (c) =>
          (!group || (c.priorityGroups as string[]).includes(group)) &&
          (!status || (c.counts[status as MeasureStatus] ?? 0) > 0) &&
          includesText([c.name, c.shortName, committeeName(c, lang), c.leader, c.deputy, c.kind], query),
      ),
    [all, group, status, query, lang],
  );

  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t.overview.title}</h1>
      <FilterBar label={t.overview.filters}>
        <LabeledSelect
          label={t.year}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={yearsOf(all, year).map((y) => ({ value: String(y), label: String(y) }))}
          testId="year"
        />
        <LabeledSelect
          label={t.overview.group}
          value={group}
          onChange={setGroup}
          options={[
            { value: '', label: t.overview.allGroups },
            ...PRIORITY_GROUPS.map((g) => ({ value: g.value, label: g.label[lang] })),
          ]}
        />
        <LabeledSelect
          label={t.overview.status}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t.overview.allStatuses },
            ...STATUS_ORDER.map((s) => ({ value: s, label: t.status[s] })),
          ]}
        />
        <SearchField
          label={t.search}
          placeholder={t.overview.searchPlaceholder}
          value={query}
          onChange={setQuery}
        />
      </FilterBar>
      {committees.error !== undefined && (
        <ErrorMessage error={committees.error} onRetry={committees.reload} />
      )}
      {!loaded && committees.error === undefined && <Spinner label={t.loading} />}
      {loaded && (
        <>
          <p role="status" className="muted">
            {t.overview.shown(shown.length, all.length)}
          </p>
          <p className="muted">{t.overview.notAssessedMeans}</p>
          {shown.length === 0 ? (
            <p>{t.overview.none}</p>
          ) : (
            <ul className="committee-grid" aria-busy={committees.loading}>
              {shown.map((c) => (
                <li key={c.id}>
                  <CommitteeCard committee={c} year={year} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/**
 * The year the overview opens on: the latest year any committee has set a status for (so it does not
 * open on a year where every count is "not assessed"), else the current year.
 */
function openingYear(committees: CommitteeSummary[]): number {
  const years = committees.map((c) => c.latestStatusYear).filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : currentYear();
}

function CommitteeCard({ committee: c, year }: { committee: CommitteeSummary; year: number }) {
  const { t, lang } = useSession();
  const inPeriod = year >= (c.firstStatusYear ?? c.periodStart) && year <= c.periodEnd;
  const name = committeeName(c, lang, 'short');
  // A working group sits right after its committee (the API's order) and says whose it is.
  const parent = c.parentId ? forumById(c.parentId) : undefined;
  return (
    <Panel className={parent ? 'committee-card working-group' : 'committee-card'} data-committee={c.id}>
      <h2 className="card-title">
        <Link href={href.board(c.id)} aria-label={t.overview.open(name)}>
          {name}
        </Link>
      </h2>
      {parent && <p className="muted">{t.overview.workingGroupUnder(parent.name[lang])}</p>}
      <div className="card-meta">
        <Badge appearance="outline" color="informative" title={t.committeeKind[c.kind]}>
          {c.kind === 'working_group' ? t.committeeKind.working_group : c.kind}
        </Badge>
        <span>
          {t.board.period} {c.periodStart}–{c.periodEnd}
        </span>
      </div>
      {(c.leader || c.deputy) && (
        <dl className="people">
          {c.leader && (
            <>
              <dt>{t.board.leader}</dt>
              <dd>{c.leader}</dd>
            </>
          )}
          {c.deputy && (
            <>
              <dt>{t.board.deputy}</dt>
              <dd>{c.deputy}</dd>
            </>
          )}
        </dl>
      )}
      {inPeriod ? (
        <StatusCounts counts={c.counts} label={t.overview.countsFor(String(year))} />
      ) : (
        <p className="muted">{t.overview.outsidePeriod(String(year))}</p>
      )}
      {c.caseCount !== null && (
        <p className="case-count" data-testid="case-count">
          {t.overview.caseCount(String(year), c.caseCount)}
        </p>
      )}
    </Panel>
  );
}
