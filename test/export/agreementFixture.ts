import type { DocumentKind } from '#shared/documents/kinds';
import type { ExportedDocument } from '#shared/export/agreementModel';
import type { ExportSources } from '#shared/export/agreementModel';
import type { Language } from '#shared/format/locale';
import { findTemplate, outlineForKind, templateLibrary } from '#shared/templates/library';
import type { VariableValue } from '#shared/templates/schema';
import { buildDocument, outlineChoices } from '../../renderer/wizard/wizardModel';

/** The parties of the fixtures, as the wizard asks for them. */
export const partyFacts: Record<string, VariableValue> = {
  enterprise_name: 'Công ty TNHH May Sài Gòn',
  enterprise_address: 'Số 12 đường Nguyễn Văn Linh, phường Tân Thuận, TP. Hồ Chí Minh',
  union_name: 'Công đoàn cơ sở Công ty TNHH May Sài Gòn',
  employer_representative: 'Nguyễn Văn An',
  employer_representative_title: 'Tổng Giám đốc',
  union_representative: 'Trần Thị Bình',
  signing_place: 'TP. Hồ Chí Minh',
  effective_date: '2027-01-05',
};

/** Deterministic ids: the same fixture gives the same file. */
export function sequentialIds(prefix = 'id'): () => string {
  let next = 0;
  return () => `${prefix}${(next += 1).toString(36).padStart(4, '0')}`;
}

/** A complete document from the library: every article of the kind's outline, as the wizard builds it. */
export function completeDocument(
  kind: DocumentKind = 'enterprise_agreement',
  language: Language = 'vi',
  title = 'Thỏa ước lao động tập thể Công ty TNHH May Sài Gòn 2027–2029',
  newId: () => string = sequentialIds(),
): ExportedDocument {
  const library = templateLibrary();
  const model = outlineChoices(kind, library);
  if (!model) throw new Error(`no outline for ${kind}`);
  const chosen = new Set(model.outline.chapters.flatMap((chapter) => chapter.articles).filter((id) => model.byId.has(id)));
  const built = buildDocument({ kind, language, facts: partyFacts, chosen, wordings: {} }, library, newId);
  if (!built) throw new Error('the wizard built nothing');
  return { kind, title, language, blocks: built.content, variables: built.variables };
}

/** Where the built-in library's texts and the variables' definitions come from. */
export function librarySources(kind: DocumentKind): ExportSources {
  const definitions = new Map(templateLibrary().variables.map((variable) => [variable.id, variable]));
  return { lookupVariable: (id) => definitions.get(id), findTemplate: (id) => findTemplate(id), outline: outlineForKind(kind) };
}
