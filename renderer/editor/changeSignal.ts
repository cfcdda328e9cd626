import type { Operation } from 'slate';

/**
 * A tiny event: "the document changed", with the operations of that change. Lets panels follow
 * edits without re-rendering the editor, and skip the ones that cannot concern them.
 */
export class ChangeSignal {
  private readonly listeners = new Set<(operations: readonly Operation[]) => void>();

  emit(operations: readonly Operation[]): void {
    for (const listener of this.listeners) listener(operations);
  }

  subscribe(listener: (operations: readonly Operation[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
