import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { holdsText, isElementType } from '#shared/document/elementRules';
import { contentRoot } from '#shared/document/yjsContent';
import {
  blockMarksOf,
  pendingValueSuggestions,
  runsOf,
  suggestionRecordSchema,
  suggestionRecords,
  suggestionsInBody,
  suggestionsRootName,
  type MarkedRun,
  type SuggestionInBody,
  type SuggestionRecord,
} from '#shared/negotiation/suggestions';
import type { SuggestionsReading } from '#shared/negotiation/suggestionPositions';

/** A pending suggestion as the review list shows it: its text now, and the server's record of it. */
export interface PendingSuggestion extends SuggestionInBody {
  record: SuggestionRecord;
}

/** What a text block holds of suggestions, comparable as a string: '' when it holds none. */
function markedRunsKey(runs: readonly MarkedRun[]): string {
  let key = '';
  for (const run of runs) {
    if (run.insertId !== null || run.deleteId !== null || run.formatId !== null)
      key += JSON.stringify([run.insertId, run.deleteId, run.formatId, run.formatting, run.formatFrom, run.text]);
  }
  return key;
}

/** Whether a text block is, or lies in, a block suggested as a whole (its text is that suggestion's, decision 0027). */
function inMarkedBlock(block: Y.XmlText): boolean {
  for (let element: unknown = block; element instanceof Y.XmlText; element = element.parent) {
    const { insertId, deleteId } = blockMarksOf(element);
    if (insertId !== null || deleteId !== null) return true;
  }
  return false;
}

/**
 * The pending suggestions of a shared document (those the server has recorded): those in the body
 * in document order, then the suggested values (decision 0028), read again only when a change may have altered them (decision 0031). Reading walks
 * the whole body (a 1,000-article agreement takes tens of milliseconds), so typing must not cause
 * it: a change of text in a block is checked against what that block held of suggestions at the
 * last reading (unless the block lies in a block suggested as a whole, whose text the list
 * shows); anything else (records, blocks added, removed or moved, a block's attributes)
 * makes the list stale.
 */
export class PendingSuggestionsIndex {
  private last: SuggestionsReading & { pending: PendingSuggestion[] } = { inBody: [], records: new Map(), pending: [] };
  /** The text blocks holding suggestion marks at the last reading, with what they held. */
  private marked = new Map<Y.XmlText, string>();
  /** The document when last read (what it holds and what it deleted: a deletion moves no clock). */
  private readAt: Y.Snapshot | null = null;
  private isStale = true;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {}

  /** The pending suggestions, read again if a change may have altered them since the last time. */
  current(): PendingSuggestion[] {
    return this.reading().pending;
  }

  /** Every suggestion of the body with the records, and the pending ones, read again only if a change may have altered them. */
  reading(): SuggestionsReading & { pending: PendingSuggestion[] } {
    if (!this.isStale) return this.last;
    const records = suggestionRecords(this.doc);
    const marked = new Map<Y.XmlText, string>();
    const inBody = suggestionsInBody(this.doc, (block, runs) => {
      const key = markedRunsKey(runs);
      if (key !== '') marked.set(block, key);
    });
    const values = pendingValueSuggestions(records).map((record) => ({ id: record.id, inserted: '', deleted: '', clauseId: record.clauseId, record }));
    const pending = [
      ...inBody.flatMap((suggestion) => {
        const record = records.get(suggestion.id);
        return record && record.status === 'pending' ? [{ ...suggestion, record }] : [];
      }),
      ...values,
    ];
    this.last = { inBody, records, pending };
    this.marked = marked;
    this.readAt = Y.snapshot(this.doc);
    this.isStale = false;
    return this.last;
  }

  /**
   * Calls `onStale` each time the reading becomes stale (read it again with `current()` or
   * `reading()`), from now until the returned function is called. Several may watch at once.
   */
  watch(onStale: () => void): () => void {
    const body = contentRoot(this.doc);
    const records = this.doc.getMap<unknown>(suggestionsRootName);
    if (this.listeners.size === 0) {
      body.observeDeep(this.onBodyChange);
      records.observe(this.markStale);
    }
    this.listeners.add(onStale);
    // Whatever changed between the last reading and now was not observed.
    if (!this.isStale && (this.readAt === null || !Y.equalSnapshots(this.readAt, Y.snapshot(this.doc)))) this.markStale();
    return () => {
      this.listeners.delete(onStale);
      if (this.listeners.size > 0) return;
      body.unobserveDeep(this.onBodyChange);
      records.unobserve(this.markStale);
      // Unwatched, changes go unseen: the next reading reads the body again.
      this.isStale = true;
    };
  }

  private readonly markStale = (): void => {
    if (this.isStale) return;
    this.isStale = true;
    for (const listener of this.listeners) listener();
  };

  private readonly onBodyChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (!this.isStale && events.some((event) => this.mayChangeSuggestions(event))) this.markStale();
  };

  private mayChangeSuggestions(event: Y.YEvent<Y.AbstractType<unknown>>): boolean {
    const target = event.target;
    if (!(target instanceof Y.XmlText)) return true;
    const type: unknown = target.getAttribute('type');
    if (!isElementType(type) || !holdsText(type) || event.changes.keys.size > 0 || inMarkedBlock(target)) return true;
    return markedRunsKey(runsOf(target)) !== (this.marked.get(target) ?? '');
  }
}

const indexes = new WeakMap<Y.Doc, PendingSuggestionsIndex>();

/** The one index of a document's suggestions, shared by everything showing them, so that they read the body once per change. */
export function suggestionsIndexOf(doc: Y.Doc): PendingSuggestionsIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = new PendingSuggestionsIndex(doc);
    indexes.set(doc, index);
  }
  return index;
}

/** The latest pending suggestion of a variable's value, followed live (undefined when there is none). */
export function usePendingValueSuggestion(doc: Y.Doc | null, variableId: string): SuggestionRecord | undefined {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!doc) return () => {};
      const records = doc.getMap<unknown>(suggestionsRootName);
      records.observe(listener);
      return () => records.unobserve(listener);
    },
    [doc],
  );
  // Compared as text: each read parses the records anew.
  const latest = useSyncExternalStore(subscribe, () => {
    const found = doc ? pendingValueSuggestions(suggestionRecords(doc)).filter((record) => record.value?.variableId === variableId) : [];
    return JSON.stringify(found.at(-1) ?? null);
  });
  return useMemo(() => suggestionRecordSchema.nullable().parse(JSON.parse(latest)) ?? undefined, [latest]);
}

/**
 * The pending suggestions, followed live: read again at most every 250 ms after a change that may
 * have altered them, so that neither the list nor typing slows the other. `firstReading` 'idle'
 * starts from none and reads them once the page is idle (within a second): for what is shown
 * beside the text, whose opening must not wait for a walk of the whole body (decision 0031).
 */
export function usePendingSuggestions(doc: Y.Doc, firstReading: 'now' | 'idle' = 'now'): PendingSuggestion[] {
  const index = suggestionsIndexOf(doc);
  const [pending, setPending] = useState<PendingSuggestion[]>(() => (firstReading === 'now' ? index.current() : []));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = index.watch(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setPending(index.current());
      }, 250);
    });
    let first: number | undefined;
    if (firstReading === 'now') setPending(index.current());
    else first = requestIdleCallback(() => setPending(index.current()), { timeout: 1000 });
    return () => {
      if (first !== undefined) cancelIdleCallback(first);
      clearTimeout(timer);
      stop();
    };
  }, [index, firstReading]);
  return pending;
}
