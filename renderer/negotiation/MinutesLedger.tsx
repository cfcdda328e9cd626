import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { minutesSchema } from '#shared/api/negotiation';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { VariableValue } from '#shared/templates/schema';
import { readableValue, variableLabel } from '#shared/templates/variableValues';
import type { FormatChange, SuggestedBlock } from '#shared/negotiation/suggestions';
import { describeFormatChange } from '../editor/formatChange';
import { useLanguage } from '../i18n/i18n';
import { blockChangeWords } from './BlockChange';
import { lookupBuiltInVariable } from '../variables/documentVariables';

type Ledger = z.infer<typeof minutesSchema>['ledger'];
type Entry = Ledger[number]['entries'][number];

/** Labour Code Art. 70: per article negotiated in the session, each side's positions in order, and where it stands. */
export function MinutesLedger({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const value = (variableId: string, raw: VariableValue | null): string =>
    raw === null ? '…' : readableValue(lookupBuiltInVariable(variableId), raw, language);
  const blockWords = (blocks: readonly SuggestedBlock[]): string => {
    const words = blockChangeWords(t, blocks, lookupBuiltInVariable, language);
    return words ? `${words.label} “${words.firstLine}”` : '';
  };
  const suggested = ({ inserted, deleted, format, blocks }: { inserted: string; deleted: string; format?: FormatChange; blocks?: SuggestedBlock[] }): string =>
    [
      blocks ? blockWords(blocks) : '',
      deleted ? t('suggestionPositions.delete', { text: deleted }) : '',
      inserted ? t('suggestionPositions.insert', { text: inserted }) : '',
      format ? t('suggestions.formatChange', { change: describeFormatChange(t, format, language), text: format.text }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  // A suggested value or formatting has no text of its own: its values follow the step.
  const withText = (what: string, text: string): string => (text === '' ? what : `${what}: ${text}`);
  const stepText = (step: Entry['step']): string => {
    if ('position' in step) return t(`minutes.ledgerPosition.${step.position}`);
    if ('suggestion' in step) return withText(t('suggestionPositions.minutesMade'), suggested(step.suggestion));
    if ('suggestionDecision' in step) {
      const decision = step.suggestionDecision;
      return withText(
        t(`suggestionPositions.minutesDecision.${decision.status}`, { author: decision.authorName, side: t(`side.${decision.authorSide}`) }),
        suggested(decision),
      );
    }
    return t(`minutes.ledgerEvent.${step.event}`);
  };
  const describe = (entry: Entry): string => {
    const step = stepText(entry.step);
    const values = entry.values.map(
      (change) =>
        `${variableLabel(lookupBuiltInVariable(change.variableId), language)}: ${value(change.variableId, change.from)} → ${value(change.variableId, change.to)}`,
    );
    return [step, ...values, entry.note].filter(Boolean).join('. ');
  };
  if (ledger.length === 0) return <p className="empty-state">{t('minutes.none')}</p>;
  return (
    <>
      {ledger.map((article) => (
        <section key={article.clauseId} data-testid="minutes-ledger-article">
          <h3>
            {t('negotiation.articleRef', { number: article.number, title: article.title })} — {t(`minutes.ledgerStanding.${article.standing}`)}
          </h3>
          <ol>
            {article.entries.map((entry, index) => (
              <li key={index}>
                {formatVietnamDateTime(entry.at, language)}, {entry.byName} ({t(`side.${entry.side}`)}): {describe(entry)}
                {entry.outcome &&
                  entry.outcome.status !== 'open' &&
                  ` — ${t(`negotiation.proposalStatus.${entry.outcome.status}`)}${entry.outcome.byName ? ` (${entry.outcome.byName})` : ''}`}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
