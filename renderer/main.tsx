import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseRoute } from './app/hashRoute';
import { preopenCollaboration } from './document/useCollaboration';
import { initI18n } from './i18n/i18n';
import { getSession, membershipFor } from './session/session';
import './styles/app.css';

const route = parseRoute(window.location.hash);
const membership = route.page === 'document' ? membershipFor(route.documentId) : undefined;
if (membership && getSession().displayName !== null) preopenCollaboration(membership);

void initI18n().then(() => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App />);
});
