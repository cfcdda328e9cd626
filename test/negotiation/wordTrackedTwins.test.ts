import { describe, expect, it } from 'vitest';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import { withoutPendingSuggestions } from '#shared/document/suggestionMarks';
import { markedTwins } from '#shared/export/trackedChanges';
import { article, paragraph } from '../editor/builders';

// Decision 0030: a .docx with tracked changes pairs each article of the accepted text with its
// marked twin; blocks and formatting suggested as a whole (decisions 0027, 0028) must not shift
// the pairs, or an article would be written with another's text.

describe('the marked twins of a tracked-changes export', () => {
  it('pairs each article with its own marked text when blocks are suggested before it, and reads suggested blocks and formatting as accepted', () => {
    const newArticle = { ...article('dieu-moi', 'Nhà trẻ', 'Hỗ trợ gửi trẻ.'), suggestInsert: 'them-dieu' } as ArticleElement;
    const wage: ArticleElement = {
      type: 'article',
      clauseId: 'tien-luong',
      children: [
        { type: 'article-title', children: [{ text: 'Tiền lương' }] },
        {
          type: 'paragraph',
          children: [
            { text: 'Mức lương ', bold: true, suggestFormat: 'dam', suggestFormatFrom: 'plain' },
            { text: 'thấp nhất', suggestInsert: 'them-chu' },
            { text: '.' },
          ],
        },
        { ...paragraph('Khoản mới.'), suggestInsert: 'them-khoan' },
      ],
    };
    const bonus = { ...article('thuong', 'Thưởng', 'Thưởng Tết.'), suggestDelete: 'bo-dieu' } as ArticleElement;
    const marked: TopLevelBlock[] = [paragraph('Căn cứ Bộ luật Lao động năm 2019.'), newArticle, wage, bonus];
    const accepted = withoutPendingSuggestions(marked);
    const twins = markedTwins(accepted, marked);

    expect(accepted.map((block) => (block.type === 'article' ? block.clauseId : block.type))).toEqual(['paragraph', 'tien-luong', 'thuong']);
    expect((twins.get(accepted[1] as TopLevelBlock) as ArticleElement).children).toEqual([
      { type: 'article-title', children: [{ text: 'Tiền lương' }] },
      // The formatting as it was; the inserted words still marked, to be written as w:ins; the suggested clause left out.
      { type: 'paragraph', children: [{ text: 'Mức lương ' }, { text: 'thấp nhất', suggestInsert: 'them-chu' }, { text: '.' }] },
    ]);
    const bonusTwin = twins.get(accepted[2] as TopLevelBlock) as ArticleElement;
    expect(bonusTwin.clauseId).toBe('thuong');
    expect('suggestDelete' in bonusTwin).toBe(false);
  });
});
