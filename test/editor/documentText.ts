import { computeNumbering, pointLetter, toRoman } from '#shared/document/numbering';
import { plainText, type BodyBlock, type DocumentNode, type TopLevelBlock } from '#shared/document/nodes';

function bodyLines(blocks: readonly (DocumentNode & { type: string })[]): string[] {
  const lines: string[] = [];
  let clause = 0;
  let point = 0;
  for (const block of blocks as BodyBlock[]) {
    const text = plainText(block);
    if (block.type === 'clause') {
      clause += 1;
      point = 0;
      lines.push(`  ${clause}. ${text}`);
    } else if (block.type === 'point') {
      point += 1;
      lines.push(`  ${pointLetter(point)}) ${text}`);
    } else if (block.type === 'bulleted-list') {
      for (const item of block.children) lines.push(`  - ${plainText(item)}`);
    } else if (block.type === 'table') {
      for (const row of block.children) lines.push(`  | ${row.children.map((cell) => plainText(cell)).join(' | ')} |`);
    } else {
      lines.push(`  ¶ ${text}`);
    }
  }
  return lines;
}

/**
 * A document as readable lines, with the numbers a reader sees ("Chương II", "Điều 7.", "1.",
 * "a)"): fixtures state their expectations in this form.
 */
export function documentText(blocks: readonly TopLevelBlock[]): string {
  const numbering = computeNumbering(blocks);
  const lines: string[] = [];
  const article = (node: TopLevelBlock) => {
    if (node.type !== 'article') return;
    const [title, ...body] = node.children;
    lines.push(`Điều ${numbering.articles.get(node.clauseId)}. ${title ? plainText(title) : ''}`);
    lines.push(...bodyLines(body));
  };
  for (const block of blocks) {
    if (block.type === 'chapter') {
      const [title, ...articles] = block.children;
      lines.push(`Chương ${toRoman(numbering.chapters.get(block.chapterId) ?? 0)}. ${title ? plainText(title) : ''}`);
      for (const child of articles) article(child as TopLevelBlock);
    } else if (block.type === 'article') {
      article(block);
    } else {
      lines.push(`¶ ${plainText(block)}`);
    }
  }
  return lines.join('\n');
}
