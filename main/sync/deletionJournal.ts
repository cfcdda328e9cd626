import * as Y from 'yjs';
import { decodeDeleteSet, encodeDeleteSet, isEmptyDeleteSet, type DeleteSet } from '#shared/versions/deleteSets';
import type { DeletionRecord } from '#main/store/records';

/** Who made a deletion: a participant, or null for the server itself or the host. */
export type DeletionAuthor = string | null;

/**
 * Who deleted what in one document. A Yjs delete set does not say who deleted an item; the update
 * log does (each update's participant) until compaction folds it into the checkpoint. So what each
 * applied update newly deleted is noted here under its author, and compaction writes it to the
 * store first (`deletion_authors`, decision 0008).
 */
export class DeletionJournal {
  /** Who is applying the transaction under way (undefined: nobody's deletions, e.g. loading the checkpoint). */
  private author: DeletionAuthor | undefined = undefined;
  /** Deletions applied since the last compaction, by author. */
  private sinceCompaction = new Map<DeletionAuthor, DeleteSet[]>();
  /** Deletions a compaction under way is writing, by author. */
  private compacting: Map<DeletionAuthor, DeleteSet[]> | null = null;
  /** Deletions recorded by past compactions (decoded at first use), by author. */
  private recorded: Map<DeletionAuthor, DeleteSet> | null = null;
  /** authors() as last computed; dropped whenever something is noted. */
  private cache: Map<DeletionAuthor, DeleteSet> | null = null;

  /** `recordedByCompactions`: what the store held when the document was read (UpdateLogStore.deletionAuthors). */
  constructor(private recordedByCompactions: readonly DeletionRecord[]) {}

  /** What compactions have recorded by now (another instance's compaction recorded more). */
  recordedNow(records: readonly DeletionRecord[]): void {
    this.recordedByCompactions = records;
    this.recorded = null;
    this.cache = null;
  }

  /** Runs `apply` (one or more Yjs transactions) with its deletions noted as `author`'s. */
  by<T>(author: DeletionAuthor, apply: () => T): T {
    this.author = author;
    try {
      return apply();
    } finally {
      this.author = undefined;
    }
  }

  /** The document's afterTransaction listener: what the transaction newly deleted is its author's. */
  note(transaction: Y.Transaction): void {
    if (this.author === undefined || isEmptyDeleteSet(transaction.deleteSet)) return;
    const sets = this.sinceCompaction.get(this.author) ?? [];
    this.sinceCompaction.set(this.author, sets);
    sets.push(transaction.deleteSet);
    // Keystroke by keystroke this would grow without end: fold it from time to time.
    if (sets.length >= 256) sets.splice(0, sets.length, Y.mergeDeleteSets(sets));
    this.cache = null;
  }

  /** Who deleted what: what past compactions recorded, and what was applied since. */
  authors(): Map<DeletionAuthor, DeleteSet> {
    if (this.cache) return this.cache;
    const result = new Map(this.recordedAuthors());
    for (const noted of [this.compacting, this.sinceCompaction]) {
      for (const [author, sets] of noted ?? [])
        result.set(author, Y.mergeDeleteSets([...(result.has(author) ? [result.get(author) as DeleteSet] : []), ...sets]));
    }
    this.cache = result;
    return result;
  }

  private recordedAuthors(): Map<DeletionAuthor, DeleteSet> {
    if (this.recorded === null) {
      const byAuthor = new Map<DeletionAuthor, DeleteSet[]>();
      for (const record of this.recordedByCompactions)
        byAuthor.set(record.participantId, [...(byAuthor.get(record.participantId) ?? []), decodeDeleteSet(record.deleteSet)]);
      this.recorded = new Map([...byAuthor].map(([author, sets]) => [author, Y.mergeDeleteSets(sets)]));
    }
    return this.recorded;
  }

  /**
   * What a compaction must record (everything noted until now: what is noted while it is written
   * waits for the next one), and what to call once it is written.
   */
  forCompaction(): { records: DeletionRecord[]; committed: () => void } {
    const taken = this.sinceCompaction;
    this.sinceCompaction = new Map();
    this.compacting = taken;
    const merged = [...taken].map(([author, sets]) => [author, Y.mergeDeleteSets(sets)] as const);
    return {
      records: merged.map(([participantId, deleteSet]) => ({ participantId, deleteSet: encodeDeleteSet(deleteSet) })),
      committed: () => {
        const recorded = this.recordedAuthors();
        for (const [author, deleteSet] of merged) {
          const known = recorded.get(author);
          recorded.set(author, known ? Y.mergeDeleteSets([known, deleteSet]) : deleteSet);
        }
        this.compacting = null;
        this.cache = null;
      },
    };
  }
}
