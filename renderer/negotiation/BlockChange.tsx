import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '#shared/format/locale';
import type { BargainingSide } from '#shared/negotiation/model';
import type { SuggestedBlock } from '#shared/negotiation/suggestions';
import { variableLabel, type VariableLookup } from '#shared/templates/variableValues';
import { useLanguage } from '../i18n/i18n';
import { lookupBuiltInVariable, useDocumentVariables } from '../variables/documentVariables';

/** What a block suggestion does and the block's first line, a chip read as its variable's name (its id is no one's word). */
export function blockChangeWords(
  t: TFunction,
  blocks: readonly SuggestedBlock[],
  lookup: VariableLookup,
  language: Language,
): { label: string; firstLine: string; isInsertion: boolean } | null {
  const inserted = blocks.find((block) => block.change === 'insert');
  const deleted = blocks.find((block) => block.change === 'delete');
  const shown = inserted ?? deleted;
  if (!shown) return null;
  const what = t(`suggestions.blockType.${shown.type}`);
  const label = inserted && deleted ? t('suggestions.blockMove', { what }) : t(inserted ? 'suggestions.blockNew' : 'suggestions.blockDelete', { what });
  const line = (shown.text.split('\n')[0] ?? '').replace(/\{\{([^}]+)\}\}/g, (_chip, id: string) => `[${variableLabel(lookup(id), language)}]`);
  return { label, firstLine: line || t('suggestions.empty'), isInsertion: inserted !== undefined && deleted === undefined };
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
