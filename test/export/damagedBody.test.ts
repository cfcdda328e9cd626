import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import { contentRoot } from '#shared/document/yjsContent';
import { agreementBody, clauseIds } from '../negotiation/negotiationFixture';
import { closeApi, expectApiError, httpTransportUnderTest, startApi, type ApiFixture } from '../helpers/apiTransports';
import { articleElement } from '../versions/historyFixture';

/**
 * S22, for bodies damaged before the write policy checked shapes: whoever reads one to lay it out
 * answers with a clear error naming the place, never a 500 — and nothing else breaks.
 */
describe('a body damaged before the shape was checked', () => {
  let api: ApiFixture;
  let admin: ApiClient;
  beforeEach(async () => {
    ({ api, admin } = await startApi(httpTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  /** A document whose stored log ends with an update the write policy would refuse today. */
  async function damagedDocument(damage: (doc: Y.Doc) => void): Promise<string> {
    const { id } = await admin.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody() });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, await api.withDocument(id, (doc) => Y.encodeStateAsUpdate(doc)));
    const before = Y.encodeStateVector(copy);
    damage(copy);
    // Written straight into the log, as a server without the check would have stored it.
    await api.store.updates.append(id, [{ bytes: Y.encodeStateAsUpdate(copy, before), participantId: null, at: Date.now() }]);
    return id;
  }

  it.each<[string, (doc: Y.Doc) => void, RegExp]>([
    ['a shared map inside an article', (doc) => articleElement(doc, clauseIds.wage).insertEmbed(1, new Y.Map()), /damaged in Điều 3: it cannot be read/],
    ['loose text at the top of the body', (doc) => contentRoot(doc).insert(0, 'Chữ rời'), /damaged in block 1 of the body: text directly inside the body/],
    ['an empty body', (doc) => contentRoot(doc).delete(0, contentRoot(doc).length), /damaged as a whole: the body is empty/],
  ])('with %s: exports, reports and minutes answer damaged_document naming the place', async (_what, damage, place) => {
    const documentId = await damagedDocument(damage);
    const calls: (() => Promise<unknown>)[] = [
      () => admin.call('documents/exportDocx', { documentId }),
      () => admin.call('documents/exportPdf', { documentId }),
      () => admin.call('documents/exportReport', { documentId, report: 'minutes', format: 'docx' }),
      () => admin.call('documents/exportReport', { documentId, report: 'compliance', format: 'pdf' }),
      () => admin.call('negotiation/minutes', { documentId }),
      () => admin.call('compliance/report', { documentId }),
    ];
    for (const call of calls) {
      const error = await expectApiError(call(), 'damaged_document');
      expect(error.message).toMatch(place);
    }
    // The rest of the document still serves: its versions, its participants, a rename.
    await admin.call('documents/rename', { documentId, title: 'Thỏa ước 2027 (bản sửa)' });
    expect((await admin.call('versions/list', { documentId })).versions.length).toBeGreaterThan(0);
  });
});
