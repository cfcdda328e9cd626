import { createContext, useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { agreedArticles } from '#shared/negotiation/agreedLock';
import { articleStatusRootName } from '#shared/negotiation/model';

/** Which articles an editor must not change: those both sides have agreed. */
export interface ArticleLock {
  isLocked(clauseId: string): boolean;
}

/**
 * The articles both sides have agreed in the open document, followed live: the editor refuses to
 * change them (the server refuses anyway) and shows them read-only; only the articles whose
 * status changed re-render.
 */
export class AgreedArticles implements ArticleLock {
  private agreed = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly statuses: Y.Map<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.statuses = doc.getMap<unknown>(articleStatusRootName);
    this.statuses.observe(this.update);
    this.update();
  }

  private readonly update = (): void => {
    const next = agreedArticles(this.doc);
    if (next.size === this.agreed.size && [...next].every((clauseId) => this.agreed.has(clauseId))) return;
    this.agreed = next;
    for (const listener of this.listeners) listener();
  };

  isLocked(clauseId: string): boolean {
    return this.agreed.has(clauseId);
  }

  /** The agreed articles, as a set that changes identity only when they change. */
  readonly getSnapshot = (): ReadonlySet<string> => this.agreed;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.statuses.unobserve(this.update);
    this.listeners.clear();
  }
}

const nothingAgreed: ReadonlySet<string> = new Set();

export const AgreedArticlesContext = createContext<AgreedArticles | null>(null);

const noSubscription = (): (() => void) => () => {};

/** Whether both sides have agreed this article (it is then read-only). */
export function useIsAgreed(clauseId: string): boolean {
  const store = useContext(AgreedArticlesContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, () => store?.isLocked(clauseId) ?? false);
}

/** Every agreed article of the open document. */
export function useAgreedArticles(): ReadonlySet<string> {
  const store = useContext(AgreedArticlesContext);
  return useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? (() => nothingAgreed));
}
