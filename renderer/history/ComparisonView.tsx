import { useTranslation } from 'react-i18next';
import type { ArticleChangeView, Comparison } from '#shared/api/versions';
import type { VariableValue } from '#shared/templates/schema';
import { formatNumber } from '#shared/format/locale';
import { readableValue, variableLabel } from '#shared/templates/variableValues';
import { SideBadge } from '../components/SideBadge';
import { useLanguage } from '../i18n/i18n';
import { lookupBuiltInVariable, useDocumentVariables } from '../variables/documentVariables';
import { RedlineText } from './RedlineText';
import { personName } from './summaryLine';

function heading(change: ArticleChangeView): { number: number; title: string } {
  return change.after ?? change.before ?? { number: 0, title: '' };
}

function ArticleChangeItem({ change }: { change: ArticleChangeView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { number, title } = heading(change);
  return (
    <li className={`history-change history-change-${change.status}`} data-testid="article-change" data-clause-id={change.clauseId} data-status={change.status}>
      <h4>
        <span className="history-status">{t(`history.status.${change.status}`)}</span> {t('history.article', { number, title })}
        {change.before && change.after && change.before.number !== change.after.number && (
          <span className="history-renumbered"> ({t('history.articleMove', { from: change.before.number, to: change.after.number })})</span>
        )}
      </h4>
      <RedlineText segments={change.segments} granularity={change.granularity} />
      {change.authors.length > 0 && (
        <p className="history-authors" data-testid="change-authors">
          {t('history.authors')}{' '}
          {change.authors.map((author, index) => (
            <span
              key={author.person.participantId ?? `host-${index}`}
              className="history-author"
              data-testid="change-author"
              data-name={personName(t, author.person)}
            >
              {author.person.side && <SideBadge side={author.person.side} />}{' '}
              {t('history.authorChars', {
                name: personName(t, author.person),
                inserted: formatNumber(author.insertedChars, language),
                deleted: formatNumber(author.deletedChars, language),
              })}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** Two texts compared article by article, each changed article with its redline and who changed it. */
export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Values by their label and formatted as people write them ("Overtime pay on public holidays: 300% → 250%").
  const lookup = useDocumentVariables()?.lookup ?? lookupBuiltInVariable;
  const shown = (id: string, value: VariableValue | null): string => (value === null ? t('history.none') : readableValue(lookup(id), value, language));
  return (
    <div className="history-comparison" data-testid="comparison">
      <p className="history-counts">{t('history.counts', comparison.counts)}</p>
      {comparison.articles.length === 0 && <p className="empty-state">{t('history.noChanges')}</p>}
      <ol className="history-changes">
        {comparison.articles.map((change) => (
          <ArticleChangeItem key={change.clauseId} change={change} />
        ))}
      </ol>
      {comparison.variables.length > 0 && (
        <>
          <h4>{t('history.variablesChanged')}</h4>
          <ul className="history-variables">
            {comparison.variables.map((variable) => (
              <li key={variable.id}>
                {t('history.variableChange', {
                  label: variableLabel(lookup(variable.id), language),
                  before: shown(variable.id, variable.before),
                  after: shown(variable.id, variable.after),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
