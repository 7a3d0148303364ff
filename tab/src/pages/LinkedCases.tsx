import { Link } from '@fluentui/react-components';
import type { LinkedCase } from '../api/types';
import { caseStateLabel } from '../caseTexts';
import { href } from '../router';
import { useSession } from '../session';

/** The cases a measure came from or works on (number, title, state), each opening the case. */
export function LinkedCases({ cases }: { cases: readonly LinkedCase[] | undefined }) {
  const { t, lang } = useSession();
  if (!cases?.length) return null;
  return (
    <div className="linked-cases" data-testid="linked-cases">
      <span className="muted" aria-hidden="true">
        {t.caseMeasures.linkedCases}:
      </span>
      <ul aria-label={t.caseMeasures.linkedCases}>
        {cases.map((c) => (
          <li key={c.number} data-case={c.number}>
            <Link href={href.case(c.number)}>{c.number}</Link> <span className="user-text">{c.title}</span>{' '}
            <span className="muted">({caseStateLabel(c.state, lang)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
