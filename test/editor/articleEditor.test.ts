import { Editor, Transforms } from 'slate';
import { describe, expect, it } from 'vitest';
import { articleText } from '#shared/document/articles';
import type { ArticleElement, InlineNode } from '#shared/document/nodes';
import { createArticleEditor } from '../../renderer/editor/createArticleEditor';
import { article, chapter, clause, cursorAt, point } from './builders';

// The proposal editor's Slate instance: one article, with the document's structure rules and
// chips, bound to no shared document. Whatever is pasted or removed, it stays one article.

const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });

function overtimePay(): ArticleElement {
  return {
    type: 'article',
    clauseId: 'ot',
    children: [
      { type: 'article-title', children: [{ text: 'Tiền lương làm thêm giờ' }] },
      { type: 'clause', children: [{ text: 'Người lao động làm thêm giờ được trả lương như sau:' }] },
      { type: 'point', children: [{ text: 'Vào ngày thường, ít nhất bằng ' }, chip('ot_rate_weekday'), { text: ';' }] },
    ],
  };
}

const only = (editor: ReturnType<typeof createArticleEditor>): ArticleElement => {
  expect(editor.children).toHaveLength(1);
  return editor.children[0] as ArticleElement;
};

describe('the editor of a proposed article', () => {
  it('edits a copy: the article given is untouched, its chips and blocks kept', () => {
    const original = overtimePay();
    const editor = createArticleEditor(original);
    cursorAt(editor, [0, 1], -1);
    editor.insertBreak();
    editor.insertText('Công ty trả thêm tiền ăn ca.');
    expect(articleText(only(editor))).toBe(
      'Tiền lương làm thêm giờ\nNgười lao động làm thêm giờ được trả lương như sau:\nCông ty trả thêm tiền ăn ca.\nVào ngày thường, ít nhất bằng {{ot_rate_weekday}};',
    );
    expect(only(editor).children.map((block) => block.type)).toEqual(['article-title', 'clause', 'clause', 'point']);
    expect(original).toEqual(overtimePay());
    expect('sharedRoot' in editor).toBe(false);
    editor.undo();
    editor.undo();
    expect(only(editor)).toEqual(overtimePay());
  });

  it('takes pasted articles and chapters into its one article, as body blocks', () => {
    const editor = createArticleEditor(overtimePay());
    cursorAt(editor, [0, 2], -1);
    Transforms.insertNodes(
      editor,
      [article('x', 'Điều dán vào', clause('Khoản dán vào.')), chapter('c', 'CHƯƠNG DÁN', article('y', 'Điều khác', point('Điểm dán vào.')))],
      { at: [1] },
    );
    Editor.normalize(editor, { force: true });
    const result = only(editor);
    expect(result.clauseId).toBe('ot');
    expect(result.children[0]?.type).toBe('article-title');
    expect(articleText(result)).toContain('Khoản dán vào.');
    expect(articleText(result)).toContain('Điểm dán vào.');
    expect(result.children.slice(1).every((block) => ['paragraph', 'clause', 'point', 'bulleted-list', 'table'].includes(block.type))).toBe(true);
  });

  it('gets its article back when everything is removed', () => {
    const editor = createArticleEditor(overtimePay());
    Transforms.removeNodes(editor, { at: [0] });
    const result = only(editor);
    expect(result.clauseId).toBe('ot');
    expect(result.children.map((block) => block.type)).toEqual(['article-title', 'paragraph']);
  });
});
