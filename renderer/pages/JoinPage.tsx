import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantClient } from '../api/apiClients';
import { navigate } from '../app/hashRoute';
import { AppHeader } from '../components/AppHeader';
import { ErrorNotice } from '../components/ErrorNotice';
import { saveMembership, useSession } from '../session/session';

/** Opening an invitation link: redeem the code for a token of that side, then open the document. */
export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const redeemed = await participantClient().call('invitations/redeem', { code, displayName: session.displayName ?? '' });
      saveMembership({
        documentId: redeemed.document.id,
        documentTitle: redeemed.document.title,
        token: redeemed.token,
        participantId: redeemed.participant.id,
        side: redeemed.participant.side,
        displayName: redeemed.participant.displayName,
      });
      navigate({ page: 'document', documentId: redeemed.document.id });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AppHeader />
      <main className="page narrow">
        <h1>{t('join.title')}</h1>
        <p>{t('join.explain', { name: session.displayName ?? '' })}</p>
        <p className="invitation-code">{code}</p>
        <ErrorNotice error={error} />
        <button type="button" className="primary" onClick={() => void join()} disabled={busy}>
          {busy ? t('join.joining') : t('join.action')}
        </button>
      </main>
    </>
  );
}
