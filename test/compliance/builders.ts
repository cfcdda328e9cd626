import { checkDocument } from '#shared/compliance/checkDocument';
import type { CheckDocumentInput, Finding, Severity } from '#shared/compliance/types';
import type { ArticleElement, ChapterElement, TopLevelBlock } from '#shared/document/nodes';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { documentFromOutline, textToInlines, variablesUsed } from '#shared/templates/instantiate';
import { outlineForKind, templateLibrary, templatesForKind } from '#shared/templates/library';
import type { VariableValue } from '#shared/templates/schema';
import { formatVariableValue } from '#shared/templates/variableValues';

/** A body block written as text ("{{id}}" makes a chip); `- ` makes a point under the clause before. */
export type BlockText = string;

export interface ArticleSpec {
  title: string;
  body: BlockText[];
  templateId?: string;
  chapter?: string;
}

let counter = 0;
const nextId = () => `c${++counter}`;

/** An article from text: clauses, and points for lines starting with "- ". */
export function article(spec: ArticleSpec): ArticleElement {
  return {
    type: 'article',
    clauseId: nextId(),
    ...(spec.templateId ? { templateId: spec.templateId } : {}),
    children: [
      { type: 'article-title', children: [{ text: spec.title }] },
      ...spec.body.map((text) =>
        text.startsWith('- ') ? { type: 'point' as const, children: textToInlines(text.slice(2)) } : { type: 'clause' as const, children: textToInlines(text) },
      ),
    ],
  };
}

/** A document of articles, each in its own chapter (titled by `chapter`, else "Chương"). */
export function documentOf(...specs: ArticleSpec[]): TopLevelBlock[] {
  return specs.map(
    (spec): ChapterElement => ({
      type: 'chapter',
      chapterId: nextId(),
      children: [{ type: 'chapter-title', children: [{ text: spec.chapter ?? 'Chương' }] }, article(spec)],
    }),
  );
}

export interface CheckOptions {
  kind?: DocumentKind;
  variables?: Record<string, VariableValue>;
  language?: Language;
  reference?: string;
  asOf?: string;
  enterprise?: CheckDocumentInput['enterprise'];
  signed?: boolean;
}

/** Checks articles given as text. */
export function checkArticles(specs: ArticleSpec[], options: CheckOptions = {}): Finding[] {
  return checkDocument({
    kind: options.kind ?? 'enterprise_agreement',
    blocks: documentOf(...specs),
    variables: options.variables ?? {},
    language: options.language ?? 'vi',
    dates: { reference: options.reference ?? '2027-01-01', ...(options.asOf ? { asOf: options.asOf } : {}) },
    ...(options.enterprise ? { enterprise: options.enterprise } : {}),
    ...(options.signed === undefined ? {} : { signed: options.signed }),
  });
}

/** Checks one sentence, in an article with the given title. */
export function checkSentence(text: string, options: CheckOptions & { title?: string } = {}): Finding[] {
  return checkArticles([{ title: options.title ?? 'Điều khoản', body: [text] }], options);
}

/** Violations and warnings: the findings that are not notes. */
export function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity !== 'information');
}

/** The findings of one rule at a severity (violations by default). */
export function findingsOf(findings: readonly Finding[], ruleId: string, severity: Severity = 'violation'): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId && finding.severity === severity);
}

const library = templateLibrary();
const definitions = new Map(library.variables.map((variable) => [variable.id, variable]));

/** Facts the wizard always sets (region, sector, headcount, effective date, term). */
export const wizardFacts = ['region', 'sector', 'headcount', 'effective_date', 'term_years'];

/**
 * A complete document of a kind from the built-in library: every article of its outline, in one
 * wording level ("floor", "common", "favourable") or the templates' own, with the defaults (or the
 * wording's proposed values) for every variable it shows, as the new-document wizard builds it.
 */
export function libraryDocument(
  kind: DocumentKind,
  language: Language,
  level?: 'floor' | 'common' | 'favourable',
  overrides: Record<string, VariableValue> = {},
): { blocks: TopLevelBlock[]; variables: Record<string, VariableValue> } {
  const outline = outlineForKind(kind, library);
  if (!outline) throw new Error(`no outline for ${kind}`);
  const byId = new Map(templatesForKind(kind, library).map((template) => [template.id, template]));
  const wordings: Record<string, string> = {};
  const proposals: Record<string, VariableValue> = {};
  if (level) {
    for (const template of byId.values()) {
      const alternative = template.alternatives.find((candidate) => candidate.level === level);
      if (!alternative) continue;
      wordings[template.id] = alternative.id;
      Object.assign(proposals, alternative.values ?? {});
    }
  }
  const blocks = documentFromOutline(outline, byId, new Set(outline.chapters.flatMap((chapter) => chapter.articles)), { language, newId: nextId, wordings });
  const variables: Record<string, VariableValue> = {};
  for (const id of new Set([...variablesUsed(blocks), ...wizardFacts])) {
    const value = overrides[id] ?? proposals[id] ?? definitions.get(id)?.default;
    if (value !== undefined) variables[id] = value;
  }
  return { blocks, variables };
}

/**
 * The same body with every chip replaced by its value as text ("150%", "45 ngày"): a document as
 * it comes from a word processor, which only the text patterns can read.
 */
export function inlineChips(blocks: readonly TopLevelBlock[], variables: Record<string, VariableValue>, language: Language): TopLevelBlock[] {
  const visit = (node: unknown): unknown => {
    const element = node as { type?: string; variableId?: string; children?: unknown[]; text?: string };
    if (element.type === 'variable') {
      const definition = definitions.get(element.variableId ?? '');
      const value = variables[element.variableId ?? ''];
      return { text: definition && value !== undefined ? formatVariableValue(definition, value, language) : '' };
    }
    if (!element.children) return node;
    const merged: { text?: string; type?: string }[] = [];
    for (const child of element.children.map(visit) as { text?: string; type?: string }[]) {
      const last = merged.at(-1);
      if (child.type === undefined && last && last.type === undefined && last.text !== undefined && child.text !== undefined) last.text += child.text;
      else merged.push({ ...child });
    }
    return { ...element, children: merged };
  };
  return blocks.map(visit) as TopLevelBlock[];
}
