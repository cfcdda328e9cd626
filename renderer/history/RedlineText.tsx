import type { DiffSegment } from '#shared/document/wordDiff';

/** A word-level redline: insertions underlined, deletions struck through, line breaks kept. */
export function RedlineText({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <div className="history-redline">
      {segments.map((segment, index) =>
        segment.kind === 'inserted' ? <ins key={index}>{segment.text}</ins> : segment.kind === 'deleted' ? <del key={index}>{segment.text}</del> : <span key={index}>{segment.text}</span>,
      )}
    </div>
  );
}
