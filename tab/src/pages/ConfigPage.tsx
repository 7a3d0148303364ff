import { useEffect, useRef, useState } from 'react';
import { Link, Spinner } from '@fluentui/react-components';
import { subEntityId } from '../../../bot/domain/tabTarget';
import { api } from '../api/client';
import { isInTeams } from '../auth/identity';
import { ErrorMessage } from '../components/ErrorMessage';
import { LabeledSelect } from '../components/LabeledSelect';
import { currentYear } from '../format';
import { href } from '../router';
import { useLoad, useSession } from '../session';
import { registerConfigSave, setConfigValid, type TabConfig } from '../teamsHost';
import type { CommitteeSummary } from '../api/types';
import { type Texts } from '../texts';
import { committeeName } from '../referenceLabels';
import type { Lang } from '../../../bot/domain/i18n/language';

/**
 * What Teams saves for the channel tab: it opens straight on the committee's board (its stable hash
 * route), in Teams and, from the tab's "open in browser", outside it too.
 */
function tabConfig(c: CommitteeSummary, lang: Lang, t: Texts): TabConfig {
  const boardUrl = `${window.location.origin}${window.location.pathname}${href.board(c.id)}`;
  return {
    entityId: subEntityId({ kind: 'board', committeeId: c.id }),
    contentUrl: boardUrl,
    websiteUrl: boardUrl,
    suggestedDisplayName: t.config.tabName(committeeName(c, lang, 'short')).slice(0, 100),
  };
}

/** "FSU Rehabilitering"; a working group by its own kind word, so it is not taken for a 13th FSU. */
function committeeOption(c: CommitteeSummary, lang: Lang, t: Texts): string {
  const kind = c.kind === 'working_group' ? t.committeeKind.working_group : c.kind;
  return `${kind} ${committeeName(c, lang, 'short')}`;
}

/** The channel tab's configuration page: the team picks its committee. */
export function ConfigPage() {
  const { t, lang } = useSession();
  const committees = useLoad(() => api.committees(currentYear()), []);
  const [chosenId, setChosenId] = useState('');
  const chosenRef = useRef<CommitteeSummary | undefined>(undefined);
  const chosen = committees.data?.find((c) => c.id === chosenId);
  chosenRef.current = chosen;
  const textsRef = useRef({ t, lang });
  textsRef.current = { t, lang };

  useEffect(() => {
    void registerConfigSave(() =>
      chosenRef.current ? tabConfig(chosenRef.current, textsRef.current.lang, textsRef.current.t) : undefined,
    );
  }, []);

  useEffect(() => {
    setConfigValid(!!chosen);
  }, [chosen]);

  return (
    <section aria-labelledby="config-title" className="config">
      <h1 id="config-title">{t.config.title}</h1>
      {committees.error !== undefined && (
        <ErrorMessage error={committees.error} onRetry={committees.reload} />
      )}
      {!committees.data && committees.loading && <Spinner label={t.loading} />}
      {committees.data && (
        <LabeledSelect
          label={t.config.committee}
          value={chosenId}
          onChange={setChosenId}
          testId="config-committee"
          options={[
            { value: '', label: t.config.choose },
            ...committees.data.map((c) => ({ value: c.id, label: committeeOption(c, lang, t) })),
          ]}
        />
      )}
      {chosen && (
        <div role="status">
          <p>{t.config.chosen(committeeName(chosen, lang))}</p>
          {isInTeams() ? (
            <p className="muted">{t.config.teamsHint}</p>
          ) : (
            <p>
              <span className="muted">{t.config.browserHint}</span>{' '}
              <Link href={href.board(chosen.id)}>{t.config.open}</Link>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
