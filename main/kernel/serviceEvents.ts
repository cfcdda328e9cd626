import type * as Y from 'yjs';
import type { Logger } from '#main/logger';
import type { AgreedEdit } from '#main/sync/writePolicy';

/**
 * Changes the sync server must react to at once (a revoked token, an archived document, variables
 * defined by an imported template pack), and edits the services must react to (an agreed article
 * edited through sync is reopened).
 */
export interface ServiceEventMap {
  documentChanged: { documentId: string };
  participantRevoked: { participantId: string; documentId: string };
  userVariablesChanged: { workspaceId: string; variableIds: string[] };
  /**
   * A participant's update was refused because it edits what both sides agreed; `attempted` is the
   * document as it would have become (a copy, valid while listeners run): the edit becomes drafts.
   */
  agreedEditRefused: { documentId: string; participantId: string; edit: AgreedEdit; attempted: Y.Doc };
  /** Updates sent by participants through sync were stored (automatic versions group them). */
  documentEdited: { documentId: string; participantIds: ReadonlySet<string> };
  /** A participant's last connection to a document closed; the document is still loaded while listeners run. */
  participantLeft: { documentId: string; participantId: string };
}

type Listener<E extends keyof ServiceEventMap> = (event: ServiceEventMap[E]) => void | Promise<void>;

export interface ServiceEvents {
  on<E extends keyof ServiceEventMap>(name: E, listener: Listener<E>): () => void;
  /** Resolves once every listener has run (each one's failure logged, never thrown). */
  emit<E extends keyof ServiceEventMap>(name: E, event: ServiceEventMap[E]): Promise<void>;
}

/**
 * Listeners run one after the other, each awaited; one that throws is logged and the others
 * still run: a reaction that fails (a storage failure, say) never fails its emitter.
 */
export function createServiceEvents(logger: Logger): ServiceEvents {
  const listeners = new Map<keyof ServiceEventMap, Set<(event: never) => void | Promise<void>>>();
  return {
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    async emit(name, event) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          await (listener as Listener<typeof name>)(event);
        } catch (error) {
          logger.log('error', 'events.listener_failed', { event: name, error });
        }
      }
    },
  };
}
