import type { DocumentKind } from '#shared/documents/kinds';
import type { TopLevelBlock } from '#shared/document/nodes';

const firstChapterTitle: Record<DocumentKind, string> = {
  enterprise_agreement: 'NHỮNG QUY ĐỊNH CHUNG',
  sector_agreement: 'NHỮNG QUY ĐỊNH CHUNG',
  multi_enterprise_agreement: 'NHỮNG QUY ĐỊNH CHUNG',
  labour_regulations: 'QUY ĐỊNH CHUNG',
};

/** The body of a new document started without a template: one chapter with one empty article. */
export function blankDocument(kind: DocumentKind, newId: () => string): TopLevelBlock[] {
  return [
    {
      type: 'chapter',
      chapterId: newId(),
      children: [
        { type: 'chapter-title', children: [{ text: firstChapterTitle[kind] }] },
        {
          type: 'article',
          clauseId: newId(),
          children: [
            { type: 'article-title', children: [{ text: 'Phạm vi áp dụng' }] },
            { type: 'paragraph', children: [{ text: '' }] },
          ],
        },
      ],
    },
  ];
}
