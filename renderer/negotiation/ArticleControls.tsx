import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '#shared/api/client';
import type { ArticleNegotiation, BargainingSide } from '#shared/negotiation/model';
import { shownArticleStatus } from '#shared/negotiation/suggestionPositions';
import { useNegotiationView } from './negotiationView';
import { reopenedLabel } from './reopenedLabel';

/** A short form asking why (a reason required, or optional), sent or cancelled. */
function ReasonForm({
  label,
  submitLabel,
  isRequired,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  isRequired: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <form
      className="stacked-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(reason.trim()).catch(() => undefined);
      }}
    >
      <label>
        {label}
        <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={isRequired && reason.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * An article's status and what this side may do about it: mark it agreed or disputed while it is
 * open; once both sides agreed it, it is locked, and reopening takes both sides' consent: one side
 * asks, with its reason, the other accepts or declines. A disputed article is reopened by either.
 * An agreed article holding pending suggestions reads open, reopened by them, and stays locked.
 */
export function ArticleControls({
  clauseId,
  status,
  suggestingSides,
  client,
  documentId,
}: {
  clauseId: string;
  status: ArticleNegotiation | undefined;
  /** The sides whose pending suggestions are their position on the article. */
  suggestingSides: readonly BargainingSide[];
  client: ApiClient;
  documentId: string;
}) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const [asking, setAsking] = useState<'reopen' | 'decline' | null>(null);
  const state = status?.status ?? 'open';
  const isReviewer = view.side === 'reviewer';
  const request = status?.reopenRequest ?? null;
  const call = (work: () => Promise<unknown>) => view.run(work).then(() => setAsking(null));
  const shown = shownArticleStatus({ status: state }, suggestingSides);
  const reopenedBySuggestion = shown.reopenedBySuggestion.map((side) => t(`side.${side}`)).join(', ');
  return (
    <>
      <p data-testid="article-status" data-status={shown.status}>
        {t(`negotiation.status.${shown.status}`)}
        {reopenedBySuggestion && ` · ${t('suggestionPositions.reopenedBySuggestion', { sides: reopenedBySuggestion })}`}
        {status?.employerAgreedAt && state !== 'agreed' && ` · ${t('negotiation.markedBy', { side: t('side.employer') })}`}
        {status?.unionAgreedAt && state !== 'agreed' && ` · ${t('negotiation.markedBy', { side: t('side.union') })}`}
        {status?.reopened && ` · ${reopenedLabel(t, status.reopened.byName)}`}
      </p>
      {state === 'agreed' && <p className="hint">{t('negotiation.agreedLockNote')}</p>}
      {request && (
        <p className="reopen-request" data-testid="reopen-request">
          {t('negotiation.reopenRequest.asked', { name: request.byName, side: t(`side.${request.side}`) })}: <q>{request.reason}</q>
        </p>
      )}
      {!isReviewer && state !== 'agreed' && (
        <div className="row">
          <button type="button" onClick={() => void view.run(() => client.call('articles/agree', { documentId, clauseId })).catch(() => undefined)}>
            {t('negotiation.markAgreed')}
          </button>
          <button
            type="button"
            onClick={() => {
              const position = window.prompt(t('negotiation.positionPrompt')) ?? undefined;
              void view.run(() => client.call('articles/dispute', { documentId, clauseId, position: position || undefined })).catch(() => undefined);
            }}
          >
            {t('negotiation.markDisputed')}
          </button>
          {state === 'disputed' && (
            <button type="button" onClick={() => void view.run(() => client.call('articles/reopen', { documentId, clauseId })).catch(() => undefined)}>
              {t('negotiation.reopen')}
            </button>
          )}
        </div>
      )}
      {!isReviewer && state === 'agreed' && asking === null && (
        <div className="row">
          {!request && (
            <button type="button" onClick={() => setAsking('reopen')}>
              {t('negotiation.reopenRequest.ask')}
            </button>
          )}
          {request?.side === view.side && <p className="hint">{t('negotiation.reopenRequest.waiting')}</p>}
          {request && request.side !== view.side && (
            <>
              <button
                type="button"
                className="primary"
                onClick={() => void call(() => client.call('articles/answerReopen', { documentId, clauseId, accept: true })).catch(() => undefined)}
              >
                {t('negotiation.reopenRequest.accept')}
              </button>
              <button type="button" onClick={() => setAsking('decline')}>
                {t('negotiation.reopenRequest.decline')}
              </button>
            </>
          )}
        </div>
      )}
      {asking === 'reopen' && (
        <ReasonForm
          label={t('negotiation.reopenRequest.reason')}
          submitLabel={t('negotiation.reopenRequest.send')}
          isRequired
          onCancel={() => setAsking(null)}
          onSubmit={(reason) => call(() => client.call('articles/requestReopen', { documentId, clauseId, reason }))}
        />
      )}
      {asking === 'decline' && (
        <ReasonForm
          label={t('negotiation.reopenRequest.declineReason')}
          submitLabel={t('negotiation.reopenRequest.decline')}
          isRequired={false}
          onCancel={() => setAsking(null)}
          onSubmit={(reason) => call(() => client.call('articles/answerReopen', { documentId, clauseId, accept: false, reason: reason || undefined }))}
        />
      )}
    </>
  );
}
