import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { DraftProposal } from '#shared/negotiation/model';
import { useLanguage } from '../i18n/i18n';
import { useNegotiationView } from './negotiationView';
import { UnsentPositionView } from './UnsentPosition';

function DraftItem({ draft, onDiscard }: { draft: DraftProposal; onDiscard: (draft: DraftProposal) => Promise<void> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useNegotiationView();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <li className="draft" data-testid="draft">
      <p className="row">
        <strong>{view.articleLabel(draft.clauseId)}</strong>
        <span className="proposal-status">{t(`negotiation.kind.${draft.kind}`)}</span>
      </p>
      <p className="hint">{t('negotiation.drafts.origin', { date: formatVietnamDateTime(draft.createdAt, language) })}</p>
      <UnsentPositionView position={draft} />
      {isConfirming ? (
        <div className="confirm" role="group" aria-label={t('negotiation.drafts.discard')}>
          <p>{t('negotiation.drafts.discardConfirm')}</p>
          <div className="row">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() =>
                void onDiscard(draft).then(
                  () => setConfirming(false),
                  () => undefined,
                )
              }
            >
              {t('negotiation.drafts.discard')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            className="primary"
            onClick={() =>
              view.open({
                type: 'propose',
                clauseId: draft.clauseId,
                initial: { clauseId: draft.clauseId, kind: draft.kind, article: draft.article ?? undefined, values: draft.values },
                fromDraftId: draft.id,
              })
            }
          >
            {t('negotiation.drafts.propose')}
          </button>
          <button type="button" onClick={() => setConfirming(true)}>
            {t('negotiation.drafts.discard')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * This person's drafts: changes they made to articles both sides had agreed (refused by the
 * server, never lost), each to put on the table as a proposal or to discard. Nobody else sees them.
 */
export function DraftsList({ drafts, onDiscard }: { drafts: readonly DraftProposal[]; onDiscard: (draft: DraftProposal) => Promise<void> }) {
  const { t } = useTranslation();
  if (drafts.length === 0) return null;
  return (
    <section className="drafts" data-testid="drafts" aria-labelledby="my-drafts-title">
      <h3 id="my-drafts-title">{t('negotiation.drafts.title', { count: drafts.length })}</h3>
      <p className="hint">{t('negotiation.drafts.intro')}</p>
      <ul>
        {drafts.map((draft) => (
          <DraftItem key={draft.id} draft={draft} onDiscard={onDiscard} />
        ))}
      </ul>
    </section>
  );
}
