import { Badge, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useSession } from '../session';

/**
 * A routed case that nobody in its forum's leadership was given (nobody holds the roles or has the
 * app installed): the mark beside its state, and the notice saying what to do about it.
 */
export function DeliveredToNobodyBadge() {
  const { t } = useSession();
  return (
    <Badge appearance="tint" color="danger" className="delivered-to-nobody">
      {t.cases.deliveredToNobody}
    </Badge>
  );
}

export function DeliveredToNobodyNotice() {
  const { t } = useSession();
  return (
    <MessageBar intent="warning" layout="multiline" className="delivered-to-nobody-notice">
      <MessageBarBody>
        <MessageBarTitle>{t.cases.deliveredToNobody}</MessageBarTitle> {t.cases.deliveredToNobodyHelp}
      </MessageBarBody>
    </MessageBar>
  );
}
