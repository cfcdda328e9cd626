import { createEditor, Element, Transforms, type Editor, type NodeEntry } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import type { ArticleElement } from '#shared/document/nodes';
import type { DocumentEditor } from './customTypes';
import { withEditingRules } from './plugins/withEditingRules';
import { withInlineVariables } from './plugins/withInlineVariables';
import { withStructure } from './plugins/withStructure';

/**
 * One article and nothing else: whatever lands beside it (a pasted article or chapter, a
 * paragraph) moves into it, where the structure rules turn it into body blocks; an emptied
 * editor gets its article back.
 */
function withSingleArticle<T extends Editor>(editor: T, clauseId: string): T {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [, path] = entry;
    if (path.length === 0) {
      const [first, second] = editor.children;
      if (!first) {
        Transforms.insertNodes(
          editor,
          {
            type: 'article',
            clauseId,
            children: [
              { type: 'article-title', children: [{ text: '' }] },
              { type: 'paragraph', children: [{ text: '' }] },
            ],
          },
          { at: [0] },
        );
        return;
      }
      if (!Element.isElement(first) || first.type !== 'article') {
        if (Element.isElement(first) && first.type === 'chapter') Transforms.unwrapNodes(editor, { at: [0] });
        else Transforms.wrapNodes(editor, { type: 'article', clauseId, children: [] }, { at: [0] });
        return;
      }
      if (second) {
        Transforms.moveNodes(editor, { at: [1], to: [0, first.children.length] });
        return;
      }
    }
    normalizeNode(entry, options);
  };
  return editor;
}

/**
 * An editor of one article outside the shared document (a proposal being written): the same
 * structure rules and chips as the document's editor, its own undo, bound to nothing.
 */
export function createArticleEditor(article: ArticleElement): DocumentEditor {
  // Slate's editor type is the document's (customTypes.ts); this one has local undo instead of Yjs.
  const editor = withReact(withSingleArticle(withEditingRules(withStructure(withInlineVariables(withHistory(createEditor())))), article.clauseId));
  editor.children = [structuredClone(article)];
  return editor;
}
