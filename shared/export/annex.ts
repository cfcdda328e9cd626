import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { variablesUsed } from '#shared/templates/instantiate';
import { variableLabel } from '#shared/templates/variableValues';
import { variableText, type TextContext } from '#shared/export/blockRender';
import { fill, frameText, labels, typeNames, type FrameLanguages } from '#shared/export/officialFrame';
import type { ExportedDocument } from '#shared/export/agreementModel';
import type { Annex, Run, TableCell } from '#shared/export/renderModel';

/** The parties first, in the order the wizard asks for them; then the rest in order of use. */
const partyIds = [
  'enterprise_name',
  'enterprise_address',
  'sector_name',
  'employer_side_name',
  'worker_side_name',
  'union_name',
  'employer_representative',
  'employer_representative_title',
  'union_representative',
  'signing_place',
  'effective_date',
  'term_years',
];

/** The variables of a document in annex order: parties, then first use in the body, then the others. */
export function annexVariableOrder(document: ExportedDocument): string[] {
  const present = new Set(Object.keys(document.variables));
  const ordered = [...partyIds.filter((id) => present.has(id)), ...[...variablesUsed(document.blocks)].filter((id) => present.has(id))];
  const rest = [...present].filter((id) => !ordered.includes(id)).sort();
  return [...new Set([...ordered, ...rest])];
}

/** "(Kèm theo Thỏa ước lao động tập thể)", under an annex's title. */
export function annexReference(kind: DocumentKind, languages: FrameLanguages): string {
  const name = typeNames[kind][languages.primary].toLocaleLowerCase(languages.primary === 'vi' ? 'vi-VN' : 'en-GB');
  // "Kèm theo Thỏa ước lao động tập thể": a document's name takes a capital in Vietnamese.
  const documentName = languages.primary === 'vi' ? `${name.charAt(0).toLocaleUpperCase('vi-VN')}${name.slice(1)}` : name;
  return `(${fill(labels.annexReference[languages.primary], { document: documentName })})`;
}

/**
 * "Phụ lục": a table of every variable of the document (label, value), so that the negotiated
 * figures can be read at a glance. In a bilingual export each cell gives both languages.
 */
export function variablesAnnex(document: ExportedDocument, context: TextContext, languages: FrameLanguages): Annex {
  const both = (make: (language: Language) => string): Run[] => {
    const first = make(languages.primary);
    if (!languages.secondary) return [{ text: first }];
    const second = make(languages.secondary);
    return second === first ? [{ text: first }] : [{ text: first }, { text: `\n${second}`, italic: true }];
  };
  const header: TableCell[] = [labels.annexNumber, labels.annexLabel, labels.annexValue].map((text) => ({
    runs: both((language) => text[language]).map((run) => ({ ...run, bold: true })),
    header: true,
    align: 'center',
  }));
  const rows = annexVariableOrder(document).map((id, index) => ({
    cells: [
      { runs: [{ text: String(index + 1) }], align: 'center' as const },
      { runs: both((language) => variableLabel(context.lookupVariable(id), language)) },
      { runs: both((language) => variableText(id, language, context)) },
    ],
  }));
  return {
    heading: frameText(labels.annex, languages),
    title: frameText(labels.annexTitle, languages),
    reference: annexReference(document.kind, languages),
    blocks: [{ type: 'table', rows: [{ cells: header }, ...rows], widths: [8, 56, 36] }],
  };
}
