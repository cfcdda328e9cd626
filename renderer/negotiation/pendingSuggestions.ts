import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { suggestionRecords, suggestionsInBody, type SuggestionInBody, type SuggestionRecord } from '#shared/negotiation/suggestions';

/** A pending suggestion as the review list shows it: its text now, and the server's record of it. */
export interface PendingSuggestion extends SuggestionInBody {
  record: SuggestionRecord;
}

/** The pending suggestions of a shared document, in document order (those the server has recorded). */
function pendingSuggestionsOf(doc: Y.Doc): PendingSuggestion[] {
  const records = suggestionRecords(doc);
  return suggestionsInBody(doc).flatMap((suggestion) => {
    const record = records.get(suggestion.id);
    return record && record.status === 'pending' ? [{ ...suggestion, record }] : [];
  });
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
