import { useTranslation } from 'react-i18next';
import type { VerifyReport, VersionMeta } from '#shared/api/versions';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { SideBadge } from '../components/SideBadge';
import { useLanguage } from '../i18n/i18n';
import { personName, summaryLine } from './summaryLine';

export interface VersionActions {
  open(version: VersionMeta): void;
  compareWithCurrent(version: VersionMeta): void;
  toggleSelected(version: VersionMeta): void;
  restore?: (version: VersionMeta) => void;
}

type VerifyStatus = VerifyReport['versions'][number]['status'];

/** One version in the timeline: who, which side, when, what changed; a tampered signed version stands out. */
export function VersionItem({
  version,
  isSelected,
  verifyStatus,
  actions,
}: {
  version: VersionMeta;
  isSelected: boolean;
  verifyStatus: VerifyStatus | undefined;
  actions: VersionActions;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isTampered = verifyStatus !== undefined && verifyStatus !== 'ok';
  return (
    <li
      className={`history-version kind-${version.kind}${isTampered ? ' tampered' : ''}${isSelected ? ' selected' : ''}`}
      data-testid="version-item"
      data-version-id={version.id}
      data-kind={version.kind}
      data-number={version.number}
      data-verify={verifyStatus ?? ''}
    >
      <div className="history-version-head">
        <label className="history-select" title={t('history.select')}>
          <input
            type="checkbox"
            checked={isSelected}
            onChange={() => actions.toggleSelected(version)}
            aria-label={t('history.selectVersion', { number: version.number })}
          />
          <strong>#{version.number}</strong>
        </label>
        <span className="history-kind">{t(`history.kind.${version.kind}`)}</span>
        {version.name && (
          <span className="history-name" data-testid="version-name">
            {version.name}
          </span>
        )}
      </div>
      {isTampered && (
        <p className="history-tampered" role="alert" data-testid="version-tampered">
          <strong>{t('history.tampered')}</strong> {t(`history.verifyStatus.${verifyStatus}`)}
        </p>
      )}
      {version.signed && !isTampered && <p className="history-seal">{t('history.signedSeal', { hash: version.signed.contentHash.slice(0, 16) })}</p>}
      <p className="history-meta">
        {personName(t, version.author)} {version.author.side && <SideBadge side={version.author.side} />} ·{' '}
        <time dateTime={version.createdAt}>{formatVietnamDateTime(version.createdAt, language)}</time>
      </p>
      <p className="history-summary" data-testid="version-summary">
        {summaryLine(t, version)}
      </p>
      <div className="row history-actions">
        <button type="button" onClick={() => actions.open(version)}>
          {t('history.open')}
        </button>
        <button type="button" onClick={() => actions.compareWithCurrent(version)}>
          {t('history.compareWithCurrent')}
        </button>
        {actions.restore && (
          <button type="button" onClick={() => actions.restore?.(version)}>
            {t('history.restore')}
          </button>
        )}
      </div>
    </li>
  );
}
