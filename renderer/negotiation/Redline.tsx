import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import { redlineSides, type ChipReading, type RedlinePart, type RedlineSide, type ValueChange } from '#shared/negotiation/positionRedline';
import { CoarseDiffNote } from '../components/CoarseDiffNote';
import { useLanguage } from '../i18n/i18n';
import { lookupBuiltInVariable, useDocumentVariables } from '../variables/documentVariables';

/** How chips read here: the document's definitions and language, labels in the interface language. */
export function useChipReading(): ChipReading {
  const variables = useDocumentVariables();
  const labelLanguage = useLanguage();
  return useMemo(
    () => ({ lookup: variables?.lookup ?? lookupBuiltInVariable, language: variables?.language ?? 'vi', labelLanguage }),
    [variables, labelLanguage],
  );
}

function Part({ part }: { part: RedlinePart }) {
  if ('text' in part) return <>{part.text}</>;
  return (
    <span className={`variable-chip${part.isMissing ? ' missing' : ''}`} title={part.label ?? undefined}>
      {part.chip}
    </span>
  );
}

/**
 * Changes from one side to the other (lines matched first, then words): insertions underlined,
 * deletions struck through, variable chips as their values (a changed value is the old chip struck
 * through and the new one inserted), with a note when the change was too large to compare word by
 * word. Each redline has a request's budget, so that a huge proposal cannot freeze the page.
 */
export function Redline({ before, after }: { before: RedlineSide; after: RedlineSide }) {
  const reading = useChipReading();
  const redline = useMemo(() => redlineSides(before, after, reading, createDiffBudget()), [before, after, reading]);
  return (
    <>
      <div className="redline" data-testid="redline">
        {redline.segments.map((segment, index) => {
          const parts = segment.parts.map((part, at) => <Part key={at} part={part} />);
          return segment.kind === 'inserted' ? (
            <ins key={index}>{parts}</ins>
          ) : segment.kind === 'deleted' ? (
            <del key={index}>{parts}</del>
          ) : (
            <span key={index}>{parts}</span>
          );
        })}
      </div>
      <CoarseDiffNote granularity={redline.granularity} />
    </>
  );
}

/** Values a position changes: "Overtime pay on normal days: 150% → 200%". */
export function ValueChangeList({ changes }: { changes: readonly ValueChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <ul className="value-changes" data-testid="value-changes" aria-label={t('negotiation.valueChanges')}>
      {changes.map((change, index) => (
        <li key={index}>
          {change.label ?? t('negotiation.unknownVariable')}: <del>{change.before ?? t('negotiation.noValue')}</del> →{' '}
          <ins>{change.after ?? t('negotiation.noValue')}</ins>
        </li>
      ))}
    </ul>
  );
}
