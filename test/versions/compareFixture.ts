import type { TopLevelBlock } from '#shared/document/nodes';
import type { DiffSegment } from '#shared/document/wordDiff';
import type { ArticleChangeStatus } from '#shared/versions/compareBodies';

/** One comparison scenario: two texts of a document and the changes expected between them. */
export interface CompareFixture {
  name: string;
  before: TopLevelBlock[];
  after: TopLevelBlock[];
  /** Every changed article, in order; the redline written [-deleted-]{+inserted+}. */
  expected: { clauseId: string; status: ArticleChangeStatus; textChanged: boolean; numbers: [number | null, number | null]; redline: string }[];
}

/** A redline in one line of text: deletions as [-…-], insertions as {+…+}. */
export function redlineText(segments: readonly DiffSegment[]): string {
  return segments
    .map((segment) => (segment.kind === 'deleted' ? `[-${segment.text}-]` : segment.kind === 'inserted' ? `{+${segment.text}+}` : segment.text))
    .join('');
}
