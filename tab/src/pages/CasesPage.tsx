import { useState } from 'react';
import {
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { CASE_STATES } from '../../../bot/domain/cases/caseModel';
import { api, exportPaths } from '../api/client';
import type { CaseSummary } from '../api/types';
import { DownloadButton } from '../components/DownloadButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterBar } from '../components/FilterBar';
import { LabeledSelect } from '../components/LabeledSelect';
import { SearchField } from '../components/SearchField';
import { currentYear, formatDate, includesText } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { caseStateLabel } from '../caseTexts';
import { FORUMS, forumLabel } from '../referenceLabels';

/** The API's word for "no forum yet" in `?forum=`. */
const NO_FORUM = 'none';
/** The years offered in the year filter: this year and the ones before it. */
const YEARS_OFFERED = 6;

/**
 * The secretariat's list of all cases, or the cases the person submitted (and their committees'),
 * a page at a time, newest first: year, state and forum filter on the server, "Vis fleire" fetches
 * the next page. The search narrows the cases loaded so far.
 */
export function CasesPage() {
  const { t, lang, me } = useSession();
  const [year, setYear] = useState('');
  const [state, setState] = useState('');
  const [forum, setForum] = useState('');
  const [query, setQuery] = useState('');
  const all = me.canViewAllCases;
  const filters = { year, state, forum };
  const first = useLoad(() => api.cases(filters), [year, state, forum]);
  // Pages after the first, with where the next one starts; reset whenever the first page changes.
  const [more, setMore] = useState<{ from: unknown; cases: CaseSummary[]; next: string | null }>();
  const [moreError, setMoreError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more && more.from === first.data ? more : undefined;
  const loaded = [...(first.data?.cases ?? []), ...(extra?.cases ?? [])];
  const next = extra ? extra.next : (first.data?.next ?? null);

  async function showMore() {
    if (!next) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.cases({ ...filters, cursor: next });
      setMore({ from: first.data, cases: [...(extra?.cases ?? []), ...page.cases], next: page.next });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  const shown = loaded.filter((c) => includesText([c.number, c.title, c.submitterName], query));
  const thisYear = currentYear();
  const filtered = year !== '' || state !== '' || forum !== '';

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{all ? t.cases.titleAll : t.cases.titleMine}</h1>
      <FilterBar label={t.overview.filters}>
        <LabeledSelect
          label={t.cases.year}
          value={year}
          onChange={setYear}
          options={[
            { value: '', label: t.cases.allYears },
            ...Array.from({ length: YEARS_OFFERED }, (_, i) => String(thisYear - i)).map((y) => ({
              value: y,
              label: y,
            })),
          ]}
        />
        <LabeledSelect
          label={t.cases.state}
          value={state}
          onChange={setState}
          options={[
            { value: '', label: t.cases.allStates },
            ...CASE_STATES.map((s) => ({ value: s, label: caseStateLabel(s, lang) })),
          ]}
        />
        <LabeledSelect
          label={t.cases.forum}
          value={forum}
          onChange={setForum}
          options={[
            { value: '', label: t.cases.allForums },
            { value: NO_FORUM, label: t.cases.noForum },
            ...FORUMS.map((f) => ({ value: f.value, label: f.label[lang] })),
          ]}
        />
        <SearchField
          label={t.search}
          placeholder={t.cases.searchPlaceholder}
          value={query}
          onChange={setQuery}
        />
      </FilterBar>
      {all && (
        <div className="toolbar no-print">
          <DownloadButton path={exportPaths.cases(lang)} fileName="saker.csv" label={t.cases.exportCsv} />
        </div>
      )}
      {first.error !== undefined && <ErrorMessage error={first.error} onRetry={first.reload} />}
      {!first.data && first.loading && <Spinner label={t.loading} />}
      {first.data &&
        (shown.length === 0 ? (
          <p>{loaded.length === 0 && !all && !filtered ? t.cases.noneMine : t.cases.none}</p>
        ) : (
          <div className="table-scroll">
            <Table aria-labelledby="cases-title" className="cases-table">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.cases.number}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.title}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.state}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.forum}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.submitted}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.age}</TableHeaderCell>
                  {all && <TableHeaderCell>{t.cases.submitter}</TableHeaderCell>}
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((c) => (
                  <TableRow key={c.number} data-case={c.number}>
                    <TableCell>
                      <Link href={href.case(c.number)}>{c.number}</Link>
                    </TableCell>
                    <TableCell className="user-text">{c.title}</TableCell>
                    <TableCell>{caseStateLabel(c.state, lang)}</TableCell>
                    <TableCell>{forumLabel(c.forum, lang)}</TableCell>
                    <TableCell>{formatDate(c.submittedAt, lang)}</TableCell>
                    <TableCell>{t.cases.days(c.ageDays)}</TableCell>
                    {all && <TableCell>{c.submitterName}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      {loaded.length > 0 && (
        <div className="toolbar no-print">
          <span aria-live="polite">{t.cases.shownCount(loaded.length)}</span>
          {next && (
            <Button onClick={() => void showMore()} disabled={loadingMore}>
              {t.cases.showMore}
            </Button>
          )}
          {loadingMore && <Spinner size="tiny" label={t.loading} />}
        </div>
      )}
      {moreError !== undefined && <ErrorMessage error={moreError} onRetry={() => void showMore()} />}
    </section>
  );
}
