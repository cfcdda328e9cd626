import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readContent } from '#shared/document/yjsContent';
import { suggestionRecords, suggestionsInBody, suggestionsRootName } from '#shared/negotiation/suggestions';
import { expectApiError } from '../helpers/apiTransports';
import { storedDoc } from '../helpers/storedState';
import { deniedAtLeast } from '../helpers/syncClient';
import { articleTexts, clauseIds, docMatches, lastParagraphOf, openNegotiation, serverBody, statusIn, serverPerTest } from './negotiationFixture';

// S30 (decision 0024): suggestions are marks in the shared text whose authorship the server records
// from the socket; nobody but their author changes them; the other side decides them through the API.

const wageText = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.';

describe('S30 suggestions', () => {
  const server = serverPerTest();

  const wageParagraph = (doc: Y.Doc): Y.XmlText => lastParagraphOf(doc, clauseIds.wage);

  /** Waits until a copy of the document holds the server's record of a suggestion. */
  const recorded = (doc: Y.Doc, id: string) => docMatches(doc, () => suggestionRecords(doc).has(id), `the record of ${id}`);

  const wageIn = (blocks: ReturnType<typeof readContent>) => articleTexts(blocks).find((a) => a.clauseId === clauseIds.wage)?.text;

  /** A fresh connection tries an update and is refused with a reason; nothing of it is stored. */
  async function refused(documentId: string, token: string, change: (doc: Y.Doc) => void): Promise<string> {
    const before = await server.api.store.updates.lastSeq(documentId);
    const client = await server.connect(documentId, token);
    client.doc.transact(() => change(client.doc));
    await deniedAtLeast(client, 1);
    expect(await server.api.store.updates.lastSeq(documentId)).toBe(before);
    server.clients.splice(server.clients.indexOf(client), 1);
    client.destroy();
    return client.denials[0] ?? '';
  }

  /** The union suggests "tối thiểu vùng" → "tối thiểu vùng cộng 10%" and deleting "thấp nhất " (two suggestions). */
  async function unionSuggests() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const suggester = await server.connect(documentId, seats.union.token);
    const paragraph = wageParagraph(suggester.doc);
    suggester.doc.transact(() => {
      paragraph.insert(wageText.length - 1, ' cộng 10%', { suggestInsert: 'them-10' });
      paragraph.format('Mức lương '.length, 'thấp nhất '.length, { suggestDelete: 'bo-thap-nhat' });
    });
    await recorded(suggester.doc, 'them-10');
    await recorded(suggester.doc, 'bo-thap-nhat');
    return { ...seats, documentId, suggester };
  }

  it('records who suggested from the socket, stores the marks, and every reader but the editor reads the text as accepted so far', async () => {
    const { documentId, suggester, union, employer } = await unionSuggests();
    const records = suggestionRecords(suggester.doc);
    expect(records.get('them-10')).toMatchObject({ authorId: union.participant.id, side: 'union', status: 'pending', clauseId: clauseIds.wage });
    expect(records.get('them-10')?.authorName).toBe('Anh Minh (Công đoàn cơ sở)');
    // The server's readers and the stored log read the accepted text; the marks are stored.
    expect(wageIn(await serverBody(server.api, documentId))).toBe(`Tiền lương\n${wageText}`);
    await server.api.withDocument(documentId, () => undefined);
    const stored = await storedDoc(server.api.store.updates, documentId);
    expect(suggestionsInBody(stored)).toEqual([
      { id: 'bo-thap-nhat', inserted: '', deleted: 'thấp nhất ', clauseId: clauseIds.wage },
      { id: 'them-10', inserted: ' cộng 10%', deleted: '', clauseId: clauseIds.wage },
    ]);
    expect(suggestionRecords(stored).get('bo-thap-nhat')?.side).toBe('union');
    // The employer's copy shows both, with the union's authorship.
    const witness = await server.connect(documentId, employer.token);
    expect(suggestionRecords(witness.doc).get('bo-thap-nhat')?.authorName).toBe('Anh Minh (Công đoàn cơ sở)');
  });

  it('refuses forged authorship: another participant’s id, another author’s marks changed or removed, their text deleted, deletions made final; the server-owned records', async () => {
    const { documentId, employer, union2, union, suggester } = await unionSuggests();
    const paragraphText = () => wageParagraph(suggester.doc).toString();
    expect(paragraphText()).toContain('cộng 10%');
    const insertedAt = wageText.length - 1;
    const cases: [string, string, (doc: Y.Doc) => void, RegExp][] = [
      [
        'employer uses the union’s id',
        employer.token,
        (doc) => wageParagraph(doc).insert(0, 'Thêm ', { suggestInsert: 'them-10' }),
        /another participant’s suggestion/,
      ],
      [
        'a colleague of the same side uses it',
        union2.token,
        (doc) => wageParagraph(doc).insert(0, 'Thêm ', { suggestInsert: 'them-10' }),
        /another participant’s suggestion/,
      ],
      [
        'employer drops the insertion mark',
        employer.token,
        (doc) => wageParagraph(doc).format(insertedAt, ' cộng 10%'.length, { suggestInsert: null }),
        /another participant/,
      ],
      [
        'employer deletes the suggested text',
        employer.token,
        (doc) => wageParagraph(doc).delete(insertedAt, ' cộng 10%'.length),
        /another participant suggested/,
      ],
      [
        'employer deletes text suggested for deletion',
        employer.token,
        (doc) => wageParagraph(doc).delete('Mức lương '.length, 3),
        /removed only when the other side accepts/,
      ],
      [
        'employer types into the suggestion',
        employer.token,
        (doc) => wageParagraph(doc).insert(insertedAt + 3, 'x', { suggestInsert: 'them-10' }),
        /another participant/,
      ],
      [
        'employer marks text deleted under the union’s id',
        employer.token,
        (doc) => wageParagraph(doc).format(0, 3, { suggestDelete: 'bo-thap-nhat' }),
        /suggestion of another participant/,
      ],
      [
        'union forges its record',
        union.token,
        (doc) => doc.getMap(suggestionsRootName).set('them-10', { ...suggestionRecords(doc).get('them-10'), side: 'employer' }),
        /"suggestions" part of the document is changed only through the API/,
      ],
    ];
    for (const [what, token, change, reason] of cases) expect(await refused(documentId, token, change), what).toMatch(reason);
    // Suggesting right after (and inside) another's suggestion is one's own suggestion: Yjs ends the
    // new run with the other's id, which marks nothing new.
    const employerClient = await server.connect(documentId, employer.token);
    wageParagraph(employerClient.doc).insert(insertedAt + ' cộng 10%'.length, ' mỗi năm', { suggestInsert: 'moi-nam' });
    wageParagraph(employerClient.doc).insert(insertedAt + ' cộng'.length, ' thêm', { suggestInsert: 'moi-nam' });
    await recorded(employerClient.doc, 'moi-nam');
    expect(suggestionsInBody(employerClient.doc).map((found) => [found.id, found.inserted])).toEqual([
      ['bo-thap-nhat', ''],
      ['them-10', ' cộng 10%'],
      ['moi-nam', ' thêm mỗi năm'],
    ]);
    expect(employerClient.denials).toEqual([]);
    // Its author may still change their own suggestion, and withdraw an insertion by deleting it.
    await docMatches(suggester.doc, () => suggestionsInBody(suggester.doc).length === 3, 'the employer’s suggestion');
    wageParagraph(suggester.doc).delete(insertedAt, ' cộng'.length);
    wageParagraph(suggester.doc).delete(insertedAt + ' thêm'.length, ' 10%'.length);
    const witness = await server.connect(documentId, employer.token);
    await docMatches(witness.doc, () => suggestionsInBody(witness.doc).length === 2, 'the own deletion');
    await server.api.withDocument(documentId, (doc) => expect(suggestionsInBody(doc).map((s) => s.id)).toEqual(['bo-thap-nhat', 'moi-nam']));
    expect(suggester.denials).toEqual([]);
    expect(paragraphText()).not.toContain('cộng 10%');
  });

  it('suggesting required: the host sets it, or both sides agree; then only suggestions change the body, with a clear reason', async () => {
    const { documentId, union, employer } = await unionSuggests();
    await expectApiError(employer.client.call('suggestions/setRequired', { documentId, required: false }), 'conflict', /not required/);
    expect(await union.client.call('suggestions/setRequired', { documentId, required: true })).toMatchObject({
      required: false,
      request: { side: 'union', required: true },
    });
    // One side's request changes nothing yet: a direct edit passes.
    const direct = await server.connect(documentId, employer.token);
    wageParagraph(direct.doc).insert(0, 'Trực tiếp ');
    await server.api.withDocument(documentId, () => undefined);
    const witness = await server.connect(documentId, union.token);
    expect(wageParagraph(witness.doc).toString()).toContain('Trực tiếp ');
    expect(direct.denials).toEqual([]);
    expect(await employer.client.call('suggestions/setRequired', { documentId, required: true })).toEqual({ required: true, request: null });
    expect(await refused(documentId, employer.token, (doc) => wageParagraph(doc).insert(0, 'Sửa thẳng '))).toMatch(
      /suggesting is required.*typed as a suggestion/,
    );
    expect(await refused(documentId, employer.token, (doc) => wageParagraph(doc).delete(0, 3))).toMatch(/suggesting is required.*suggesting its deletion/);
    expect(await refused(documentId, employer.token, (doc) => wageParagraph(doc).format(0, 3, { bold: true }))).toMatch(/suggesting is required.*formatting/);
    // A suggestion passes.
    const suggester = await server.connect(documentId, employer.token);
    wageParagraph(suggester.doc).insert(0, 'Đề nghị: ', { suggestInsert: 'de-nghi' });
    await recorded(suggester.doc, 'de-nghi');
    expect(suggester.denials).toEqual([]);
    // The host lifts it alone.
    expect(await server.admin.call('suggestions/setRequired', { documentId, required: false })).toEqual({ required: false, request: null });
  });

  it('the other side accepts or rejects, the author’s side withdraws, a reviewer does neither; decisions apply in one change, attributed', async () => {
    const { documentId, suggester, union, union2, employer, reviewer } = await unionSuggests();
    const seen = (id: string) => {
      const found = suggestionsInBody(suggester.doc).find((s) => s.id === id);
      if (!found) throw new Error(`no ${id}`);
      return { id, inserted: found.inserted, deleted: found.deleted };
    };
    await expectApiError(
      union2.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: [seen('them-10')] }),
      'forbidden',
      /other side/,
    );
    await expectApiError(
      employer.client.call('suggestions/decide', { documentId, decision: 'withdraw', suggestions: [seen('them-10')] }),
      'forbidden',
      /own side/,
    );
    await expectApiError(
      reviewer.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: [seen('them-10')] }),
      'forbidden',
      /reviewers/,
    );
    // Atomic: one stale suggestion in the call, nothing decided.
    const stale = { ...seen('bo-thap-nhat'), deleted: 'thấp ' };
    await expectApiError(
      employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: [seen('them-10'), stale] }),
      'conflict',
      /changed since/,
    );
    expect(suggestionsInBody(suggester.doc)).toHaveLength(2);

    const { decided } = await employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: [seen('them-10')] });
    expect(decided).toMatchObject([{ id: 'them-10', status: 'accepted', decidedByName: 'Chị Lan (Phòng Nhân sự)', side: 'union' }]);
    await employer.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: [seen('bo-thap-nhat')] });
    expect(wageIn(await serverBody(server.api, documentId))).toBe('Tiền lương\nMức lương thấp nhất bằng mức lương tối thiểu vùng cộng 10%.');
    await docMatches(suggester.doc, () => suggestionsInBody(suggester.doc).length === 0, 'both decisions to reach the union');
    await expectApiError(
      employer.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: [{ id: 'them-10', inserted: '', deleted: '' }] }),
      'conflict',
      /accepted already/,
    );
    const audit = (await server.api.store.audit.listByDocument(documentId)).filter((entry) => entry.action.startsWith('suggestion.'));
    expect(audit.map((entry) => [entry.action, entry.actor, entry.details])).toEqual([
      ['suggestion.accepted', `participant:${employer.participant.id}`, { suggestionIds: ['them-10'], authors: [union.participant.id] }],
      ['suggestion.rejected', `participant:${employer.participant.id}`, { suggestionIds: ['bo-thap-nhat'], authors: [union.participant.id] }],
    ]);
    // The union's side withdraws one of its own (a colleague of its author may).
    wageParagraph(suggester.doc).insert(0, 'Rút: ', { suggestInsert: 'se-rut' });
    await recorded(suggester.doc, 'se-rut');
    await union2.client.call('suggestions/decide', { documentId, decision: 'withdraw', suggestions: [{ id: 'se-rut', inserted: 'Rút: ', deleted: '' }] });
    await docMatches(suggester.doc, () => !wageParagraph(suggester.doc).toString().includes('Rút'), 'the withdrawal');
    expect(suggestionRecords(suggester.doc).get('se-rut')?.status).toBe('withdrawn');
  });

  it('reject racing accept: one decision is taken, the other is refused, and every copy shows the one taken', async () => {
    const { documentId, suggester, employer, employer2 } = await unionSuggests();
    const witness = await server.connect(documentId, employer.token);
    const seen = [{ id: 'them-10', inserted: ' cộng 10%', deleted: '' }];
    const results = await Promise.allSettled([
      employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: seen }),
      employer2.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: seen }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const taken = results[0]?.status === 'fulfilled' ? 'accepted' : 'rejected';
    const text = taken === 'accepted' ? `Tiền lương\n${wageText.slice(0, -1)} cộng 10%.` : `Tiền lương\n${wageText}`;
    expect(wageIn(await serverBody(server.api, documentId))).toBe(text);
    for (const copy of [suggester, witness]) {
      await docMatches(copy.doc, () => suggestionRecords(copy.doc).get('them-10')?.status === taken, 'the decision to arrive');
      expect(wageIn(readContent(copy.doc))).toBe(text);
    }
  });

  it('a suggestion in an agreed article passes the lock, keeps it from counting as agreed until decided, and once accepted the article stays agreed on the new text', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await seats.employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await seats.union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    const union = await server.connect(documentId, seats.union.token);
    const openBefore = await seats.union.client.call('lifecycle/openItems', { documentId });
    expect(openBefore.notAgreed.map((a) => a.clauseId)).not.toContain(clauseIds.wage);
    wageParagraph(union.doc).insert(wageText.length - 1, ' cộng 10%', { suggestInsert: 'them-10' });
    await recorded(union.doc, 'them-10');
    expect(union.denials).toEqual([]);
    expect((await seats.union.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).toContain(clauseIds.wage);
    // A direct edit is still refused by the lock.
    expect(await refused(documentId, seats.union.token, (doc) => wageParagraph(doc).insert(0, 'Sửa thẳng '))).toMatch(/agreed by both sides/);
    await seats.employer.client.call('suggestions/decide', {
      documentId,
      decision: 'accept',
      suggestions: [{ id: 'them-10', inserted: ' cộng 10%', deleted: '' }],
    });
    await docMatches(union.doc, () => statusIn(union.doc, clauseIds.wage)?.agreedText?.includes('cộng 10%') === true, 'the agreed text');
    expect((await seats.union.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).not.toContain(clauseIds.wage);
  });
});
