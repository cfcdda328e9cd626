import { useEffect } from 'react';
import { updateSession, useSession } from '../session/session';
import { DocumentPage } from '../pages/DocumentPage';
import { HomePage } from '../pages/HomePage';
import { JoinPage } from '../pages/JoinPage';
import { NamePrompt } from '../pages/NamePrompt';
import { MinutesPage } from '../negotiation/MinutesPage';
import { NewDocumentWizard } from '../wizard/NewDocumentWizard';
import { ReviewPage } from '../review/ReviewPage';
import { ReviewQueuePage } from '../review/ReviewQueuePage';
import { navigate, useRoute } from './hashRoute';

export function App() {
  const route = useRoute();
  const session = useSession();

  useEffect(() => {
    if (route.page !== 'host') return;
    // The host link printed by server mode: remember the token, then drop it from the address bar.
    updateSession((current) => ({ ...current, hostToken: route.token }));
    navigate({ page: 'home' });
  }, [route]);

  if (session.displayName === null) return <NamePrompt />;
  switch (route.page) {
    case 'join':
      return <JoinPage code={route.code} />;
    case 'document':
      return <DocumentPage documentId={route.documentId} />;
    case 'new':
      return <NewDocumentWizard />;
    case 'review':
      return <ReviewQueuePage />;
    case 'reviewDocument':
      return <ReviewPage documentId={route.documentId} />;
    case 'minutes':
      return <MinutesPage documentId={route.documentId} />;
    default:
      return <HomePage />;
  }
}
