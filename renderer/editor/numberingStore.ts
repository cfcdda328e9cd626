import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Operation } from 'slate';
import { computeNumbering, type DocumentNumbering } from '#shared/document/numbering';
import type { TopLevelBlock } from '#shared/document/nodes';
import { isTextLevelOperation } from './textOperations';

/**
 * Chapter and article numbers, derived from positions. Only components whose number changed
 * re-render when an article is inserted or moved; typing never recomputes anything.
 */
export class NumberingStore {
  private numbering: DocumentNumbering = { chapters: new Map(), articles: new Map() };
  private readonly listeners = new Set<() => void>();

  /** Recomputes after a change, unless the change only touched text (anyone's typing) or the selection. */
  update(blocks: readonly TopLevelBlock[], operations: readonly Operation[] | null): void {
    if (operations !== null && operations.every(isTextLevelOperation)) return;
    this.numbering = computeNumbering(blocks);
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get articleCount(): number {
    return this.numbering.articles.size;
  }

  articleNumber(clauseId: string): number | undefined {
    return this.numbering.articles.get(clauseId);
  }

  chapterNumber(chapterId: string): number | undefined {
    return this.numbering.chapters.get(chapterId);
  }
}

export const NumberingContext = createContext<NumberingStore>(new NumberingStore());

export function useArticleNumber(clauseId: string): number | undefined {
  const store = useContext(NumberingContext);
  return useSyncExternalStore(store.subscribe, () => store.articleNumber(clauseId));
}

export function useChapterNumber(chapterId: string): number | undefined {
  const store = useContext(NumberingContext);
  return useSyncExternalStore(store.subscribe, () => store.chapterNumber(chapterId));
}
