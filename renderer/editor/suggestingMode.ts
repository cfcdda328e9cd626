import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { settingsRootName } from '#shared/document/yjsContent';
import { isSuggestingRequired, suggestionRecords, suggestionsRootName, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { newNodeId } from './ids';

/** What the editor asks while it turns typing into suggestions (decision 0024). */
export interface SuggestingState {
  /** Whether changes are made as suggestions now. */
  isSuggesting(): boolean;
  /** Whether a suggestion is this participant's and pending (recorded as theirs, or made here and not yet recorded). */
  isOwn(id: string): boolean;
  /** A new suggestion id, owned here from now on. */
  newSuggestionId(): string;
}

/** Nobody suggests: an editor of one article, a reader. */
export const neverSuggesting: SuggestingState = {
  isSuggesting: () => false,
  isOwn: () => false,
  newSuggestionId: () => newNodeId(),
};

/**
 * A participant's Suggesting mode in one document: switched by them (toolbar, Ctrl+Shift+E), and
 * always on while the document requires suggesting. It follows the server's records of
 * suggestions, to know which are this participant's.
 */
export class SuggestingMode implements SuggestingState {
  private chosen = false;
  private records = new Map<string, SuggestionRecord>();
  private readonly madeHere = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly recordListeners = new Map<string, Set<() => void>>();
  private snapshot: { on: boolean; required: boolean } = { on: false, required: false };
  private readonly recordsMap: Y.Map<unknown>;
  private readonly settings: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly participantId: string,
  ) {
    this.recordsMap = doc.getMap<unknown>(suggestionsRootName);
    this.settings = doc.getMap<unknown>(settingsRootName);
    this.recordsMap.observe(this.update);
    this.settings.observe(this.update);
    this.update();
  }

  private readonly update = (): void => {
    const known = this.records;
    this.records = new Map();
    // A record that did not change keeps its object, and only the followers of those that did
    // hear of it: of hundreds of suggested runs, those of one suggestion render again when it is
    // recorded or decided.
    const changed = new Set(known.keys());
    for (const [id, record] of suggestionRecords(this.doc)) {
      const before = known.get(id);
      const isSame = before !== undefined && JSON.stringify(before) === JSON.stringify(record);
      this.records.set(id, isSame ? before : record);
      if (isSame) changed.delete(id);
      else changed.add(id);
    }
    for (const id of changed) for (const listener of this.recordListeners.get(id) ?? []) listener();
    this.publish();
  };

  private publish(): void {
    const required = isSuggestingRequired(this.doc);
    const on = required || this.chosen;
    if (on === this.snapshot.on && required === this.snapshot.required) return;
    this.snapshot = { on, required };
    for (const listener of this.listeners) listener();
  }

  isSuggesting(): boolean {
    return this.snapshot.on;
  }

  /** The server's record of a suggestion (who made it, when), once it has one. */
  recordOf(id: string): SuggestionRecord | undefined {
    return this.records.get(id);
  }

  /** Calls `listener` whenever the record of suggestion `id` changes (recorded, decided, or gone). */
  onRecord(id: string, listener: () => void): () => void {
    const listeners = this.recordListeners.get(id) ?? new Set<() => void>();
    this.recordListeners.set(id, listeners);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.recordListeners.delete(id);
    };
  }

  isOwn(id: string): boolean {
    const record = this.records.get(id);
    return record ? record.authorId === this.participantId && record.status === 'pending' : this.madeHere.has(id);
  }

  newSuggestionId(): string {
    const id = newNodeId();
    this.madeHere.add(id);
    return id;
  }

  /** Switches Suggesting mode (it stays on while the document requires it). */
  toggle(): void {
    this.chosen = !this.chosen;
    this.publish();
  }

  readonly getSnapshot = (): { on: boolean; required: boolean } => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.recordsMap.unobserve(this.update);
    this.settings.unobserve(this.update);
    this.listeners.clear();
    this.recordListeners.clear();
  }
}

export const SuggestingModeContext = createContext<SuggestingMode | null>(null);

const off = { on: false, required: false };
const noSubscription = (): (() => void) => () => {};

/** The server's record of a suggestion, followed live (undefined until recorded). */
export function useSuggestionRecord(id: string): SuggestionRecord | undefined {
  const mode = useContext(SuggestingModeContext);
  const subscribe = useCallback((listener: () => void) => mode?.onRecord(id, listener) ?? noSubscription(), [mode, id]);
  return useSyncExternalStore(subscribe, () => mode?.recordOf(id));
}

/** Whether Suggesting mode is on in the open editor, and whether the document requires it. */
export function useSuggestingMode(): { on: boolean; required: boolean } {
  const mode = useContext(SuggestingModeContext);
  return useSyncExternalStore(mode?.subscribe ?? noSubscription, mode?.getSnapshot ?? (() => off));
}
