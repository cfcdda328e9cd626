import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogueSide } from '#shared/dialogue/model';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { useSession } from '../session/session';
import { reached, type DialogueActions } from './dialogueActions';

/**
 * Each side signs the minutes for itself once the meeting is held (the host records either side's
 * signature from the paper: `signable`); the organiser then publishes the main content.
 */
export function MinutesPanel({ client, view, run, signable }: DialogueActions & { signable: readonly DialogueSide[] }) {
  const { t } = useTranslation();
  const session = useSession();
  const { dialogue } = view;
  const [signer, setSigner] = useState(session.displayName ?? '');
  const [summary, setSummary] = useState(dialogue.summary);
  if (!reached(view, 'held')) return null;
  const sideName = (side: DialogueSide) => t(`dialogue.sides.${side}`);
  const unsigned = dialogue.state === 'held' ? signable.filter((side) => dialogue.signatures[side] === null) : [];
  const sign = (event: FormEvent, side: DialogueSide) => {
    event.preventDefault();
    if (!window.confirm(t('dialogue.minutes.signConfirm', { side: sideName(side), name: signer }))) return;
    void run(() => client.call('dialogues/signMinutes', { dialogueId: dialogue.id, side, signerName: signer }));
  };
  const publish = (event: FormEvent) => {
    event.preventDefault();
    if (!window.confirm(t('dialogue.publish.confirm'))) return;
    void run(() => client.call('dialogues/publish', { dialogueId: dialogue.id, summary }));
  };
  return (
    <>
      <section className="minutes" data-testid="minutes">
        <h2>{t('dialogue.minutes.title')}</h2>
        <ul>
          {(['employer', 'union'] as const).map((side) => {
            const signature = dialogue.signatures[side];
            return (
              <li key={side} data-testid={`signature-${side}`}>
                {signature
                  ? t('dialogue.minutes.signedBy', { side: sideName(side), name: signature.name, date: formatIsoDate(signature.on) })
                  : t('dialogue.minutes.notSigned', { side: sideName(side) })}
              </li>
            );
          })}
        </ul>
        {unsigned.map((side) => (
          <form key={side} className="row" onSubmit={(event) => sign(event, side)} data-testid={`sign-${side}`}>
            <label>
              {t('dialogue.minutes.signer')} <input value={signer} onChange={(event) => setSigner(event.target.value)} required />
            </label>
            <button type="submit" className="primary">
              {t('dialogue.minutes.sign', { side: sideName(side) })}
            </button>
          </form>
        ))}
      </section>
      {reached(view, 'minutes_signed') && (
        <section className="publication" data-testid="publication">
          <h2>{t('dialogue.publish.title')}</h2>
          {dialogue.publishedOn ? (
            <>
              <p>{t('dialogue.publish.done', { date: formatIsoDate(dialogue.publishedOn) })}</p>
              <p className="published-summary">{dialogue.summary}</p>
            </>
          ) : view.role === 'organiser' ? (
            <form onSubmit={publish}>
              <label>
                {t('dialogue.publish.summary')}
                <textarea value={summary} onChange={(event) => setSummary(event.target.value)} rows={5} required />
              </label>
              <p className="hint">{t('dialogue.publish.summaryHint')}</p>
              <button type="submit" className="primary">
                {t('dialogue.publish.action')}
              </button>
            </form>
          ) : (
            <p className="hint">{t('dialogue.publish.summaryHint')}</p>
          )}
        </section>
      )}
    </>
  );
}
