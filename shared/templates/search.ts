import type { ArticleTemplate, LegalCitation } from '#shared/templates/schema';

/** Folds text for searching: lower case, no diacritics ("Tăng ca" and "tang ca" match), đ as d. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const lawNames: Record<LegalCitation['law'], string> = {
  LC2019: 'BLLĐ',
  D145: 'NĐ 145/2020',
  D293: 'NĐ 293/2025',
  D135: 'NĐ 135/2020',
  D30: 'NĐ 30/2020',
  TUL2024: 'Luật Công đoàn 2024',
  SIL2024: 'Luật BHXH 2024',
  OSH2015: 'Luật ATVSLĐ 2015',
};

/** A citation as lawyers write it: "BLLĐ Điều 98 khoản 1 điểm a". */
export function formatCitation(citation: LegalCitation): string {
  const parts = [lawNames[citation.law], `Điều ${citation.article}`];
  if (citation.clause !== undefined) parts.push(`khoản ${citation.clause}`);
  if (citation.point !== undefined) parts.push(`điểm ${citation.point}`);
  return parts.join(' ');
}

export interface TemplateQuery {
  text: string;
  topic?: string;
  /** A Labour Code article number the template must cite. */
  article?: number;
}

interface IndexedTemplate {
  template: ArticleTemplate;
  title: string;
  haystack: string;
}

/** Everyday words people type for the law's terms (folded): "tăng ca" is "làm thêm giờ". */
const synonyms: Record<string, string> = {
  'tang ca': 'lam them gio',
  ot: 'lam them gio',
  overtime: 'lam them gio',
  'nghi phep': 'nghi hang nam',
  'luong toi thieu': 'muc luong toi thieu',
  'quay roi': 'quay roi tinh duc',
};

/**
 * A search index over templates: every word of the query must appear (without diacritics) in the
 * title, the text (both languages, all wordings), the topics or the citations.
 */
export function createTemplateIndex(templates: readonly ArticleTemplate[]) {
  const indexed: IndexedTemplate[] = templates.map((template) => {
    const texts = [
      template.title.vi,
      template.title.en,
      ...template.body.flatMap((block) => [block.text.vi, block.text.en]),
      ...template.alternatives.flatMap((alternative) => [
        alternative.label.vi,
        alternative.label.en,
        ...alternative.body.flatMap((block) => [block.text.vi, block.text.en]),
      ]),
      ...template.topics,
      ...template.legalBasis.map(formatCitation),
    ];
    return { template, title: foldForSearch(`${template.title.vi}\n${template.title.en}`), haystack: foldForSearch(texts.join('\n')) };
  });
  return {
    /** Matching templates, best first: the phrase (or its synonym) in a title, then in the text. */
    search(query: TemplateQuery): ArticleTemplate[] {
      const phrase = foldForSearch(query.text).trim().replace(/\s+/g, ' ');
      const phrases = [phrase, synonyms[phrase]].filter((p): p is string => p !== undefined && p !== '');
      const words = phrase.split(' ').filter((word) => word !== '');
      const score = ({ title, haystack }: IndexedTemplate): number => {
        if (phrases.some((p) => title.includes(p))) return 3;
        if (phrases.some((p) => haystack.includes(p))) return 2;
        return words.every((word) => haystack.includes(word)) ? 1 : 0;
      };
      return indexed
        .filter(
          ({ template }) =>
            (query.topic === undefined || template.topics.includes(query.topic)) &&
            (query.article === undefined || template.legalBasis.some((c) => c.law === 'LC2019' && c.article === query.article)),
        )
        .map((entry) => ({ entry, score: words.length === 0 ? 1 : score(entry) }))
        .filter(({ score: value }) => value > 0)
        .sort((a, b) => b.score - a.score)
        .map(({ entry }) => entry.template);
    },
  };
}
