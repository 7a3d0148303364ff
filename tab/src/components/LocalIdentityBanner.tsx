import { useId } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import type { Lang } from '../../../bot/domain/i18n/language';
import { roleLabel } from '../../../bot/domain/roles/roleLabels';
import type { LocalPerson } from '../api/types';
import { type Texts } from '../texts';
import { forumLabel } from '../referenceLabels';

/** The person's roles as people say them, with the committee's name for a committee role. */
function rolesOf(person: LocalPerson, lang: Lang): string {
  return person.roles
    .map((r) =>
      r.scope && r.scope !== '*'
        ? `${roleLabel(r.role, lang)} (${forumLabel(r.scope, lang)})`
        : roleLabel(r.role, lang),
    )
    .join(', ');
}

/** Local identity mode (plain browser, development only): a visible warning and a person picker. */
export function LocalIdentityBanner({
  t,
  lang,
  people,
  currentId,
  onPick,
}: {
  t: Texts;
  lang: Lang;
  people: LocalPerson[] | undefined;
  currentId: string | undefined;
  onPick: (person: LocalPerson) => void;
}) {
  const selectId = useId();
  const known = people?.some((p) => p.personId === currentId);
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      className="local-banner"
      data-testid="local-identity-banner"
    >
      <MessageBarBody>
        <MessageBarTitle>{t.localBanner}</MessageBarTitle>
        {people && (
          <span className="local-picker">
            <label htmlFor={selectId}>{t.localPerson}</label>
            <Select
              id={selectId}
              value={known ? currentId : ''}
              onChange={(_e, data) => {
                const person = people.find((p) => p.personId === data.value);
                if (person) onPick(person);
              }}
            >
              <option value="" disabled>
                {currentId && !known ? currentId : t.localPick}
              </option>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.name}
                  {p.roles.length ? ` – ${rolesOf(p, lang)}` : ''}
                </option>
              ))}
            </Select>
          </span>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
