import { useTranslation } from 'react-i18next';
import { serverUrl } from '../api/apiClients';
import { routeHash } from '../app/hashRoute';
import type { DialogueActions } from './dialogueActions';

/** The code and links to hand to the workers, and opening or closing submissions (either side). */
export function SubmissionLinkPanel({ client, view, run }: DialogueActions) {
  const { t } = useTranslation();
  const { code } = view;
  const open = view.dialogue.submissionsOpen;
  const toggle = () => run(() => client.call('dialogues/submissionLink', { dialogueId: view.dialogue.id, open: !open }));
  if (view.role === 'reader') return null;
  return (
    <section className="submission-link" data-testid="submission-link">
      <h2>{t('dialogue.link.title')}</h2>
      <p className="hint">{t('dialogue.link.explain')}</p>
      {code && (
        <>
          <p className="invitation-code" data-testid="dialogue-code">
            {t('dialogue.link.code', { code })}
          </p>
          <ul>
            <li>
              {t('dialogue.link.submitLink')}: <a href={routeHash({ page: 'ask', code })}>{`${serverUrl()}/${routeHash({ page: 'ask', code })}`}</a>
            </li>
            <li>
              {t('dialogue.link.publicLink')}: <a href={routeHash({ page: 'answers', code })}>{`${serverUrl()}/${routeHash({ page: 'answers', code })}`}</a>
            </li>
          </ul>
        </>
      )}
      <p>
        <strong>{open ? t('dialogue.link.open') : t('dialogue.link.closed')}</strong>{' '}
        <button type="button" onClick={() => void toggle()}>
          {open ? t('dialogue.link.closeAction') : t('dialogue.link.openAction')}
        </button>
      </p>
    </section>
  );
}
