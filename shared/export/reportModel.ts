import type { Language } from '#shared/format/locale';
import { formatPlaceAndDate, frameText, motto, nationalTitle, upper, type Bilingual, type FrameLanguages } from '#shared/export/officialFrame';
import type { Annex, ContentBlock, OrganisationLine, Recipients, RenderBlock, RenderDocument, SignatureBlock } from '#shared/export/renderModel';

/**
 * Any other official document in the same layout as the agreements: the bargaining minutes
 * (biên bản), the compliance report, the reviewer's decision. The caller gives the organisations,
 * the type name, the sections and the signatures; the frame (national title, motto, place and
 * date) is filled in the way agreementModel.ts fills it. Render the result with renderDocx
 * (main/export/docx.ts) or renderHtml (shared/export/html.ts) and print it like an agreement.
 */
export interface SectionedDocument {
  language: Language;
  /** For the file's metadata. */
  title: string;
  /** Top left: a parent body upright, then the issuing organisation in bold. */
  organisations: { name: string; isIssuer: boolean }[];
  /** "BIÊN BẢN", "BÁO CÁO", "QUYẾT ĐỊNH" in both languages (only `language` is shown unless bilingual). */
  typeName: Bilingual;
  /** The summary under the type name ("Phiên thương lượng tập thể ngày …"). */
  summary?: string;
  /** "Số: 12/BB-CĐCS", or none. */
  number?: string;
  place: string | null;
  /** YYYY-MM-DD, or null to leave blanks. */
  date: string | null;
  /** Paragraphs before the first section (grounds, who attended…). */
  opening?: ContentBlock[];
  /** Numbered sections: "I." and the title in capitals, then their blocks. */
  sections: { title: string; blocks: ContentBlock[] }[];
  signatures: SignatureBlock[];
  recipients?: Recipients;
  annexes?: Annex[];
  /** Show English under the Vietnamese frame texts. */
  bilingualFrame?: boolean;
}

const romanSections = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** A sectioned document as the render model. */
export function buildSectionedDocument(input: SectionedDocument): RenderDocument {
  const languages: FrameLanguages = input.bilingualFrame ? { primary: 'vi', secondary: 'en' } : { primary: input.language, secondary: null };
  const organisations: OrganisationLine[] = input.organisations.map((organisation) => ({
    text: upper(organisation.name, input.language),
    bold: organisation.isIssuer,
  }));
  const blocks: RenderBlock[] = [
    ...(input.opening ?? []),
    ...input.sections.flatMap((section, index): RenderBlock[] => [
      {
        type: 'heading',
        label: `${romanSections[index] ?? String(index + 1)}.`,
        title: [{ text: upper(section.title, input.language) }],
        labelOnOwnLine: false,
      },
      ...section.blocks,
    ]),
  ];
  return {
    language: languages.primary,
    title: input.title,
    organisations,
    nationalTitle: frameText(nationalTitle, languages),
    motto: frameText(motto, languages),
    number: input.number ?? null,
    placeAndDate: formatPlaceAndDate(input.place, input.date, languages.primary),
    typeName: frameText(input.typeName, languages),
    summary: input.summary ?? null,
    blocks,
    signatures: input.signatures,
    recipients: input.recipients ?? null,
    annexes: input.annexes ?? [],
  };
}
