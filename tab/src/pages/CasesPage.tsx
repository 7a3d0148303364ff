import { useMemo, useState } from 'react';
import {
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
import { DownloadButton } from '../components/DownloadButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { FilterBar } from '../components/FilterBar';
import { LabeledSelect } from '../components/LabeledSelect';
import { SearchField } from '../components/SearchField';
import { formatDate, includesText } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { caseStateLabel } from '../caseTexts';
import { FORUMS, forumLabel } from '../referenceLabels';

const NO_FORUM = '-';

/** The secretariat's list of all cases, or the cases the person submitted. */
export function CasesPage() {
  const { t, lang, me } = useSession();
  const cases = useLoad(() => api.cases(), []);
  const [state, setState] = useState('');
  const [forum, setForum] = useState('');
  const [query, setQuery] = useState('');
  const all = me.canViewAllCases;

  const shown = useMemo(
    () =>
      (cases.data ?? [])
        .filter(
          (c) =>
            (!state || c.state === state) &&
            (!forum || (forum === NO_FORUM ? !c.forum : c.forum === forum)) &&
            includesText([c.number, c.title, c.submitterName], query),
        )
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
    [cases.data, state, forum, query],
  );

  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{all ? t.cases.titleAll : t.cases.titleMine}</h1>
      <FilterBar label={t.overview.filters}>
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
      {cases.error !== undefined && <ErrorMessage error={cases.error} onRetry={cases.reload} />}
      {!cases.data && cases.loading && <Spinner label={t.loading} />}
      {cases.data &&
        (shown.length === 0 ? (
          <p>{cases.data.length === 0 && !all ? t.cases.noneMine : t.cases.none}</p>
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
    </section>
  );
}
