import { useMemo } from 'react';
import { createDiffBudget } from '#shared/document/sequenceDiff';
import { diffArticleText } from '#shared/versions/articleRedline';
import { CoarseDiffNote } from '../components/CoarseDiffNote';

/**
 * Changes from one article text to another (lines matched first, then words): insertions
 * underlined, deletions struck through, with a note when the change was too large to compare word
 * by word. Each redline has a request's budget, so that a huge proposal cannot freeze the page.
 */
export function Redline({ before, after }: { before: string; after: string }) {
  const redline = useMemo(() => diffArticleText(before, after, createDiffBudget()), [before, after]);
  return (
    <>
      <div className="redline">
        {redline.segments.map((segment, index) =>
          segment.kind === 'inserted' ? <ins key={index}>{segment.text}</ins> : segment.kind === 'deleted' ? <del key={index}>{segment.text}</del> : <span key={index}>{segment.text}</span>,
        )}
      </div>
      <CoarseDiffNote granularity={redline.granularity} />
    </>
  );
}
