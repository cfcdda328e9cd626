import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleText } from '#shared/document/articles';
import type { ArticleElement } from '#shared/document/nodes';
import { articleToEditableText } from '#shared/negotiation/articleFromText';
import type { Proposal } from '#shared/negotiation/model';
import { formatDateTime } from '#shared/format/locale';
import type { Side } from '#shared/sides';
import { SideBadge } from '../components/SideBadge';
import { useLanguage } from '../i18n/i18n';
import { ProposalForm, type ProposalFormValue } from './ProposalForm';
import { Redline } from './Redline';

export interface ProposalActions {
  accept(proposal: Proposal): Promise<void>;
  reject(proposal: Proposal, reason: string): Promise<void>;
  counter(proposal: Proposal, value: ProposalFormValue): Promise<void>;
  withdraw(proposal: Proposal): Promise<void>;
}

/**
 * One proposal: who, why, its status, and a word-level redline against the article's current
 * text. A proposal made against an older text is marked stale, with what changed since. The other
 * side may accept, reject or counter it; its author may withdraw it.
 */
export function ProposalCard({ proposal, current, mySide, myId, actions }: { proposal: Proposal; current: ArticleElement | null; mySide: Side; myId: string; actions: ProposalActions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'view' | 'reject' | 'counter'>('view');
  const [reason, setReason] = useState('');
  const currentText = current ? articleToEditableText(current) : '';
  const proposedText = proposal.article ? articleToEditableText(proposal.article) : '';
  const isStale = proposal.status === 'open' && current !== null && articleText(current) !== proposal.baseText;
  const mayAnswer = proposal.status === 'open' && mySide !== 'reviewer' && mySide !== proposal.side;
  const mayWithdraw = proposal.status === 'open' && proposal.authorId === myId;
  const before = proposal.kind === 'insert_after' ? '' : currentText;
  const after = proposal.kind === 'delete' ? '' : proposedText;

  return (
    <article className={`proposal-card status-${proposal.status}`} data-testid="proposal-card" data-proposal-id={proposal.id} data-status={proposal.status}>
      <header className="row">
        <SideBadge side={proposal.side} />
        <strong>{t(`negotiation.kind.${proposal.kind}`)}</strong>
        <span className={`proposal-status status-${proposal.status}`}>{t(`negotiation.proposalStatus.${proposal.status}`)}</span>
        {isStale && <span className="stale" title={t('negotiation.staleHint')}>{t('negotiation.stale')}</span>}
      </header>
      <p className="hint">
        {proposal.authorName} · {formatDateTime(proposal.createdAt, language)}
        {proposal.answers && ` · ${t('negotiation.isCounter')}`}
      </p>
      <p className="rationale">{proposal.rationale}</p>
      <Redline before={before} after={after} />
      {isStale && (
        <details>
          <summary>{t('negotiation.changedSince')}</summary>
          <Redline before={proposal.baseText} after={current ? articleText(current) : ''} />
        </details>
      )}
      {proposal.decidedByName && (
        <p className="hint">
          {t(`negotiation.decided.${proposal.status}`, { name: proposal.decidedByName, date: proposal.decidedAt ? formatDateTime(proposal.decidedAt, language) : '' })}
          {proposal.reason && `: ${proposal.reason}`}
        </p>
      )}
      {mode === 'view' && (mayAnswer || mayWithdraw) && (
        <div className="row">
          {mayAnswer && (
            <>
              <button type="button" className="primary" onClick={() => void actions.accept(proposal)}>
                {t('negotiation.accept')}
              </button>
              <button type="button" onClick={() => setMode('reject')}>
                {t('negotiation.reject')}
              </button>
              <button type="button" onClick={() => setMode('counter')}>
                {t('negotiation.counter')}
              </button>
            </>
          )}
          {mayWithdraw && (
            <button type="button" onClick={() => void actions.withdraw(proposal)}>
              {t('negotiation.withdraw')}
            </button>
          )}
        </div>
      )}
      {mode === 'reject' && (
        <form className="stacked-form" onSubmit={(event) => {
          event.preventDefault();
          void actions.reject(proposal, reason).then(() => setMode('view'));
        }}>
          <label>
            {t('negotiation.rejectReason')}
            <textarea rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <div className="row">
            <button type="submit" disabled={reason.trim() === ''}>{t('negotiation.reject')}</button>
            <button type="button" onClick={() => setMode('view')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {mode === 'counter' && current && (
        <ProposalForm
          base={proposal.article ?? current}
          initialKind={proposal.kind}
          submitLabel={t('negotiation.sendCounter')}
          onCancel={() => setMode('view')}
          onSubmit={(value) => actions.counter(proposal, value).then(() => setMode('view'))}
        />
      )}
    </article>
  );
}
