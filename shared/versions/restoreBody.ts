import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import * as Y from 'yjs';
import { insertArticleAfter, replaceArticle } from '#shared/document/articles';
import type { ArticleElement, ChapterElement, TopLevelBlock } from '#shared/document/nodes';
import { contentRoot, readContent, variablesMap } from '#shared/document/yjsContent';
import type { VariableValue } from '#shared/templates/schema';
import { stableJson } from '#shared/versions/canonicalText';
import type { DocumentText } from '#shared/versions/snapshotContent';

/**
 * Writing a past text back as a new change. Only what differs is rewritten: blocks equal at the
 * start and end of the body (and of a chapter kept in place) keep their Yjs items, so what people
 * wrote there stays theirs and the change stays as small as the difference.
 */

type Element = TopLevelBlock | ChapterElement['children'][number];

const same = (a: Element, b: Element): boolean => stableJson(a) === stableJson(b);

function isSameChapter(a: Element | undefined, b: Element | undefined): a is ChapterElement {
  return a?.type === 'chapter' && b?.type === 'chapter' && a.chapterId === (b as ChapterElement).chapterId;
}

/** The Y.XmlText elements of a parent, in order (every child of the body and of a chapter is one). */
function childTypes(parent: Y.XmlText): Y.XmlText[] {
  return (parent.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));
}

function replaceChildren(parent: Y.XmlText, current: readonly Element[], target: readonly Element[]): void {
  let start = 0;
  while (start < current.length && start < target.length && same(current[start] as Element, target[start] as Element)) start += 1;
  let end = 0;
  while (
    end < current.length - start &&
    end < target.length - start &&
    same(current[current.length - 1 - end] as Element, target[target.length - 1 - end] as Element)
  )
    end += 1;
  const was = current.slice(start, current.length - end);
  const is = target.slice(start, target.length - end);
  if (was.length === 0 && is.length === 0) return;
  // Chapters that stay in place are entered, so that only the articles that differ are rewritten.
  if (was.length === is.length && was.every((element, index) => isSameChapter(element, is[index]))) {
    const types = childTypes(parent);
    was.forEach((chapter, index) => {
      const type = types[start + index];
      if (type) replaceChildren(type, (chapter as ChapterElement).children, (is[index] as ChapterElement).children);
    });
    return;
  }
  parent.applyDelta(
    [...(start > 0 ? [{ retain: start }] : []), ...(was.length > 0 ? [{ delete: was.length }] : []), ...slateNodesToInsertDelta(is as unknown as SlateNode[])],
    { sanitize: false },
  );
}

/** Makes the body and the variable values those of `text` (call inside one transaction). */
export function writeDocumentText(doc: Y.Doc, text: DocumentText): void {
  replaceChildren(contentRoot(doc), readContent(doc), text.blocks);
  const variables = variablesMap(doc);
  for (const id of [...variables.keys()]) if (!(id in text.variables)) variables.delete(id);
  for (const [id, value] of Object.entries(text.variables) as [string, VariableValue][]) if (!Object.is(variables.get(id), value)) variables.set(id, value);
}

/**
 * Puts a past article back: in place if the article is in the body now; otherwise after the
 * nearest article that preceded it then and is still there, or at the start of its chapter, or
 * at the end of the body. Returns false if the article is not in `past`.
 */
export function writeArticle(doc: Y.Doc, past: readonly TopLevelBlock[], clauseId: string): boolean {
  const article = findArticle(past, clauseId);
  if (!article) return false;
  if (replaceArticle(doc, clauseId, article.element)) return true;
  const present = new Set(findAllArticleIds(readContent(doc)));
  for (const previous of [...article.before].reverse()) if (present.has(previous) && insertArticleAfter(doc, previous, article.element)) return true;
  const root = contentRoot(doc);
  if (article.chapterId) {
    const chapters = childTypes(root);
    const chapter = chapters.find((type) => type.getAttribute('type') === 'chapter' && type.getAttribute('chapterId') === article.chapterId);
    if (chapter) {
      chapter.applyDelta([{ retain: 1 }, ...slateNodesToInsertDelta([article.element] as unknown as SlateNode[])], { sanitize: false });
      return true;
    }
  }
  root.applyDelta([{ retain: root.length }, ...slateNodesToInsertDelta([article.element] as unknown as SlateNode[])], { sanitize: false });
  return true;
}

function findAllArticleIds(blocks: readonly TopLevelBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'article'
      ? [block.clauseId]
      : block.type === 'chapter'
        ? block.children.flatMap((child) => (child.type === 'article' ? [child.clauseId] : []))
        : [],
  );
}

function findArticle(blocks: readonly TopLevelBlock[], clauseId: string): { element: ArticleElement; before: string[]; chapterId: string | null } | null {
  const before: string[] = [];
  for (const block of blocks) {
    const candidates =
      block.type === 'article'
        ? [{ element: block, chapterId: null }]
        : block.type === 'chapter'
          ? block.children.flatMap((child) => (child.type === 'article' ? [{ element: child, chapterId: block.chapterId }] : []))
          : [];
    for (const candidate of candidates) {
      if (candidate.element.clauseId === clauseId) return { ...candidate, before };
      before.push(candidate.element.clauseId);
    }
  }
  return null;
}
