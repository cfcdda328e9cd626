import { useTranslation } from 'react-i18next';
import type { Attribution } from '#shared/api/versions';
import { formatNumber } from '#shared/format/locale';
import { useLanguage } from '../i18n/i18n';
import { personName } from './summaryLine';

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** Who wrote each article of the current text: characters per person, and the whole text per side. */
export function AttributionView({ attribution }: { attribution: Attribution }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = attribution.sides.reduce((sum, side) => sum + side.chars, 0);
  return (
    <div className="history-attribution" data-testid="attribution">
      <p>
        {t('history.attributionSides')}{' '}
        {attribution.sides.map((side) => (
          <span key={side.side ?? 'none'} className="history-share">
            {t('history.share', {
              name: side.side ? t(`side.${side.side}`) : t('history.template'),
              percent: formatNumber(percent(side.chars, total), language),
            })}
          </span>
        ))}
      </p>
      <ol className="history-changes">
        {attribution.articles.map((article) => (
          <li key={article.clauseId} data-testid="attribution-article" data-clause-id={article.clauseId}>
            <h4>{t('history.article', { number: article.number, title: article.title })}</h4>
            <div className="history-bar" aria-hidden="true">
              {article.shares.map((share, index) => (
                <span
                  key={index}
                  className={`history-bar-part side-${share.person.side ?? 'none'}`}
                  style={{ width: `${percent(share.chars, article.totalChars)}%` }}
                />
              ))}
            </div>
            <p>
              {article.shares.map((share, index) => (
                <span key={index} className="history-share" data-testid="attribution-share" data-name={personName(t, share.person)}>
                  {t('history.share', {
                    name: share.person.participantId === null ? t('history.template') : personName(t, share.person),
                    percent: formatNumber(percent(share.chars, article.totalChars), language),
                  })}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
