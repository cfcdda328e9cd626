import type { Timers } from '#main/kernel/timers';

export interface AutomaticVersionsOptions {
  /** How long a person must not edit before their edits become a version. */
  idleMs: number;
  now: () => number;
  timers: Timers;
  /** Makes the version of a person's edits (the person stopped editing). */
  onIdle: (documentId: string, participantId: string) => void;
}

interface Pending {
  documentId: string;
  participantId: string;
  lastEditAt: number;
  cancel: () => void;
}

/**
 * Groups each person's edits: a person who edited has a pending version, made once they have not
 * edited for `idleMs`, or at once when they leave the document. Edits only move a timestamp: the
 * timer, when it fires early, waits again for the rest of the time.
 */
export function createAutomaticVersions(options: AutomaticVersionsOptions) {
  const pending = new Map<string, Pending>();
  const keyOf = (documentId: string, participantId: string): string => `${documentId}\u0000${participantId}`;

  function arm(entry: Pending, delayMs: number): void {
    entry.cancel = options.timers.schedule(() => fire(entry), delayMs);
  }

  function fire(entry: Pending): void {
    const key = keyOf(entry.documentId, entry.participantId);
    if (pending.get(key) !== entry) return;
    const idleFor = options.now() - entry.lastEditAt;
    if (idleFor < options.idleMs) return arm(entry, options.idleMs - idleFor);
    pending.delete(key);
    options.onIdle(entry.documentId, entry.participantId);
  }

  return {
    /** Participants' edits were stored just now. */
    noteEdits(documentId: string, participantIds: Iterable<string>): void {
      const now = options.now();
      for (const participantId of participantIds) {
        const key = keyOf(documentId, participantId);
        const entry = pending.get(key);
        if (entry) {
          entry.lastEditAt = now;
          continue;
        }
        const created: Pending = { documentId, participantId, lastEditAt: now, cancel: () => {} };
        pending.set(key, created);
        arm(created, options.idleMs);
      }
    },
    /** Forgets a person's pending version (they left: it is made now); true if they had one. */
    take(documentId: string, participantId: string): boolean {
      const key = keyOf(documentId, participantId);
      const entry = pending.get(key);
      if (!entry) return false;
      entry.cancel();
      pending.delete(key);
      return true;
    },
    /** Whether a person has edits not yet in an automatic version. */
    isPending(documentId: string, participantId: string): boolean {
      return pending.has(keyOf(documentId, participantId));
    },
    dispose(): void {
      for (const entry of pending.values()) entry.cancel();
      pending.clear();
    },
  };
}

export type AutomaticVersions = ReturnType<typeof createAutomaticVersions>;
