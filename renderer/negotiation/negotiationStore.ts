import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { CostingScenarios } from '#shared/api/costing';
import { documentWorkforce } from '#shared/costing/negotiationCosting';
import type { WorkforceGroup } from '#shared/costing/workforce';
import { readSalaryScales, salaryScaleMap } from '#shared/salaryScale/yjsSalaryScale';
import { openArticle, type ArticleNegotiation, type BargainingSide, type DraftProposal, type Proposal, type Thread } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import type { PhraseAnchorInput } from '#shared/negotiation/phraseAnchor';
import {
  shownArticleStatus,
  suggestingSidesByArticle,
  suggestionsAsPositions,
  type SuggestionHistoryEntry,
  type SuggestionPosition,
} from '#shared/negotiation/suggestionPositions';
import { suggestionsIndexOf, type PendingSuggestionsIndex } from './pendingSuggestions';
import type { PositionDraft } from './positionDraft';

export interface NegotiationSnapshot {
  proposals: Proposal[];
  articles: Map<string, ArticleNegotiation>;
  /** Public threads and this side's internal ones. */
  threads: Thread[];
  reviewerCommentsAllowed: boolean;
  /** This person's draft positions (kept by the server for them alone). */
  drafts: DraftProposal[];
  /** The package this person is putting together, one position per article, not sent yet. */
  basket: PositionDraft[];
  /** The comments mentioning this person that they have opened (kept by the server for them alone). */
  mentionsRead: ReadonlySet<string>;
  /** The workforce of the document's salary scales, followed live (positions are costed on it). */
  workforce: WorkforceGroup[];
  /** This side's costing scenarios and both sides' published ones (from the API, like internal notes). */
  scenarios: CostingScenarios;
  /** Each side's pending suggestions per article: its position there (decision 0029). */
  suggestionPositions: SuggestionPosition[];
  /** Every suggestion made in an article, pending or decided, in the order they were made. */
  suggestionHistory: SuggestionHistoryEntry[];
}

/**
 * The negotiation of the open document, live: proposals, article statuses and public threads come
 * from the shared document (written by the server); this side's internal notes and this person's
 * drafts come from the API, fetched again whenever the server says they changed. The package being
 * put together lives here too, so that it survives switching tabs.
 */
export class NegotiationStore {
  private snapshot: NegotiationSnapshot = {
    proposals: [],
    articles: new Map(),
    threads: [],
    reviewerCommentsAllowed: false,
    drafts: [],
    basket: [],
    mentionsRead: new Set(),
    workforce: [],
    scenarios: { own: [], published: [] },
    suggestionPositions: [],
    suggestionHistory: [],
  };
  private internal: Thread[] = [];
  private suggestionsKey = '';
  private suggestingByArticle = new Map<string, BargainingSide[]>();
  private suggestionsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly suggestions: PendingSuggestionsIndex;
  private readonly stopWatchingSuggestions: () => void;
  private readonly listeners = new Set<() => void>();
  private readonly maps: ReturnType<typeof negotiationMaps>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly client: ApiClient,
    private readonly documentId: string,
  ) {
    this.maps = negotiationMaps(doc);
    this.maps.observe(this.rebuild);
    salaryScaleMap(doc).observe(this.readWorkforce);
    this.readWorkforce();
    this.suggestions = suggestionsIndexOf(doc);
    this.stopWatchingSuggestions = this.suggestions.watch(this.suggestionsChanged);
    this.readSuggestions();
    this.rebuild();
    void this.refreshFromServer();
    void this.refreshCosting();
  }

  /** The salary scale changed (here or on the other screen): its workforce is read again, and every cost with it. */
  private readonly readWorkforce = (): void => {
    this.snapshot = { ...this.snapshot, workforce: documentWorkforce(readSalaryScales(this.doc)) };
    for (const listener of this.listeners) listener();
  };

  /**
   * Suggestions live in the body: read again at most every 250 ms after a change that may have
   * altered them (the index shared with the outline and the Suggestions tab tells, decision 0031:
   * typing outside suggestions walks nothing), and passed on only when they changed.
   */
  private readonly suggestionsChanged = (): void => {
    this.suggestionsTimer ??= setTimeout(() => {
      this.suggestionsTimer = undefined;
      if (this.readSuggestions()) for (const listener of this.listeners) listener();
    }, 250);
  };

  /** Reads the suggestions; true when they differ from those known. */
  private readSuggestions(): boolean {
    const { positions, history } = suggestionsAsPositions(this.doc, this.suggestions.reading());
    const key = JSON.stringify([positions, history]);
    if (key === this.suggestionsKey) return false;
    this.suggestionsKey = key;
    this.suggestingByArticle = suggestingSidesByArticle(positions);
    this.snapshot = { ...this.snapshot, suggestionPositions: positions, suggestionHistory: history };
    return true;
  }

  /** Fetches this side's scenarios and the published ones (the server says when they changed: a `costing` notice). */
  readonly refreshCosting = async (): Promise<void> => {
    try {
      const scenarios = await this.client.call('costing/scenarios', { documentId: this.documentId });
      this.snapshot = { ...this.snapshot, scenarios };
      for (const listener of this.listeners) listener();
    } catch {
      // Offline: the scenarios come back with the connection.
    }
  };

  /** Fetches what only the API serves (internal notes, drafts, the reviewer-comments setting). */
  readonly refreshFromServer = async (): Promise<void> => {
    try {
      const state = await this.client.call('negotiation/state', { documentId: this.documentId });
      this.internal = state.threads.filter((thread) => thread.visibility !== 'public');
      this.snapshot = {
        ...this.snapshot,
        reviewerCommentsAllowed: state.reviewerCommentsAllowed,
        drafts: state.drafts,
        mentionsRead: new Set(state.mentionsRead),
      };
      this.rebuild();
    } catch {
      // Offline: the shared parts are still live; internal notes and drafts come back with the connection.
    }
  };

  /** Records comments mentioning this person as opened by them. */
  async markMentionsRead(commentIds: readonly string[]): Promise<void> {
    if (commentIds.length === 0) return;
    const { mentionsRead } = await this.client.call('mentions/markRead', { documentId: this.documentId, commentIds: [...commentIds] });
    this.snapshot = { ...this.snapshot, mentionsRead: new Set(mentionsRead) };
    for (const listener of this.listeners) listener();
  }

  /** Puts a position in the package being prepared (in place of one on the same article), or takes it out. */
  setBasket(basket: PositionDraft[]): void {
    this.snapshot = { ...this.snapshot, basket };
    for (const listener of this.listeners) listener();
  }

  private readonly rebuild = (): void => {
    this.snapshot = {
      ...this.snapshot,
      proposals: this.maps.allProposals().sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      articles: new Map(this.maps.allArticles().map((status) => [status.clauseId, status])),
      threads: [...this.maps.allThreads(), ...this.internal].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
    for (const listener of this.listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): NegotiationSnapshot => this.snapshot;

  articleStatus(clauseId: string): ArticleNegotiation {
    return this.snapshot.articles.get(clauseId) ?? openArticle(clauseId);
  }

  /** The sides whose pending suggestions are their position on an article. */
  suggestingSides(clauseId: string): readonly BargainingSide[] {
    return this.suggestingByArticle.get(clauseId) ?? [];
  }

  destroy(): void {
    clearTimeout(this.suggestionsTimer);
    this.stopWatchingSuggestions();
    this.maps.unobserve(this.rebuild);
    salaryScaleMap(this.doc).unobserve(this.readWorkforce);
    this.listeners.clear();
  }
}

export const NegotiationContext = createContext<NegotiationStore | null>(null);

/** The store itself, for what changes it (the package being prepared). */
export function useNegotiationStoreOf(): NegotiationStore | null {
  return useContext(NegotiationContext);
}

export function useNegotiation(): NegotiationSnapshot | null {
  const store = useContext(NegotiationContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store]);
  return useSyncExternalStore(subscribe, () => store?.getSnapshot() ?? null);
}

/** What an article's badge shows; a primitive key so that only changed articles re-render. */
export function useArticleSummary(clauseId: string): string {
  const store = useContext(NegotiationContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store]);
  return useSyncExternalStore(subscribe, () => {
    if (!store) return '';
    const snapshot = store.getSnapshot();
    const status = store.articleStatus(clauseId);
    const suggesting = store.suggestingSides(clauseId);
    const shown = shownArticleStatus(status, suggesting);
    const openProposals = snapshot.proposals.filter((p) => p.clauseId === clauseId && p.status === 'open').length;
    const openThreads = snapshot.threads.filter((t) => t.clauseId === clauseId && t.resolvedAt === null).length;
    const marks = `${status.employerAgreedAt ? 'E' : ''}${status.unionAgreedAt ? 'U' : ''}`;
    const suggestions = suggesting.map((side) => (side === 'employer' ? 'E' : 'U')).join('');
    // The name last: it may itself contain "|".
    return `${shown.status}|${marks}|${openProposals}|${openThreads}|${status.reopenRequest ? 'asked' : ''}|${suggestions}|${shown.reopenedBySuggestion.length > 0 ? 'bySuggestion' : ''}|${status.reopened ? 'reopened' : ''}|${status.reopened?.byName ?? ''}`;
  });
}

export const focusArticleEvent = 'thoa-uoc:negotiate-article';

export const showDraftsEvent = 'thoa-uoc:show-drafts';

/** Opens the negotiation panel on this person's drafts (after a refused edit was kept as one). */
export function requestDrafts(): void {
  window.dispatchEvent(new CustomEvent(showDraftsEvent));
}

export const commentOnPhraseEvent = 'thoa-uoc:comment-on-phrase';

/** A phrase selected in the editor to comment on: its article, its anchor, and the words it covers. */
export interface PhraseToComment {
  clauseId: string;
  anchor: PhraseAnchorInput;
  quote: string;
}

/** Opens the negotiation panel's comment form on a selected phrase. */
export function requestPhraseComment(phrase: PhraseToComment): void {
  window.dispatchEvent(new CustomEvent(commentOnPhraseEvent, { detail: phrase }));
}

export const showThreadEvent = 'thoa-uoc:show-thread';

/** Opens the negotiation panel on a thread (from the card shown over its words in the text). */
export function requestThread(threadId: string): void {
  window.dispatchEvent(new CustomEvent(showThreadEvent, { detail: threadId }));
}

/** Opens the negotiation panel on one article (its badge does this when clicked). */
export function requestArticleNegotiation(clauseId: string): void {
  window.dispatchEvent(new CustomEvent(focusArticleEvent, { detail: clauseId }));
}
