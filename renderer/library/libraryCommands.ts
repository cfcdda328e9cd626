import { Editor, Transforms } from 'slate';
import type { Language } from '#shared/format/locale';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { articleFromTemplate, templateBody } from '#shared/templates/instantiate';
import type { ArticleTemplate, VariableDefinition, VariableValue } from '#shared/templates/schema';
import { insertArticle } from '../editor/commands';
import type { DocumentEditor } from '../editor/customTypes';
import { newNodeId } from '../editor/ids';
import { selectedArticle } from '../editor/structure';
import type { DocumentVariables } from '../variables/documentVariables';

/**
 * Gives the variables of a wording a value: the wording's proposed values (a "floor" wording
 * proposes the legal minimum) replace current ones; other variables keep theirs, or get defaults.
 * Procedural facts are left to the lifecycle record (the server refuses them from a client).
 */
function applyWordingValues(template: ArticleTemplate, alternativeId: string | undefined, variables: DocumentVariables): void {
  const proposed = template.alternatives.find((a) => a.id === alternativeId)?.values ?? {};
  const wording = alternativeId === undefined ? template.body : (template.alternatives.find((a) => a.id === alternativeId)?.body ?? template.body);
  const used = new Set(
    wording.flatMap((block) => [...`${block.text.vi} ${block.text.en}`.matchAll(/\{\{\s*([a-z][a-z0-9_.-]*)\s*\}\}/g)].map((m) => m[1] ?? '')),
  );
  variables.values.doc?.transact(() => {
    for (const id of used) {
      if (isProceduralFact(id)) continue;
      const definition: VariableDefinition | undefined = variables.lookup(id);
      const value: VariableValue | undefined = proposed[id] ?? (variables.values.has(id) ? undefined : definition?.default);
      if (value !== undefined) variables.values.set(id, value);
    }
  });
}

/** Inserts a template as a new article after the selected one (or at the end). */
export function insertTemplate(
  editor: DocumentEditor,
  template: ArticleTemplate,
  alternativeId: string | undefined,
  language: Language,
  variables: DocumentVariables,
): void {
  insertArticle(editor, articleFromTemplate(template, { language, newId: newNodeId, wordings: alternativeId ? { [template.id]: alternativeId } : {} }));
  applyWordingValues(template, alternativeId, variables);
}

/** Replaces the text of the selected article (keeping its title and id) with another wording. */
export function swapWording(
  editor: DocumentEditor,
  template: ArticleTemplate,
  alternativeId: string | undefined,
  language: Language,
  variables: DocumentVariables,
): boolean {
  const entry = selectedArticle(editor);
  if (!entry) return false;
  const [article, path] = entry;
  Editor.withoutNormalizing(editor, () => {
    for (let index = article.children.length - 1; index >= 1; index -= 1) Transforms.removeNodes(editor, { at: [...path, index] });
    Transforms.insertNodes(editor, templateBody(template, language, alternativeId), { at: [...path, 1], select: false });
    Transforms.setNodes(editor, { templateId: template.id }, { at: path });
  });
  applyWordingValues(template, alternativeId, variables);
  return true;
}
