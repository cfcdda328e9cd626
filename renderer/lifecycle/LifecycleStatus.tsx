import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { useLanguage } from '../i18n/i18n';
import { useLifecycleSnapshot } from './documentChecks';
import { awaitingSignature, deadlineLeft, isDeadlineAlarming } from './lifecycleFormat';

/**
 * Above the document, for everyone: its state, its next deadline with the days left, whether the
 * text is frozen. One line of a fixed height, there from the start: the document below never moves
 * when the lifecycle arrives or changes (a click aimed at an article would land elsewhere).
 */
export function LifecycleStatus() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { lifecycle } = useLifecycleSnapshot();
  if (!lifecycle) return <p className="lifecycle-status" data-testid="lifecycle-status" aria-busy="true" />;
  const next = lifecycle.nextDeadline;
  const awaiting = awaitingSignature(lifecycle.current);
  // The deadline's name without the rule in brackets that the lifecycle panel shows.
  const label = next ? (t(`lifecycle.deadline.${next.id}`).split(' (')[0] ?? '') : '';
  return (
    <p className="lifecycle-status" data-testid="lifecycle-status" data-state={lifecycle.state}>
      <span className={`state-chip state-${lifecycle.state}`}>{t(`lifecycle.state.${lifecycle.state}`)}</span>
      {next && (
        <span className={`next-deadline${isDeadlineAlarming(next) ? ' alarming' : ''}`} title={t(`lifecycle.deadline.${next.id}`)}>
          {next.status === 'uncounted'
            ? t('lifecycle.nextUncounted', { label, reason: next.reason[language] })
            : t('lifecycle.next', { label, date: formatIsoDate(next.due), left: deadlineLeft(t, next) })}
        </span>
      )}
      {awaiting && (
        <span className="awaiting-signature" data-testid="awaiting-signature">
          {t('lifecycle.awaitingSignature', { side: t(`lifecycle.signatures.side.${awaiting}`) })}
        </span>
      )}
      {lifecycle.frozen && <span className="frozen-mark">{t('lifecycle.frozenShort')}</span>}
    </p>
  );
}
