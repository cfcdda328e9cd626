import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readArticle } from '#shared/document/articles';
import type { DocumentNode } from '#shared/document/nodes';
import { suggestionRecords, suggestionsInBody, type SuggestionText } from '#shared/negotiation/suggestions';
import { expectApiError } from '../helpers/apiTransports';
import { deniedAtLeast } from '../helpers/syncClient';
import { clause } from '../editor/builders';
import { articleTexts, articleXmlText, clauseIds, docMatches, openNegotiation, serverBody, serverPerTest } from './negotiationFixture';

// S32 (decision 0027): blocks added, removed or moved as suggestions: element attributes under the
// suggestion's id, owned by the participant whose socket first brought it, decided through the API.

/** The elements a Y.XmlText holds, in order. */
const elementsOf = (parent: Y.XmlText): Y.XmlText[] =>
  (parent.toDelta() as { insert: unknown }[]).flatMap((part) => (part.insert instanceof Y.XmlText ? [part.insert] : []));

/** Inserts Slate nodes into a Y.XmlText at an element offset. */
function insertAt(parent: Y.XmlText, offset: number, nodes: DocumentNode[]): void {
  parent.applyDelta([...(offset > 0 ? [{ retain: offset }] : []), ...slateNodesToInsertDelta(nodes as unknown as SlateNode[])], { sanitize: false });
}

/** The chapter holding the wage and bonus articles (title, wage, bonus). */
const payChapter = (doc: Y.Doc): Y.XmlText => articleXmlText(doc, clauseIds.wage).parent as Y.XmlText;

const wageArticle = (doc: Y.Doc): Y.XmlText => articleXmlText(doc, clauseIds.wage);

const newClause = (text: string, id: string): DocumentNode => ({ ...clause(text), suggestInsert: id }) as DocumentNode;

describe('S32 block suggestions', () => {
  const server = serverPerTest();

  const recorded = (doc: Y.Doc, id: string) => docMatches(doc, () => suggestionRecords(doc).has(id), `the record of ${id}`);

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

  const bodyTexts = async (documentId: string) => articleTexts(await serverBody(server.api, documentId));

  /** The union suggests a new clause in the wage article, deleting its paragraph, and moving the wage article after the bonus one. */
  async function unionSuggestsBlocks() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const before = await bodyTexts(documentId);
    const suggester = await server.connect(documentId, seats.union.token);
    const { doc } = suggester;
    doc.transact(() => {
      insertAt(wageArticle(doc), 2, [newClause('Phụ cấp độc hại 10%.', 'phu-cap')]);
      elementsOf(wageArticle(doc))[1]?.setAttribute('suggestDelete', 'bo-doan');
    });
    const wage = readArticle(doc, clauseIds.wage);
    if (!wage) throw new Error('no wage article');
    doc.transact(() => {
      wageArticle(doc).setAttribute('suggestDelete', 'chuyen-dieu');
      insertAt(payChapter(doc), 3, [{ ...wage, suggestInsert: 'chuyen-dieu' } as DocumentNode]);
    });
    for (const id of ['phu-cap', 'bo-doan', 'chuyen-dieu']) await recorded(doc, id);
    return { ...seats, documentId, suggester, before };
  }

  it('S32 a new clause, a block marked for deletion and a moved article pass, are recorded with the author from the socket, and every reader reads the accepted structure', async () => {
    const { documentId, suggester, union, employer, before } = await unionSuggestsBlocks();
    expect(suggester.denials).toEqual([]);
    const records = suggestionRecords(suggester.doc);
    for (const id of ['phu-cap', 'bo-doan', 'chuyen-dieu'])
      expect(records.get(id), id).toMatchObject({ authorId: union.participant.id, side: 'union', status: 'pending', clauseId: clauseIds.wage });
    // The server reads the body as it was: nothing suggested is part of it yet.
    expect(await bodyTexts(documentId)).toEqual(before);
    await server.api.withDocument(documentId, (doc) =>
      expect(suggestionsInBody(doc).map((found) => [found.id, found.blocks?.map((block) => `${block.change} ${block.type}`)])).toEqual([
        ['chuyen-dieu', ['delete article', 'insert article']],
        ['bo-doan', ['delete paragraph']],
        ['phu-cap', ['insert clause']],
      ]),
    );
    // Another participant's copy holds the blocks, and the union's authorship.
    const witness = await server.connect(documentId, employer.token);
    expect(elementsOf(payChapter(witness.doc)).map((element) => element.getAttribute('suggestInsert') ?? null)).toEqual([null, null, null, 'chuyen-dieu']);
    expect(suggestionRecords(witness.doc).get('phu-cap')?.authorName).toBe('Anh Minh (Công đoàn cơ sở)');
  });

  it('S32 refuses block marks not one’s own: another’s id, another’s marks changed or removed, their block deleted or written into, a deletion made final, an old block marked as new', async () => {
    const { documentId, employer, union2, suggester } = await unionSuggestsBlocks();
    const suggestedClause = (doc: Y.Doc) => elementsOf(wageArticle(doc))[2] as Y.XmlText;
    const cases: [string, string, (doc: Y.Doc) => void, RegExp][] = [
      [
        'employer adds a block under the union’s id',
        employer.token,
        (doc) => insertAt(wageArticle(doc), 1, [newClause('Giả mạo.', 'phu-cap')]),
        /another participant’s suggestion/,
      ],
      [
        'a colleague marks a block for deletion under it',
        union2.token,
        (doc) => elementsOf(wageArticle(doc))[0]?.setAttribute('suggestDelete', 'bo-doan'),
        /suggestion of another participant/,
      ],
      [
        'employer drops the union’s deletion mark',
        employer.token,
        (doc) => elementsOf(wageArticle(doc))[1]?.removeAttribute('suggestDelete'),
        /another participant’s suggestion/,
      ],
      [
        'employer drops the union’s insertion mark',
        employer.token,
        (doc) => suggestedClause(doc).removeAttribute('suggestInsert'),
        /another participant’s suggestion/,
      ],
      ['employer deletes the union’s new clause', employer.token, (doc) => wageArticle(doc).delete(2, 1), /block another participant suggested/],
      ['employer types into it', employer.token, (doc) => suggestedClause(doc).insert(0, 'Thêm '), /block another participant suggested/],
      [
        'employer deletes the paragraph suggested for deletion',
        employer.token,
        (doc) => wageArticle(doc).delete(1, 1),
        /removed only when the other side accepts/,
      ],
      [
        'employer marks an existing block as new',
        employer.token,
        (doc) => elementsOf(wageArticle(doc))[0]?.setAttribute('suggestInsert', 'cu-ma-moi'),
        /only when it is added/,
      ],
      [
        'employer adds a block already suggested for deletion',
        employer.token,
        (doc) => insertAt(wageArticle(doc), 1, [{ ...clause('Xóa sẵn.'), suggestDelete: 'xoa-san' } as DocumentNode]),
        /new block cannot be suggested for deletion/,
      ],
    ];
    for (const [what, token, change, reason] of cases) expect(await refused(documentId, token, change), what).toMatch(reason);
    // Its author changes their own: types into the new clause, and withdraws the move by removing its copy and its mark.
    const { doc } = suggester;
    doc.transact(() => suggestedClause(doc).insert(0, 'Mức '));
    doc.transact(() => {
      payChapter(doc).delete(3, 1);
      wageArticle(doc).removeAttribute('suggestDelete');
    });
    await server.api.withDocument(documentId, () => undefined);
    const witness = await server.connect(documentId, employer.token);
    expect(suggestionsInBody(witness.doc).map((found) => [found.id, found.blocks?.map((block) => block.text)])).toEqual([
      ['bo-doan', ['Mức lương thấp nhất bằng mức lương tối thiểu vùng.']],
      ['phu-cap', ['Mức Phụ cấp độc hại 10%.']],
    ]);
    expect(suggester.denials).toEqual([]);
  });

  it('S32 suggesting required: blocks added, removed, moved or retyped without a suggestion are refused, suggested ones pass', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await server.admin.call('suggestions/setRequired', { documentId, required: true });
    const { token } = seats.employer;
    expect(await refused(documentId, token, (doc) => insertAt(wageArticle(doc), 2, [clause('Trực tiếp.')]))).toMatch(
      /suggesting is required.*added by suggesting/,
    );
    expect(await refused(documentId, token, (doc) => wageArticle(doc).delete(1, 1))).toMatch(/suggesting is required.*suggesting its deletion/);
    expect(
      await refused(documentId, token, (doc) => {
        const wage = readArticle(doc, clauseIds.wage);
        const chapter = payChapter(doc);
        chapter.delete(1, 1);
        insertAt(chapter, 2, [wage as DocumentNode]);
      }),
    ).toMatch(/suggesting is required/);
    expect(await refused(documentId, token, (doc) => elementsOf(wageArticle(doc))[1]?.setAttribute('type', 'clause'))).toMatch(/suggesting is required.*kind/);
    const suggester = await server.connect(documentId, token);
    const { doc } = suggester;
    doc.transact(() => {
      insertAt(wageArticle(doc), 2, [newClause('', 'them-khoan')]);
      elementsOf(wageArticle(doc))[1]?.setAttribute('suggestDelete', 'bo-doan');
    });
    // Typing in one's own new block needs no mark of its own: the block is the suggestion.
    elementsOf(wageArticle(doc))[2]?.insert(0, 'Phụ cấp đi lại.');
    await recorded(doc, 'them-khoan');
    await recorded(doc, 'bo-doan');
    await server.api.withDocument(documentId, (held) =>
      expect(suggestionsInBody(held).find((found) => found.id === 'them-khoan')?.blocks).toEqual([
        { change: 'insert', type: 'clause', text: 'Phụ cấp đi lại.' },
      ]),
    );
    expect(suggester.denials).toEqual([]);
  });

  it('S32 the other side decides block suggestions in one change each; nothing decided that changed since it was shown, nor a block removed with others’ suggestions inside it', async () => {
    const { documentId, suggester, employer, before } = await unionSuggestsBlocks();
    const seen = (id: string) => {
      const found = suggestionsInBody(suggester.doc).find((suggestion) => suggestion.id === id);
      if (!found) throw new Error(`no ${id}`);
      return { id, inserted: found.inserted, deleted: found.deleted, blocks: found.blocks };
    };
    const decide = (decision: 'accept' | 'reject', suggestions: SuggestionText[]) =>
      employer.client.call('suggestions/decide', { documentId, decision, suggestions });
    const staleCalls = [
      [seen('bo-doan'), { ...seen('phu-cap'), blocks: [{ change: 'insert' as const, type: 'clause' as const, text: 'Phụ cấp độc hại 5%.' }] }],
      [seen('bo-doan'), { id: 'phu-cap', inserted: '', deleted: '' }],
    ];
    for (const suggestions of staleCalls) await expectApiError(decide('accept', suggestions), 'conflict', /changed since/);
    // Accepting the move would remove the old copy, and the two suggestions inside it, undecided.
    await expectApiError(decide('accept', [seen('chuyen-dieu')]), 'conflict', /decide them first/);
    expect(await bodyTexts(documentId)).toEqual(before);
    const moveAsShownFirst = seen('chuyen-dieu');
    const newClause = seen('phu-cap');
    await decide('accept', [newClause]);
    await decide('reject', [seen('bo-doan')]);
    await docMatches(suggester.doc, () => suggestionsInBody(suggester.doc).length === 1, 'the decisions to reach the union');
    const wageNow = 'Tiền lương\nMức lương thấp nhất bằng mức lương tối thiểu vùng.\nPhụ cấp độc hại 10%.';
    expect((await bodyTexts(documentId)).find((found) => found.clauseId === clauseIds.wage)?.text).toBe(wageNow);
    // The old copy changed since the move was shown: what was shown is stale; what the decider sees now is taken.
    await expectApiError(decide('accept', [moveAsShownFirst]), 'conflict', /changed since/);
    expect(seen('chuyen-dieu').blocks?.map((block) => block.text)).toEqual([wageNow, 'Tiền lương\nMức lương thấp nhất bằng mức lương tối thiểu vùng.']);
    await decide('reject', [seen('chuyen-dieu')]);
    const after = await bodyTexts(documentId);
    expect(after.map((found) => found.clauseId)).toEqual(before.map((found) => found.clauseId));
    expect(after.find((found) => found.clauseId === clauseIds.wage)?.text).toBe(wageNow);
    await server.api.withDocument(documentId, (doc) => {
      expect(suggestionsInBody(doc)).toEqual([]);
      expect(suggestionRecords(doc).get('chuyen-dieu')?.status).toBe('rejected');
      // Each record keeps the blocks it decided, for the ledger and the minutes (decision 0029).
      expect(suggestionRecords(doc).get('phu-cap')?.decidedText?.blocks).toEqual(newClause.blocks);
      expect(
        suggestionRecords(doc)
          .get('chuyen-dieu')
          ?.decidedText?.blocks?.map((block) => block.change),
      ).toEqual(['delete', 'insert']);
    });
  });

  it('S32 a move accepted moves the article once, keeping its clauseId; a block suggestion passes the agreed lock and its author withdraws it there', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await seats.employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await seats.union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    const union = await server.connect(documentId, seats.union.token);
    const { doc } = union;
    // A direct new clause is refused by the lock; a suggested one passes, and its author removes it again.
    expect(await refused(documentId, seats.union.token, (copy) => insertAt(wageArticle(copy), 2, [clause('Trực tiếp.')]))).toMatch(/agreed by both sides/);
    insertAt(wageArticle(doc), 2, [newClause('Phụ cấp.', 'phu-cap')]);
    await recorded(doc, 'phu-cap');
    wageArticle(doc).delete(2, 1);
    const wage = readArticle(doc, clauseIds.wage);
    doc.transact(() => {
      wageArticle(doc).setAttribute('suggestDelete', 'len-dau');
      insertAt(payChapter(doc), 1, [{ ...wage, suggestInsert: 'len-dau' } as DocumentNode]);
    });
    await recorded(doc, 'len-dau');
    expect(union.denials).toEqual([]);
    const found = suggestionsInBody(doc).find((suggestion) => suggestion.id === 'len-dau');
    await seats.employer.client.call('suggestions/decide', {
      documentId,
      decision: 'accept',
      suggestions: [{ id: 'len-dau', inserted: '', deleted: '', blocks: found?.blocks }],
    });
    const after = await bodyTexts(documentId);
    expect(after.map((article) => article.clauseId)).toEqual([clauseIds.scope, clauseIds.term, clauseIds.wage, clauseIds.bonus]);
    await server.api.withDocument(documentId, (held) => {
      expect(suggestionsInBody(held)).toEqual([]);
      expect(elementsOf(payChapter(held)).filter((element) => element.getAttribute('clauseId') === clauseIds.wage)).toHaveLength(1);
    });
  });
});
