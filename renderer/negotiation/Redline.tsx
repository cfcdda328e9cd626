import { diffWords } from '#shared/document/wordDiff';

/** Word-level changes from one text to another: insertions underlined, deletions struck through. */
export function Redline({ before, after }: { before: string; after: string }) {
  return (
    <div className="redline">
      {before.length === 0 && after.length === 0 ? null : diffWords(before, after).map((segment, index) =>
        segment.kind === 'inserted' ? <ins key={index}>{segment.text}</ins> : segment.kind === 'deleted' ? <del key={index}>{segment.text}</del> : <span key={index}>{segment.text}</span>,
      )}
    </div>
  );
}
