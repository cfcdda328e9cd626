import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeInitialContent } from '#shared/document/yjsContent';
import { checkUpdates } from '#main/sync/writePolicy';
import { agreementBody, clauseIds, lastParagraphOf } from '../negotiation/negotiationFixture';

// S30 (decision 0024): the suggestion rules skip documents whose body never held a mark; a mark
// arriving by any path must end that at once, also one no socket brought (a server change, an
// update relayed from another instance) and that has no record yet.

const admit = checkUpdates(() => null);

/** A participant's change made on a copy of the document: null when admitted, else the reason. */
function judged(doc: Y.Doc, participantId: string, change: (copy: Y.Doc) => void): string | null {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(copy));
  const bytes = Y.encodeStateAsUpdate(copy, before);
  copy.destroy();
  return admit({ bytes, decoded: Y.decodeUpdate(bytes), participantId }, doc, () => false)?.reason ?? null;
}

describe('S30 the suggestion rules watch for the first mark', () => {
  it('a mark written without a socket (no record yet) protects its text from the next keystroke on', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, encodeInitialContent({ blocks: agreementBody() }));
    const wage = (copy: Y.Doc) => lastParagraphOf(copy, clauseIds.wage);
    // Typing in a document nobody suggested in is admitted the short way.
    expect(judged(doc, 'employer-1', (copy) => wage(copy).insert(0, 'Điều chỉnh: '))).toBeNull();
    // Another instance's relayed update marks a run as someone's suggested insertion.
    const relayed = new Y.Doc();
    Y.applyUpdate(relayed, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(relayed);
    wage(relayed).insert(0, 'Đề xuất ', { suggestInsert: 'de-xuat-1' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(relayed, before), 'relay');
    // Deleting that run is deleting another participant's suggestion: refused.
    expect(judged(doc, 'employer-1', (copy) => wage(copy).delete(0, 'Đề xuất '.length))).toMatch(/another participant suggested/);
  });

  it('a document loaded with marks is judged in full from its first update', () => {
    const source = new Y.Doc();
    Y.applyUpdate(source, encodeInitialContent({ blocks: agreementBody() }));
    lastParagraphOf(source, clauseIds.wage).insert(0, 'Đề xuất ', { suggestInsert: 'de-xuat-1' });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(judged(doc, 'employer-1', (copy) => lastParagraphOf(copy, clauseIds.wage).delete(0, 3))).toMatch(/another participant suggested/);
  });
});
