import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '#shared/negotiation/model';
import { valueChanges } from '#shared/negotiation/positionRedline';
import { acceptedSide, currentSide } from '#shared/negotiation/positionStates';
import { ErrorNotice } from '../components/ErrorNotice';
import { NegotiationDialog } from './NegotiationDialog';
import { useNegotiationView } from './negotiationView';
import { packageMembers } from './PackageCard';
import { Redline, useChipReading, ValueChangeList } from './Redline';

/** What accepting one position changes: the article now against what it becomes, the values, and what follows. */
function AcceptedChange({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const reading = useChipReading();
  const before = useMemo(() => currentSide(proposal, view.positions), [proposal, view.positions]);
  const after = useMemo(() => acceptedSide(proposal, view.positions), [proposal, view.positions]);
  const changes = useMemo(() => valueChanges(Object.keys(proposal.values), before.values, after.values, reading), [proposal, before, after, reading]);
  const article = view.articleLabel(proposal.clauseId);
  return (
    <section className="accepted-change" data-testid="accepted-change">
      <h3>{article}</h3>
      <Redline before={before} after={after} />
      <ValueChangeList changes={changes} />
      <p className="consequence">
        {proposal.kind === 'delete'
          ? t('negotiation.acceptDialog.removed', { article })
          : proposal.kind === 'insert_after'
            ? t('negotiation.acceptDialog.inserted', { article })
            : t('negotiation.acceptDialog.agreed', { article })}
      </p>
    </section>
  );
}

/**
 * Accepting asks first, showing exactly what will change: for every article of the position (of
 * its package), the text now against the text accepted, the values changed, and that the article
 * becomes agreed by both sides, after which it changes only through a new position or by consent.
 */
export function AcceptDialog({ proposal, onClose }: { proposal: Proposal; onClose: () => void }) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const members = proposal.packageId === null ? [proposal] : packageMembers(view.proposals, proposal.packageId, view.articleNumber);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await view.accept(proposal);
      onClose();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <NegotiationDialog
      title={
        members.length > 1
          ? t('negotiation.acceptDialog.packageTitle', { count: members.length, name: proposal.authorName })
          : t('negotiation.acceptDialog.title', { name: proposal.authorName })
      }
      onClose={onClose}
      wide
      testId="accept-dialog"
    >
      <p>{t('negotiation.acceptDialog.intro')}</p>
      {members.map((member) => (
        <AcceptedChange key={member.id} proposal={member} />
      ))}
      <p className="hint">{t('negotiation.acceptDialog.lock')}</p>
      <ErrorNotice error={error} />
      <div className="row modal-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>
          {members.length > 1 ? t('negotiation.acceptDialog.confirmPackage') : t('negotiation.acceptDialog.confirm')}
        </button>
        {/* The focus starts on Cancel: Enter alone never accepts. */}
        <button type="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
      </div>
    </NegotiationDialog>
  );
}
