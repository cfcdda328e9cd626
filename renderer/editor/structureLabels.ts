import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRoman } from '#shared/document/numbering';

/** "Chương IV", "Điều 12.": the labels drawn before chapter and article titles. */
export interface StructureLabels {
  chapter(number: number): string;
  article(number: number): string;
}

export const StructureLabelsContext = createContext<StructureLabels>({ chapter: (number) => toRoman(number), article: (number) => String(number) });

/**
 * The labels in the interface language, made once for the whole editor: hundreds of article
 * elements share them instead of each subscribing to i18next (an article re-renders on every
 * keystroke typed into it).
 */
export function useStructureLabelsOfLanguage(): StructureLabels {
  const { t } = useTranslation();
  return useMemo(() => ({ chapter: (number) => t('editor.chapterLabel', { number: toRoman(number) }), article: (number) => t('editor.articleLabel', { number }) }), [t]);
}

export function useStructureLabels(): StructureLabels {
  return useContext(StructureLabelsContext);
}
