import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNegotiationView } from './negotiationView';
import type { PositionDraft } from './positionDraft';
import { UnsentPositionView } from './UnsentPosition';

/**
 * The package this person is putting together: one position per article, each shown against the
 * article now, to change or take out; sent with one rationale as one offer, which the other side
 * accepts, rejects or counters as a whole.
 */
export function PackageBasket({
  items,
  onChange,
  onSend,
}: {
  items: readonly PositionDraft[];
  onChange: (items: PositionDraft[]) => void;
  onSend: (rationale: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const view = useNegotiationView();
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  if (items.length === 0) return null;
  const send = async () => {
    setBusy(true);
    try {
      await onSend(rationale);
      setRationale('');
    } catch {
      // The panel shows the error; the package stays as it was.
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="package-basket" data-testid="package-basket" aria-labelledby="package-basket-title">
      <h3 id="package-basket-title">{t('negotiation.package.basketTitle', { count: items.length })}</h3>
      <p className="hint">{t('negotiation.package.basketIntro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.clauseId} className="package-item" data-testid="package-item">
            <p className="row">
              <strong>{view.articleLabel(item.clauseId)}</strong>
              <span className="proposal-status">{t(`negotiation.kind.${item.kind}`)}</span>
            </p>
            <UnsentPositionView position={item} />
            <div className="row">
              <button type="button" onClick={() => view.open({ type: 'propose', clauseId: item.clauseId, initial: item, forPackage: true })}>
                {t('negotiation.package.editItem')}
              </button>
              <button type="button" onClick={() => onChange(items.filter((other) => other !== item))}>
                {t('negotiation.package.removeItem')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <label className="stacked-form">
        {t('negotiation.package.rationale')}
        <textarea rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} placeholder={t('negotiation.rationaleHint')} />
      </label>
      {items.length < 2 && (
        <p className="hint" role="status">
          {t('negotiation.package.needsTwo')}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy || items.length < 2 || rationale.trim() === ''} onClick={() => void send()}>
          {t('negotiation.package.send', { count: items.length })}
        </button>
        <button type="button" onClick={() => onChange([])}>
          {t('negotiation.package.discard')}
        </button>
      </div>
    </section>
  );
}
