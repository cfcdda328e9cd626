import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import {
  pendingValueSuggestions,
  suggestionRecordSchema,
  suggestionRecords,
  suggestionsInBody,
  suggestionsRootName,
  type SuggestionInBody,
  type SuggestionRecord,
} from '#shared/negotiation/suggestions';

/** A pending suggestion as the review list shows it: its text now, and the server's record of it. */
export interface PendingSuggestion extends SuggestionInBody {
  record: SuggestionRecord;
}

/**
 * The pending suggestions of a shared document (those the server has recorded): those in the body
 * in document order, then the suggested values (decision 0028), listed with the article they were made for.
 */
function pendingSuggestionsOf(doc: Y.Doc): PendingSuggestion[] {
  const records = suggestionRecords(doc);
  const inBody = suggestionsInBody(doc).flatMap((suggestion) => {
    const record = records.get(suggestion.id);
    return record && record.status === 'pending' ? [{ ...suggestion, record }] : [];
  });
  const values = pendingValueSuggestions(doc).map((record) => ({ id: record.id, inserted: '', deleted: '', clauseId: record.clauseId, record }));
  return [...inBody, ...values];
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
    const found = doc ? pendingValueSuggestions(doc).filter((record) => record.value?.variableId === variableId) : [];
    return JSON.stringify(found.at(-1) ?? null);
  });
  return useMemo(() => suggestionRecordSchema.nullable().parse(JSON.parse(latest)) ?? undefined, [latest]);
}

/**
 * The pending suggestions, followed live: read again at most every 250 ms after a change (reading
 * walks the whole body), so that typing is not slowed by the list.
 */
export function usePendingSuggestions(doc: Y.Doc): PendingSuggestion[] {
  const [pending, setPending] = useState<PendingSuggestion[]>(() => pendingSuggestionsOf(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setPending(pendingSuggestionsOf(doc));
      }, 250);
    };
    doc.on('update', onUpdate);
    setPending(pendingSuggestionsOf(doc));
    return () => {
      clearTimeout(timer);
      doc.off('update', onUpdate);
    };
  }, [doc]);
  return pending;
}
