import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRoman } from '#shared/document/numbering';

/** "Chương IV", "Điều 12.": the labels drawn before chapter and article titles. */
export interface StructureLabels {
  chapter(number: number): string;
  article(number: number): string;
}

export const StructureLabelsContext = createContext<StructureLabels>({ chapter: (number) => toRoman(number), article: (number) => String(number) });

/** A stand-in for the number, translated once; each label is then a string replacement. */
const placeholder = '\u0000';

/**
 * The labels in the interface language, made once for the whole editor: hundreds of article
 * elements and outline rows share them instead of each subscribing to i18next, and a label is a
 * string replacement rather than a call to i18next (a fraction of a millisecond each, which adds
 * up over 300 articles when a document opens).
 */
export function useStructureLabelsOfLanguage(): StructureLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const chapter = t('editor.chapterLabel', { number: placeholder });
    const article = t('editor.articleLabel', { number: placeholder });
    return { chapter: (number) => chapter.replace(placeholder, toRoman(number)), article: (number) => article.replace(placeholder, String(number)) };
  }, [t]);
}

export function useStructureLabels(): StructureLabels {
  return useContext(StructureLabelsContext);
}
