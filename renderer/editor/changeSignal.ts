/** A tiny event: "the document changed". Lets panels follow edits without re-rendering the editor. */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  emit(): void {
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
