import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '#shared/format/locale';
import type { BargainingSide } from '#shared/negotiation/model';
import type { SuggestedBlock } from '#shared/negotiation/suggestions';
import { blockChangeOf } from '#shared/negotiation/blockChange';
import type { VariableLookup } from '#shared/templates/variableValues';
import { useLanguage } from '../i18n/i18n';
import { lookupBuiltInVariable, useDocumentVariables } from '../variables/documentVariables';

const labelKeys = { new: 'suggestions.blockNew', delete: 'suggestions.blockDelete', move: 'suggestions.blockMove' } as const;

/** What a block suggestion does and its first line, in the interface's words. */
export function blockChangeWords(
  t: TFunction,
  blocks: readonly SuggestedBlock[],
  lookup: VariableLookup,
  language: Language,
): { label: string; firstLine: string; isInsertion: boolean } | null {
  const change = blockChangeOf(blocks, lookup, language);
  if (!change) return null;
  const label = t(labelKeys[change.change], { what: t(`suggestions.blockType.${change.type}`) });
  return { label, firstLine: change.firstLine || t('suggestions.empty'), isInsertion: change.change === 'new' };
}

/**
 * What a block suggestion does (decision 0027), said in words: "New clause", "Delete article",
 * "Move article" (a block both removed and added under one id), with the block's first line.
 */
export function BlockChange({ blocks, side }: { blocks: readonly SuggestedBlock[]; side: BargainingSide }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lookup = useDocumentVariables()?.lookup ?? lookupBuiltInVariable;
  const words = blockChangeWords(t, blocks, lookup, language);
  if (!words) return null;
  return (
    <span className="block-change" data-testid="block-change">
      <strong>{words.label}</strong>{' '}
      {words.isInsertion ? (
        <ins className={`suggestion suggestion-insert side-${side}`}>{words.firstLine}</ins>
      ) : (
        <del className={`suggestion suggestion-delete side-${side}`}>{words.firstLine}</del>
      )}{' '}
    </span>
  );
}
