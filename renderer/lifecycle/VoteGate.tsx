import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { LifecycleView, OpenItems } from '#shared/api/lifecycle';
import { formatCitation } from '#shared/compliance/citations';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { useLanguage } from '../i18n/i18n';

/** What is still open before the vote, fetched from the server (which decides with the same rules); fetched again on `refresh`. */
export function useOpenItems(
  client: ApiClient,
  documentId: string,
  version: number,
): { items: OpenItems | null; error: unknown; refresh: () => Promise<OpenItems | null> } {
  const [items, setItems] = useState<OpenItems | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(async (): Promise<OpenItems | null> => {
    try {
      const fetched = await client.call('lifecycle/openItems', { documentId });
      setItems(fetched);
      setError(null);
      return fetched;
    } catch (caught) {
      setError(caught);
      return null;
    }
  }, [client, documentId]);
  useEffect(() => {
    void refresh();
  }, [refresh, version]);
  return { items, error, refresh };
}

/** The violations of the law open now, by their rules' titles and articles. */
export function OpenViolations({ items }: { items: OpenItems }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.violations.length === 0) return <p className="muted">{t('lifecycle.gate.noViolations')}</p>;
  return (
    <>
      <h4>{t('lifecycle.gate.violationsTitle')}</h4>
      <ul className="gate-violations" data-testid="gate-violations">
        {items.violations.map((violation, index) => (
          <li key={index}>
            {violation.rule[language]} —{' '}
            {violation.articles.length > 0
              ? violation.articles.map((article) => t('negotiation.articleRef', article)).join('; ')
              : t('lifecycle.gate.wholeDocument')}{' '}
            <span className="citation">{formatCitation(violation.citation, language)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('lifecycle.gate.violationsNote')}</p>
    </>
  );
}

export interface VoteGateProps {
  client: ApiClient;
  view: LifecycleView;
  items: OpenItems;
  refresh: () => Promise<OpenItems | null>;
  onStep: (view: LifecycleView) => void;
}

/**
 * Before the draft goes to the vote, for both sides: how many articles are agreed, the ones that
 * are not (and which the union left out of the agreement, Art. 71), and the violations of the law
 * still open. The union leaves articles out or takes them back here; the employer sees it.
 */
export function VoteGate({ client, view, items, refresh, onStep }: VoteGateProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useAttemptError(reason);
  const [busy, setBusy] = useState(false);
  const canLeaveOut = view.openSteps.includes('leave_out_article');
  const act = async (step: { type: 'leave_out_article'; clauseId: string; reason?: string } | { type: 'withdraw_leave_out'; clauseId: string }) => {
    setBusy(true);
    setError(null);
    try {
      onStep(await client.call('lifecycle/step', { documentId: view.documentId, step }));
      setReason('');
      await refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="vote-gate" data-testid="vote-gate">
      <h3>{t('lifecycle.gate.title')}</h3>
      <p data-testid="gate-counts">{t('lifecycle.gate.counts', { agreed: items.agreedCount, count: items.articleCount })}</p>
      {items.notAgreed.length > 0 && (
        <>
          <h4>{t('lifecycle.gate.notAgreedTitle')}</h4>
          {canLeaveOut && (
            <label>
              {t('lifecycle.gate.leaveOutReason')}
              <input value={reason} onChange={(event) => setReason(event.target.value)} />
            </label>
          )}
          <ul className="gate-articles" data-testid="gate-articles">
            {items.notAgreed.map((article) => (
              <li key={article.clauseId} data-testid="gate-article" data-left-out={article.leftOut ? 'yes' : 'no'}>
                <span>{t('negotiation.articleRef', { number: article.number, title: article.title })}</span>{' '}
                <span className="muted">
                  {article.leftOut
                    ? `${t('lifecycle.gate.leftOut', { name: article.leftOut.byName ?? t('lifecycle.host'), date: formatIsoDate(article.leftOut.on) })}${article.leftOut.reason ? ` — ${t('lifecycle.gate.leftOutReason', { reason: article.leftOut.reason })}` : ''}`
                    : t(`lifecycle.gate.status.${article.status}`)}
                </span>
                {canLeaveOut && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void act(
                        article.leftOut
                          ? { type: 'withdraw_leave_out', clauseId: article.clauseId }
                          : { type: 'leave_out_article', clauseId: article.clauseId, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                      )
                    }
                  >
                    {article.leftOut ? t('lifecycle.gate.takeBack') : t('lifecycle.gate.leaveOut')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <p className="muted">{t('lifecycle.gate.leaveOutNote')}</p>
        </>
      )}
      <p className={items.blockingCount > 0 ? 'notice' : 'muted'} data-testid="gate-summary">
        {items.blockingCount > 0 ? t('lifecycle.gate.blocking', { count: items.blockingCount }) : t('lifecycle.gate.ready')}
      </p>
      <OpenViolations items={items} />
      <ErrorNotice error={error} />
      <button type="button" onClick={() => void refresh()}>
        {t('lifecycle.gate.refresh')}
      </button>
    </section>
  );
}
