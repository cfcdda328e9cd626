/** Citations of the law as findings show them, and shorthands for writing the rule tables. */
import type { Language } from '#shared/format/locale';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';

/** Labour Code 45/2019/QH14, article, clause and point. */
export function lc(article: number, clause?: number, point?: string): LegalCitation {
  return { law: 'LC2019', article, ...(clause === undefined ? {} : { clause }), ...(point === undefined ? {} : { point }) };
}

/** Decree 145/2020/ND-CP, article, clause and point. */
export function d145(article: number, clause?: number, point?: string): LegalCitation {
  return { law: 'D145', article, ...(clause === undefined ? {} : { clause }), ...(point === undefined ? {} : { point }) };
}

const lawNames: Record<LegalCitation['law'], Bilingual> = {
  LC2019: { vi: 'Bộ luật Lao động 2019', en: 'Labour Code 2019' },
  D145: { vi: 'Nghị định 145/2020/NĐ-CP', en: 'Decree 145/2020/ND-CP' },
  D293: { vi: 'Nghị định 293/2025/NĐ-CP', en: 'Decree 293/2025/ND-CP' },
  D135: { vi: 'Nghị định 135/2020/NĐ-CP', en: 'Decree 135/2020/ND-CP' },
  D30: { vi: 'Nghị định 30/2020/NĐ-CP', en: 'Decree 30/2020/ND-CP' },
  TUL2024: { vi: 'Luật Công đoàn 2024', en: 'Trade Union Law 2024' },
  SIL2024: { vi: 'Luật Bảo hiểm xã hội 2024', en: 'Social Insurance Law 2024' },
  OSH2015: { vi: 'Luật An toàn, vệ sinh lao động 2015', en: 'Law on Occupational Safety and Health 2015' },
};

/** "điểm a khoản 1 Điều 98 Bộ luật Lao động 2019" / "Labour Code 2019 Art. 98(1)(a)". */
export function formatCitation(citation: LegalCitation, language: Language): string {
  const law = lawNames[citation.law][language];
  if (language === 'vi') {
    const parts = [citation.point ? `điểm ${citation.point}` : '', citation.clause ? `khoản ${citation.clause}` : '', `Điều ${citation.article}`].filter(
      (part) => part !== '',
    );
    return `${parts.join(' ')} ${law}`;
  }
  return `${law} Art. ${citation.article}${citation.clause ? `(${citation.clause})` : ''}${citation.point ? `(${citation.point})` : ''}`;
}

/** A short form for tables and the command line: "LC 98(1)(a)", "D145 85(1)(đ)". */
export function shortCitation(citation: LegalCitation): string {
  const law = citation.law === 'LC2019' ? 'LC' : citation.law;
  return `${law} ${citation.article}${citation.clause ? `(${citation.clause})` : ''}${citation.point ? `(${citation.point})` : ''}`;
}
