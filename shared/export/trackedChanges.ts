import { withTextSuggestionsOnly } from '#shared/document/suggestionMarks';
import type { ArticleElement, TopLevelBlock } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import type { SuggestionRecord } from '#shared/negotiation/suggestions';
import { sideNames } from '#shared/export/officialFrame';
import type { Revision } from '#shared/export/renderModel';

/**
 * The seam between the body's suggestion marks and Word's tracked changes (decision 0030): who
 * made each suggestion, as w:author and w:date, and the body as it reads with its marks.
 */

/** Word's w:author and w:date of one suggestion. */
export type RevisionAuthor = Omit<Revision, 'type'>;

/** What an export needs to carry pending suggestions as tracked changes. */
export interface TrackedSuggestions {
  /** The body as readMarkedContent reads it: the same shape as the accepted body, with the marks. */
  blocks: readonly TopLevelBlock[];
  /** The author of each pending suggestion, by id. */
  authors: ReadonlyMap<string, RevisionAuthor>;
}

/**
 * A time as Word writes w:date: ISO 8601 in UTC with a Z and whole seconds (Word drops the
 * milliseconds the server records).
 */
export function wordDate(iso: string): string {
  return iso.replace(/\.\d+Z$/u, 'Z');
}

/** "Nguyễn Văn A (Người sử dụng lao động)": the author's name and side, in the export's language. */
export function revisionAuthor(record: SuggestionRecord, language: Language): RevisionAuthor {
  return { author: `${record.authorName} (${sideNames[record.side][language]})`, date: wordDate(record.createdAt) };
}

/** The pending suggestions' authors, by id; decided ones have no mark left to carry. */
export function pendingAuthors(records: Iterable<SuggestionRecord>, language: Language): Map<string, RevisionAuthor> {
  const authors = new Map<string, RevisionAuthor>();
  for (const record of records) if (record.status === 'pending') authors.set(record.id, revisionAuthor(record, language));
  return authors;
}

/**
 * Each top-level block and article of the accepted body paired with its marked twin, in which
 * only text insertions and deletions are pending (withTextSuggestionsOnly): both bodies then have
 * the same blocks, chapters and articles in the same places (only the texts inside them differ).
 * Blocks and formatting suggested (decisions 0027, 0028) are carried as the accepted text reads
 * them, not as tracked changes.
 */
export function markedTwins(
  accepted: readonly TopLevelBlock[],
  marked: readonly TopLevelBlock[],
): Map<TopLevelBlock | ArticleElement, TopLevelBlock | ArticleElement> {
  const twins = new Map<TopLevelBlock | ArticleElement, TopLevelBlock | ArticleElement>();
  const texts = withTextSuggestionsOnly(marked);
  accepted.forEach((block, index) => {
    const twin = texts[index];
    if (twin === undefined || twin.type !== block.type) return;
    twins.set(block, twin);
    if (block.type !== 'chapter' || twin.type !== 'chapter') return;
    block.children.forEach((child, childIndex) => {
      const twinChild = twin.children[childIndex];
      if (child.type === 'article' && twinChild?.type === 'article') twins.set(child, twinChild);
    });
  });
  return twins;
}
