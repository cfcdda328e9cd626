import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { vietnamClock } from '#shared/format/vietnamTime';
import { fill, formatOfficialDate, labels, typeNames, type Bilingual } from '#shared/export/officialFrame';
import type { PartyNames } from '#shared/export/parties';
import type { ContentBlock, Run, SignatureBlock, TableCell } from '#shared/export/renderModel';
import type { SectionedDocument } from '#shared/export/reportModel';

/**
 * The pieces the minutes, the compliance report and the authority's decision share: their
 * paragraphs, tables and texts in both languages (kept as Bilingual records, like officialFrame.ts).
 */

export const reportTexts = {
  none: { vi: '(Không có)', en: '(None)' },
  number: { vi: 'STT', en: 'No.' },
  articleNamed: { vi: 'Điều {{number}} ({{title}})', en: 'Article {{number}} ({{title}})' },
  articleRemoved: { vi: '{{title}} (điều đã bãi bỏ)', en: '{{title}} (article removed)' },
  wholeDocument: { vi: 'Toàn văn bản', en: 'The whole document' },
  /** A time of day and a date as official texts write them. */
  timeAndDate: { vi: '{{time}}, {{date}}', en: '{{time}} on {{date}}' },
  signatureHint: { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
  employerSide: { vi: 'Bên người sử dụng lao động', en: 'Employer side' },
  workerSide: { vi: 'Bên người lao động', en: 'Worker side' },
  /** The reviewer's organisation when the document does not record which authority it was sent to. */
  labourAuthority: { vi: 'Cơ quan quản lý nhà nước về lao động', en: 'Labour authority' },
  /** A finding on an article the document no longer has (its number and title are gone with it). */
  articleGone: { vi: 'Một điều không còn trong văn bản', en: 'An article no longer in the document' },
} satisfies Record<string, Bilingual>;

/** A justified body paragraph; `lead` is set in bold before the text ("Kết luận: …"). */
export function bodyParagraph(text: string, lead?: string): ContentBlock {
  const runs: Run[] = lead ? [{ text: `${lead} `, bold: true }, { text }] : [{ text }];
  return { type: 'paragraph', role: 'body', runs };
}

/** A legal ground ("Căn cứ …;"), in italics. */
export function groundParagraph(text: string): ContentBlock {
  return { type: 'paragraph', role: 'ground', runs: [{ text, italic: true }] };
}

export function bulletItem(text: string, lead?: string): ContentBlock {
  return { type: 'bullet', runs: lead ? [{ text: `${lead} `, bold: true }, { text }] : [{ text }] };
}

/** A numbered item ("1.") whose text starts with a bold lead. */
export function numberedItem(position: number, lead: string, text: string): ContentBlock {
  return { type: 'clause', marker: { text: `${position}.` }, runs: [{ text: lead, bold: true }, ...(text ? [{ text: ` ${text}` }] : [])] };
}

/** A table with a bold header row and a number column first; "(Không có)" instead when it has no rows. */
export function numberedTable(language: Language, header: string[], rows: string[][], widths: number[]): ContentBlock {
  if (rows.length === 0) return bodyParagraph(reportTexts.none[language]);
  const headerCells: TableCell[] = [reportTexts.number[language], ...header].map((text) => ({ runs: [{ text, bold: true }], header: true, align: 'center' }));
  return {
    type: 'table',
    rows: [
      { cells: headerCells },
      ...rows.map((row, index) => ({
        cells: [{ runs: [{ text: String(index + 1) }], align: 'center' as const }, ...row.map((text) => ({ runs: [{ text }] }))],
      })),
    ],
    widths,
  };
}

/** "Điều 5 (Làm thêm giờ)"; an article no longer in the document (number 0) by its title only. */
export function articleName(article: { number: number; title: string }, language: Language): string {
  if (article.number === 0) return fill(reportTexts.articleRemoved[language], { title: article.title });
  return article.title
    ? fill(reportTexts.articleNamed[language], { number: String(article.number), title: article.title })
    : `${labels.article[language]} ${article.number}`;
}

/** The document named inside a sentence: its title in quotes, after the type name unless the title starts with it. */
export function documentName(kind: DocumentKind, title: string, language: Language): string {
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  const name = typeNames[kind][language].toLocaleLowerCase(locale);
  if (title.toLocaleLowerCase(locale).startsWith(name)) return `“${title}”`;
  const capitalised = language === 'vi' ? `${name.charAt(0).toLocaleUpperCase(locale)}${name.slice(1)}` : name;
  return `${capitalised} “${title}”`;
}

/** Both bargaining parties at top left, as on the agreement (both issue the minutes). */
export function partyOrganisations(kind: DocumentKind, parties: PartyNames): SectionedDocument['organisations'] {
  const sector = kind === 'sector_agreement' || kind === 'multi_enterprise_agreement';
  const names = sector ? [parties.employerSide, parties.workerSide] : [parties.enterprise, parties.union];
  return names.filter((name): name is string => name !== null).map((name) => ({ name, isIssuer: true }));
}

/** The labour authority at top left: the one the document was sent to, else the generic name. */
export function authorityOrganisation(authority: string | null, language: Language): SectionedDocument['organisations'] {
  return [{ name: authority ?? reportTexts.labourAuthority[language], isIssuer: true }];
}

/** A signature block with a one-line (or broken) title in capitals. */
export function signatureOf(title: Bilingual, name: string | null, language: Language): SignatureBlock {
  return { titleLines: [{ text: title[language] }], hint: reportTexts.signatureHint[language], name: name ?? '' };
}

/** "15 giờ 30, ngày 04 tháng 01 năm 2027" / "15:30 on 4 January 2027": the minutes give the hours as the people in the room read them, in Vietnam. */
export function officialMoment(instant: string, language: Language): string {
  const clock = vietnamClock(instant);
  const time = language === 'vi' ? clock.time.replace(':', ' giờ ') : clock.time;
  return fill(reportTexts.timeAndDate[language], { time, date: formatOfficialDate(clock.date, language) });
}
