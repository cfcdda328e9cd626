import type { DiffGranularity, DiffSegment } from '#shared/document/wordDiff';
import { CoarseDiffNote } from '../components/CoarseDiffNote';

/** A word-level redline: insertions underlined, deletions struck through, line breaks kept; a note when it was compared more coarsely. */
export function RedlineText({ segments, granularity }: { segments: readonly DiffSegment[]; granularity: DiffGranularity }) {
  return (
    <>
      <div className="history-redline">
        {segments.map((segment, index) =>
          segment.kind === 'inserted' ? (
            <ins key={index}>{segment.text}</ins>
          ) : segment.kind === 'deleted' ? (
            <del key={index}>{segment.text}</del>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </div>
      <CoarseDiffNote granularity={granularity} />
    </>
  );
}
