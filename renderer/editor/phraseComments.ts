import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { Element, Range, type NodeEntry } from 'slate';
import type { Thread, ThreadVisibility } from '#shared/negotiation/model';
import { anchorOfRange, placePhrase, quoteOf, type PhraseAnchorInput, type PhrasePlace } from '#shared/negotiation/phraseAnchor';
import { NegotiationContext, type PhraseToComment } from '../negotiation/negotiationStore';
import type { DocumentEditor } from './customTypes';
import { selectAndShow } from './reveal';

/**
 * Comments on a phrase in the editor: the selected words become a comment's anchor, and the open
 * threads' phrases are highlighted as decorations (computed as Slate renders, never marks in the
 * shared text: comments do not change the body), article by article, only for articles that have
 * such threads.
 */

/** Where a thread's phrase is in this editor's copy now; null when it is gone. */
export function phraseInEditor(editor: DocumentEditor, anchor: PhraseAnchorInput): PhrasePlace | null {
  const doc = editor.sharedRoot.doc;
  return doc ? placePhrase(doc, editor, anchor) : null;
}

/** The selected words as a phrase to comment on: null unless some words of one article are selected. */
export function selectedPhrase(editor: DocumentEditor): PhraseToComment | null {
  const { selection } = editor;
  const doc = editor.sharedRoot.doc;
  if (!selection || Range.isCollapsed(selection) || !doc) return null;
  const anchor = anchorOfRange(doc, editor, selection);
  const place = placePhrase(doc, editor, anchor);
  const quote = place ? quoteOf(editor, place.range) : '';
  return place && quote !== '' ? { clauseId: place.clauseId, anchor, quote } : null;
}

/** Selects a thread's phrase and scrolls it into view; false when the phrase is gone. */
export function revealPhrase(editor: DocumentEditor, anchor: PhraseAnchorInput): boolean {
  const place = phraseInEditor(editor, anchor);
  if (!place) return false;
  selectAndShow(editor, place.range, place.range.anchor.path, 'center');
  return true;
}

/** The open threads on a phrase, by article. */
function anchoredByArticle(threads: readonly Thread[]): Map<string, Thread[]> {
  const byArticle = new Map<string, Thread[]>();
  for (const thread of threads) {
    if (!thread.anchor || thread.resolvedAt !== null) continue;
    byArticle.set(thread.clauseId, [...(byArticle.get(thread.clauseId) ?? []), thread]);
  }
  return byArticle;
}

/** What a highlighted text carries while it is rendered: the thread on its phrase and who may see it. */
export interface PhraseDecoration {
  commentThread?: string;
  commentVisibility?: ThreadVisibility;
}

/** Everything the highlights depend on, as one string: the open threads on a phrase, where and whose. */
function highlightsKey(threads: readonly Thread[]): string {
  return JSON.stringify(
    threads.flatMap((thread) =>
      thread.anchor && thread.resolvedAt === null ? [[thread.id, thread.clauseId, thread.visibility, thread.anchor.start, thread.anchor.end]] : [],
    ),
  );
}

/**
 * Slate's `decorate` for the open threads' phrases. The editor follows only what the highlights
 * depend on (not every proposal, status or comment), so that the text is rendered and decorated
 * again as a whole only when a thread on a phrase comes or goes; an article is decorated again
 * when its own text changes.
 */
export function usePhraseDecorate(editor: DocumentEditor): (entry: NodeEntry) => (Range & PhraseDecoration)[] {
  const store = useContext(NegotiationContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store]);
  const key = useSyncExternalStore(subscribe, () => highlightsKey(store?.getSnapshot().threads ?? []));
  // The key names everything the decorations depend on: the threads are read again only when it changes.
  const byArticle = useMemo(() => anchoredByArticle(store?.getSnapshot().threads ?? []), [store, key]);
  return useCallback(
    ([node]: NodeEntry) => {
      if (!Element.isElement(node) || node.type !== 'article') return [];
      const onArticle = byArticle.get(node.clauseId);
      if (!onArticle) return [];
      return onArticle.flatMap((thread) => {
        const place = thread.anchor ? phraseInEditor(editor, thread.anchor) : null;
        return place ? [{ ...place.range, commentThread: thread.id, commentVisibility: thread.visibility }] : [];
      });
    },
    [editor, byArticle],
  );
}
