import { bodyMarkers } from '#shared/document/numbering';
import type { ArticleElement, BodyBlock } from '#shared/document/nodes';
import { diffSequences, type DiffBudget } from '#shared/document/sequenceDiff';
import { coarser, diffWords, type DiffGranularity, type DiffSegment } from '#shared/document/wordDiff';
import type { Language } from '#shared/format/locale';
import {
  articleBody,
  articleHeading,
  articleTitle,
  inlineText,
  markChange,
  note,
  renderArticle,
  renderBodyBlock,
  type TextContext,
} from '#shared/export/blockRender';
import { fill, labels, sideNames, type Bilingual } from '#shared/export/officialFrame';
import type { ContentBlock, Run } from '#shared/export/renderModel';
import type { ProposalKind } from '#shared/negotiation/model';
import type { VariableValue } from '#shared/templates/schema';

/**
 * An open amendment proposal as the redline needs it: what it does to which article, and the
 * proposed article (title and body) for replace and insert_after. The negotiation model's
 * proposals (shared/negotiation) have these fields and can be passed as they are.
 */
export interface RedlineProposal {
  clauseId: string;
  kind: ProposalKind;
  article: ArticleElement | null;
  /** New values the proposal offers: its text reads with them. */
  values?: Readonly<Record<string, VariableValue>>;
  side?: string;
  authorName?: string;
  rationale?: string;
  /** ISO time; proposals on one article are shown oldest first. */
  createdAt?: string;
}

/** How a proposal's text reads: with the values it offers in place of the document's. */
export function withProposedValues(context: TextContext, proposal: RedlineProposal): TextContext {
  return proposal.values && Object.keys(proposal.values).length > 0 ? { ...context, values: { ...context.values, ...proposal.values } } : context;
}

/** Diff segments as runs: inserted and deleted words carry their change. */
export function segmentRuns(segments: readonly DiffSegment[]): Run[] {
  return segments.map((segment) => (segment.kind === 'equal' ? { text: segment.text } : { text: segment.text, change: segment.kind }));
}

const wordDiffable = new Set<BodyBlock['type']>(['paragraph', 'clause', 'point']);

function blockText(block: BodyBlock, language: Language, context: TextContext): string {
  switch (block.type) {
    case 'paragraph':
    case 'clause':
    case 'point':
      return inlineText(block.children, language, context);
    case 'bulleted-list':
      return block.children.map((item) => inlineText(item.children, language, context)).join('\n');
    case 'table':
      return block.children.map((row) => row.children.map((cell) => inlineText(cell.children, language, context)).join('\t')).join('\n');
  }
}

/** What the reader is told under an article compared more coarsely than word by word. */
const coarseNotes: Record<Exclude<DiffGranularity, 'word'>, Bilingual> = {
  sentence: labels.comparedBySentence,
  paragraph: labels.comparedByParagraph,
  article: labels.comparedAsWhole,
};

/**
 * The proposed article against the current one: the title and each body block diffed word by
 * word. Blocks are first matched as wholes (Myers on their texts); within a stretch of changed
 * blocks, old and new are paired in order and diffed, and what is left over is wholly deleted or
 * inserted. Clause and point markers follow the proposed text (deleted blocks keep their old one).
 * All of it draws on the export's `budget`: past it blocks are compared by sentence, or shown
 * wholly replaced, and a note under the article says so. The proposed text reads its chips with
 * `proposedContext` (the values the proposal offers), so that a changed value shows as changed.
 */
export function diffArticle(
  current: ArticleElement,
  proposed: ArticleElement,
  number: string,
  language: Language,
  context: TextContext,
  budget: DiffBudget,
  proposedContext: TextContext = context,
): ContentBlock[] {
  const titleDiff = diffWords(inlineText(articleTitle(current), language, context), inlineText(articleTitle(proposed), language, proposedContext), budget);
  let granularity = titleDiff.granularity;
  const title = segmentRuns(titleDiff.segments);
  const before = articleBody(current);
  const after = articleBody(proposed);
  const beforeMarkers = bodyMarkers(before);
  const afterMarkers = bodyMarkers(after);
  const beforeKeys = before.map((block) => `${block.type}\u0000${blockText(block, language, context)}`);
  const afterKeys = after.map((block) => `${block.type}\u0000${blockText(block, language, proposedContext)}`);
  const blocks: ContentBlock[] = [articleHeading(number, title, language)];
  let deleted: number[] = [];
  let inserted: number[] = [];
  const flush = (): void => {
    const paired = Math.min(deleted.length, inserted.length);
    for (let index = 0; index < Math.max(deleted.length, inserted.length); index += 1) {
      const oldIndex = deleted[index];
      const newIndex = inserted[index];
      const oldBlock = oldIndex === undefined ? undefined : before[oldIndex];
      const newBlock = newIndex === undefined ? undefined : after[newIndex];
      if (index < paired && oldBlock && newBlock && wordDiffable.has(oldBlock.type) && wordDiffable.has(newBlock.type)) {
        const words = diffWords(blockText(oldBlock, language, context), blockText(newBlock, language, proposedContext), budget);
        granularity = coarser(granularity, words.granularity);
        const runs = segmentRuns(words.segments);
        const marker = newIndex === undefined ? null : (afterMarkers[newIndex] ?? null);
        blocks.push(
          newBlock.type === 'paragraph'
            ? { type: 'paragraph', role: 'body', runs }
            : { type: newBlock.type as 'clause' | 'point', marker: { text: marker ?? '' }, runs },
        );
        continue;
      }
      if (oldBlock && oldIndex !== undefined)
        blocks.push(...renderBodyBlock(oldBlock, beforeMarkers[oldIndex] ?? null, language, context).map((block) => markChange(block, 'deleted')));
      if (newBlock && newIndex !== undefined)
        blocks.push(...renderBodyBlock(newBlock, afterMarkers[newIndex] ?? null, language, proposedContext).map((block) => markChange(block, 'inserted')));
    }
    deleted = [];
    inserted = [];
  };
  const edits = diffSequences(beforeKeys, afterKeys, budget);
  if (edits) {
    for (const edit of edits) {
      if (edit.kind === 'deleted') deleted.push(edit.aIndex);
      else if (edit.kind === 'inserted') inserted.push(edit.bIndex);
      else {
        flush();
        const block = after[edit.bIndex];
        if (block) blocks.push(...renderBodyBlock(block, afterMarkers[edit.bIndex] ?? null, language, proposedContext));
      }
    }
    flush();
  } else {
    // Too many blocks to match: the old body struck through, then the new one.
    granularity = 'article';
    blocks.push(
      ...before.flatMap((block, index) =>
        renderBodyBlock(block, beforeMarkers[index] ?? null, language, context).map((rendered) => markChange(rendered, 'deleted')),
      ),
    );
    blocks.push(
      ...after.flatMap((block, index) =>
        renderBodyBlock(block, afterMarkers[index] ?? null, language, proposedContext).map((rendered) => markChange(rendered, 'inserted')),
      ),
    );
  }
  if (granularity !== 'word') blocks.push(note(coarseNotes[granularity][language]));
  return blocks;
}

/** "Đề xuất của Công đoàn (Nguyễn Văn A). Lý do: …" under a changed article. */
export function proposalNote(proposal: RedlineProposal, language: Language, what?: string): ContentBlock {
  const side =
    proposal.side === 'employer' || proposal.side === 'union' || proposal.side === 'reviewer' ? sideNames[proposal.side][language] : (proposal.side ?? '');
  const who = [side, proposal.authorName].filter((part) => part && part.trim() !== '');
  const parts = [
    what,
    who.length > 0 ? fill(labels.proposalBy[language], { side: who.join(', ') }) : null,
    proposal.rationale ? `${labels.rationale[language]}: ${proposal.rationale.trim()}` : null,
  ];
  return note(`(${parts.filter((part) => part).join('. ')})`);
}

/** A proposed new article, wholly inserted, numbered after the one it follows ("Điều 5a."). */
export function insertedArticle(proposal: RedlineProposal, number: string, language: Language, context: TextContext): ContentBlock[] {
  if (!proposal.article) return [];
  return [
    ...renderArticle(proposal.article, number, language, withProposedValues(context, proposal)).map((block) => markChange(block, 'inserted')),
    proposalNote(proposal, language, labels.insertedArticle[language]),
  ];
}

/** An article proposed for deletion: all of it struck through. */
export function deletedArticle(article: ArticleElement, proposal: RedlineProposal, number: string, language: Language, context: TextContext): ContentBlock[] {
  return [
    ...renderArticle(article, number, language, context).map((block) => markChange(block, 'deleted')),
    proposalNote(proposal, language, labels.deletedArticle[language]),
  ];
}

/** Letters for proposed new articles after the same article: 5a, 5b, … */
export function insertedNumber(after: number, index: number): string {
  return `${after}${String.fromCharCode(97 + (index % 26))}`;
}
