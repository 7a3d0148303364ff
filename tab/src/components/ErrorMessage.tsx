import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../api/client';
import type { Texts } from '../texts';
import { useSession } from '../session';

/** The person's own-language text for an API error code where there is one, else the server's words. */
export function errorText(error: unknown, t: Texts): string {
  if (error instanceof ApiError) {
    const own = t.errors[error.code] ?? (error.status === 401 ? t.errors.unauthorized : undefined);
    if (!own) return error.message || t.errors.generic!;
    // Bad input: the server's words say what was wrong.
    if ((error.code === 'validation' || error.code === 'bad_request') && error.message)
      return `${own} ${error.message}`;
    return own;
  }
  return t.errors.generic!;
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useSession();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{errorText(error, t)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
