import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '#shared/negotiation/model';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAttemptError } from '../components/useAttemptError';
import { NegotiationDialog } from './NegotiationDialog';
import { useNegotiationView } from './negotiationView';
import type { PositionDraft } from './positionDraft';
import { UnsentPositionView } from './UnsentPosition';

interface CounterItem {
  answered: Proposal;
  /** The counter's position on that article: the offer as it stands until changed, or null when left out. */
  position: PositionDraft | null;
  isChanged: boolean;
}

const asOffered = (proposal: Proposal): PositionDraft => ({
  clauseId: proposal.clauseId,
  kind: proposal.kind,
  article: proposal.article ?? undefined,
  values: proposal.values,
});

/**
 * A counter to a package answers it as a whole: each of its articles starts as offered, and may be
 * changed (in the proposal editor) or left out; what is kept is sent as one counter-offer with one
 * rationale, and the package answered is superseded.
 */
export function CounterPackageDialog({
  members,
  onEdit,
  onSend,
  onClose,
}: {
  members: readonly Proposal[];
  /** Opens the proposal editor on one article's position; `done` receives the changed position. */
  onEdit: (answered: Proposal, position: PositionDraft, done: (position: PositionDraft) => void) => void;
  onSend: (positions: PositionDraft[], rationale: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const [items, setItems] = useState<CounterItem[]>(() => members.map((answered) => ({ answered, position: asOffered(answered), isChanged: false })));
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useAttemptError({ items, rationale });
  const kept = items.flatMap((item) => (item.position ? [item.position] : []));
  const update = (index: number, change: Partial<CounterItem>) =>
    setItems((previous) => previous.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSend(kept, rationale);
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <NegotiationDialog
      title={t('negotiation.package.counterTitle', { count: members.length, name: members[0]?.authorName ?? '' })}
      onClose={onClose}
      wide
      testId="counter-package-dialog"
    >
      <p className="hint">{t('negotiation.package.counterIntro')}</p>
      <ul className="counter-items">
        {items.map((item, index) => (
          <li key={item.answered.id} className="package-item" data-testid="counter-item">
            <p className="row">
              <strong>{view.articleLabel(item.answered.clauseId)}</strong>
              <span className="proposal-status">
                {item.position === null
                  ? t('negotiation.package.leftOut')
                  : item.isChanged
                    ? t('negotiation.package.changed')
                    : t('negotiation.package.asOffered')}
              </span>
            </p>
            {item.position && <UnsentPositionView position={item.position} />}
            <div className="row">
              <button
                type="button"
                onClick={() => onEdit(item.answered, item.position ?? asOffered(item.answered), (position) => update(index, { position, isChanged: true }))}
              >
                {t('negotiation.package.changeItem')}
              </button>
              {item.position ? (
                <button type="button" onClick={() => update(index, { position: null })}>
                  {t('negotiation.package.leaveOut')}
                </button>
              ) : (
                <button type="button" onClick={() => update(index, { position: asOffered(item.answered), isChanged: false })}>
                  {t('negotiation.package.putBack')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <label className="stacked-form">
        {t('negotiation.rationale')}
        <textarea rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} placeholder={t('negotiation.rationaleHint')} />
      </label>
      <ErrorNotice error={error} />
      {kept.length === 0 && (
        <p className="hint" role="status">
          {t('negotiation.package.keepOne')}
        </p>
      )}
      <div className="row modal-actions">
        <button type="button" className="primary" disabled={busy || kept.length === 0 || rationale.trim() === ''} onClick={() => void send()}>
          {t('negotiation.package.sendCounter')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </NegotiationDialog>
  );
}
