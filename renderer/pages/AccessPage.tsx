import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { updateSession, useSession } from '../session/session';

/**
 * Opening the operator's invitation link (hosted mode): the code is redeemed once for a host
 * token of a workspace, which opens the start page, or for a reviewer token of a labour
 * authority, which opens the authority's review queue.
 */
export function AccessPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      const redeemed = await participantClient().call('access/redeem', { code, displayName: session.displayName ?? '' });
      if (redeemed.kind === 'host') {
        updateSession((current) => ({ ...current, hostToken: redeemed.token }));
        navigate({ page: 'home' });
      } else {
        updateSession((current) => ({ ...current, authority: { token: redeemed.token, name: redeemed.authority.name } }));
        navigate({ page: 'review' });
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader />
      <main className="page narrow" data-testid="access-page">
        <h1>{t('access.title')}</h1>
        <p>{t('access.explain', { name: session.displayName ?? '' })}</p>
        <p className="invitation-code">{code}</p>
        <ErrorNotice error={error} />
        <button type="button" className="primary" onClick={() => void accept()} disabled={busy}>
          {busy ? t('access.joining') : t('access.action')}
        </button>
      </main>
    </>
  );
}
