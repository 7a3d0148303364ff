import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { download } from '../api/client';
import { useSession } from '../session';
import { ErrorMessage } from './ErrorMessage';

/** Downloads one of the API's CSV exports (fetched with the auth header, then saved from a Blob). */
export function DownloadButton({ path, fileName, label }: { path: string; fileName: string; label: string }) {
  const { t } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      <Button
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          download(path, fileName).then(
            () => setBusy(false),
            (err: unknown) => {
              setError(err);
              setBusy(false);
            },
          );
        }}
      >
        {busy ? t.loading : label}
      </Button>
      {error !== undefined && <ErrorMessage error={error} />}
    </>
  );
}
