import { createEditor } from 'slate';
import { describe, expect, it } from 'vitest';
import { articlesPerChunk, documentChunkSize } from '../../renderer/editor/chunking';
import { article, chapter, clause, paragraph } from './builders';

// Decision 0031: the document editor renders its top level and its chapters in chunks.
describe('chunk sizes of the document editor', () => {
  const many = Array.from({ length: 120 }, (_, index) => article(`a${index}`, `Điều ${index}`, 'Nội dung.'));

  it('chunks the top level and chapters, whatever their length, and never an article or a block', () => {
    const editor = createEditor();
    expect(documentChunkSize(editor)).toBe(articlesPerChunk);
    expect(documentChunkSize(chapter('c1', 'Chương I', ...many))).toBe(articlesPerChunk);
    // A short chapter keeps chunking on, so that it never switches as articles come and go.
    expect(documentChunkSize(chapter('c2', 'Chương II', article('a', 'Điều', 'x')))).toBe(articlesPerChunk);
    expect(documentChunkSize(article('a1', 'Tiền lương', clause('Một.'), clause('Hai.')))).toBeNull();
    expect(documentChunkSize(paragraph('Văn bản'))).toBeNull();
  });
});
