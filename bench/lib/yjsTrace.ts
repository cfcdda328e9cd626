import * as Y from 'yjs';
import { BenchmarkError } from './benchmark';
import { seedBodyUpdate, typingTarget } from './traceBody';
import type { SequentialTrace } from './traces';

/**
 * Replays a sequential trace in the paragraph of seedBodyUpdate(), one Yjs transaction per
 * patch, and returns the body's update followed by the update each patch produced (what a
 * client would send for that keystroke). Fails loudly when the replay does not end with the
 * trace's endContent.
 */
export function traceToUpdates(trace: SequentialTrace, name: string): Uint8Array[] {
  const doc = new Y.Doc();
  const seed = seedBodyUpdate();
  Y.applyUpdate(doc, seed);
  const text = typingTarget(doc);
  const updates: Uint8Array[] = [seed];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  if (trace.startContent !== '') text.insert(0, trace.startContent);
  for (const txn of trace.txns) {
    for (const [position, deleted, inserted] of txn.patches) {
      doc.transact(() => {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted !== '') text.insert(position, inserted);
      });
    }
  }
  expectText(text.toString(), trace.endContent, `replaying ${name} into Yjs`);
  doc.destroy();
  return updates;
}

/** Throws a BenchmarkError (with where the texts first differ) unless actual equals expected. */
export function expectText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index += 1;
  throw new BenchmarkError(
    `${what} did not produce the trace's endContent: ${actual.length} characters instead of ${expected.length}, first difference at ${index} (${JSON.stringify(actual.slice(index, index + 20))} instead of ${JSON.stringify(expected.slice(index, index + 20))})`,
  );
}
