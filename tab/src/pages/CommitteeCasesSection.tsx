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
import { api, ApiError } from '../api/client';
import { caseStateLabel } from '../caseTexts';
import { DeliveredToNobodyBadge, DeliveredToNobodyNotice } from '../components/DeliveredToNobody';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDate } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';

/**
 * The cases the committee has, on its page, for its members and the secretariat. The server decides
 * who may see them; for anyone else it answers 403 and the section is left out.
 */
export function CommitteeCasesSection({ committeeId }: { committeeId: string }) {
  const { t, lang } = useSession();
  const cases = useLoad(() => api.committeeCases(committeeId), [committeeId]);
  if (cases.error instanceof ApiError && cases.error.status === 403) return null;

  return (
    <section aria-labelledby="committee-cases-title" className="committee-cases no-print">
      <h2 id="committee-cases-title">{t.board.cases}</h2>
      {cases.error !== undefined && <ErrorMessage error={cases.error} onRetry={cases.reload} />}
      {!cases.data && cases.loading && <Spinner size="small" label={t.loading} />}
      {cases.data &&
        (cases.data.length === 0 ? (
          <p>{t.board.noCases}</p>
        ) : (
          <div className="table-scroll">
            <Table aria-labelledby="committee-cases-title" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.cases.number}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.title}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.state}</TableHeaderCell>
                  <TableHeaderCell>{t.cases.submitted}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {cases.data.map((c) => (
                  <TableRow key={c.number} data-case={c.number}>
                    <TableCell>
                      <Link href={href.case(c.number)}>{c.number}</Link>
                    </TableCell>
                    <TableCell className="user-text">{c.title}</TableCell>
                    <TableCell>
                      {caseStateLabel(c.state, lang)} {c.deliveredToNobody && <DeliveredToNobodyBadge />}
                    </TableCell>
                    <TableCell>{formatDate(c.submittedAt, lang)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {cases.data.some((c) => c.deliveredToNobody) && <DeliveredToNobodyNotice />}
          </div>
        ))}
    </section>
  );
}
