import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { updateSession, useSession } from '../session/session';
import { DocumentPage } from '../pages/DocumentPage';
import { HomePage } from '../pages/HomePage';
import { JoinPage } from '../pages/JoinPage';
import { AccessPage } from '../pages/AccessPage';
import { NamePrompt } from '../pages/NamePrompt';
import { MinutesPage } from '../negotiation/MinutesPage';
import { ReviewPage } from '../review/ReviewPage';
import { ReviewQueuePage } from '../review/ReviewQueuePage';
import { DialoguePage } from '../dialogue/DialoguePage';
import { DialoguesPage } from '../dialogue/DialoguesPage';
import { PublicAnswersPage } from '../dialogue/PublicAnswersPage';
import { PublicSubmitPage } from '../dialogue/PublicSubmitPage';
import { navigate, useRoute } from './hashRoute';

// The wizard brings the whole template library (half a megabyte): loaded when first opened.
const NewDocumentWizard = lazy(() => import('../wizard/NewDocumentWizard').then((module) => ({ default: module.NewDocumentWizard })));

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const session = useSession();

  useEffect(() => {
    if (route.page !== 'host') return;
    // The host link printed by server mode: remember the token, then drop it from the address bar.
    updateSession((current) => ({ ...current, hostToken: route.token }));
    navigate({ page: 'home' });
  }, [route]);

  // A worker opening a dialogue's link needs no account, not even a display name.
  if (route.page === 'ask') return <PublicSubmitPage key={route.code} code={route.code} />;
  if (route.page === 'answers') return <PublicAnswersPage key={route.code} code={route.code} />;
  if (session.displayName === null) return <NamePrompt />;
  switch (route.page) {
    case 'join':
      // Another link opened in the same tab starts afresh: no refusal of the code before it stays.
      return <JoinPage key={route.code} code={route.code} />;
    case 'access':
      return <AccessPage code={route.code} />;
    case 'document':
      return <DocumentPage documentId={route.documentId} />;
    case 'new':
      return (
        <Suspense fallback={<p className="page-loading">{t('common.loading')}</p>}>
          <NewDocumentWizard />
        </Suspense>
      );
    case 'review':
      return <ReviewQueuePage />;
    case 'reviewDocument':
      return <ReviewPage documentId={route.documentId} />;
    case 'minutes':
      return <MinutesPage documentId={route.documentId} />;
    case 'dialogues':
      return <DialoguesPage />;
    case 'dialogue':
      return <DialoguePage key={route.dialogueId} dialogueId={route.dialogueId} />;
    default:
      return <HomePage />;
  }
}
