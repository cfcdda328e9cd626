import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { suggestionRecords, suggestionsInBody } from '#shared/negotiation/suggestions';
import { zipPart } from '../export/fileTools';
import { clauseIds, docMatches, lastParagraphOf, openNegotiation, statusIn, serverPerTest } from './negotiationFixture';

// Decision 0029: a side's pending suggestions are its position on the article. The server says so
// in `negotiation/state`, holds an agreed article open while one is pending (agreed again once all
// are decided, on the text the decisions left), and the minutes tell each suggestion and decision.

const wageText = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.';
const docxText = (fileBase64: string): string => zipPart(Buffer.from(fileBase64, 'base64'), 'word/document.xml');

describe('suggestions as positions', () => {
  const server = serverPerTest();

  const wageParagraph = (doc: Y.Doc): Y.XmlText => lastParagraphOf(doc, clauseIds.wage);
  const recorded = (doc: Y.Doc, id: string) => docMatches(doc, () => suggestionRecords(doc).has(id), `the record of ${id}`);

  /** Both sides agree the wage article; the union then suggests adding " cộng 10%" in it. */
  async function suggestInAgreedArticle() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await seats.employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await seats.union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    const suggester = await server.connect(documentId, seats.union.token);
    server.clock.advance(60_000);
    const agreedText = statusIn(suggester.doc, clauseIds.wage)?.agreedText;
    wageParagraph(suggester.doc).insert(wageText.length - 1, ' cộng 10%', { suggestInsert: 'them-10' });
    await recorded(suggester.doc, 'them-10');
    return { ...seats, documentId, suggester, agreedText };
  }

  const seen = [{ id: 'them-10', inserted: ' cộng 10%', deleted: '' }];

  it('negotiation/state reports the suggestion as the union’s position and the agreed article as reopened by it; rejected, it is agreed again on the unchanged text', async () => {
    const { documentId, employer, suggester, agreedText } = await suggestInAgreedArticle();
    const state = await employer.client.call('negotiation/state', { documentId });
    expect(state.suggestionPositions).toEqual([
      {
        clauseId: clauseIds.wage,
        side: 'union',
        authorNames: ['Anh Minh (Công đoàn cơ sở)'],
        latestAt: expect.any(String),
        ids: ['them-10'],
        values: {},
        previousValues: {},
      },
    ]);
    expect(state.shownStatuses).toEqual([{ clauseId: clauseIds.wage, status: 'open', reopenedBySuggestion: ['union'] }]);
    // The record says agreed: the lock (S23) still holds; only the reading is open.
    expect(state.articles.find((article) => article.clauseId === clauseIds.wage)?.status).toBe('agreed');

    await employer.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: seen });
    const after = await employer.client.call('negotiation/state', { documentId });
    expect(after.suggestionPositions).toEqual([]);
    expect(after.shownStatuses).toEqual([]);
    await docMatches(suggester.doc, () => suggestionRecords(suggester.doc).get('them-10')?.status === 'rejected', 'the rejection');
    expect(statusIn(suggester.doc, clauseIds.wage)).toMatchObject({ status: 'agreed', agreedText });
    expect((await employer.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).not.toContain(clauseIds.wage);
  });

  it('a suggestion its author takes back before anyone decides it no longer holds the agreed article open: the status follows the body, not a stored flag', async () => {
    const { documentId, employer, suggester } = await suggestInAgreedArticle();
    const before = await employer.client.call('negotiation/state', { documentId });
    expect(before.shownStatuses.map((shown) => shown.clauseId)).toEqual([clauseIds.wage]);
    const witness = await server.connect(documentId, employer.token);
    wageParagraph(suggester.doc).delete(wageText.length - 1, ' cộng 10%'.length);
    // Relayed to another socket: the server has applied it.
    await docMatches(witness.doc, () => suggestionsInBody(witness.doc).length === 0, 'the suggestion taken back');
    expect(suggester.denials).toEqual([]);
    expect(suggestionRecords(witness.doc).get('them-10')?.status).toBe('pending');
    const after = await employer.client.call('negotiation/state', { documentId });
    expect(after.suggestionPositions).toEqual([]);
    expect(after.shownStatuses).toEqual([]);
    expect((await employer.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).not.toContain(clauseIds.wage);
  });

  it('accepted, the suggestion leaves the article agreed on the new text, and the minutes (and their DOCX) tell who suggested what and who accepted it, never an id', async () => {
    const { documentId, employer, union, suggester } = await suggestInAgreedArticle();
    const pending = await union.client.call('negotiation/minutes', { documentId, since: '2000-01-01T00:00:00Z' });
    expect(pending.agreed.map((article) => article.clauseId)).not.toContain(clauseIds.wage);
    server.clock.advance(60_000);
    await employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: seen });
    await docMatches(suggester.doc, () => statusIn(suggester.doc, clauseIds.wage)?.agreedText?.includes('cộng 10%') === true, 'the agreed text');
    const state = await employer.client.call('negotiation/state', { documentId });
    expect(state.shownStatuses).toEqual([]);
    expect(state.articles.find((article) => article.clauseId === clauseIds.wage)).toMatchObject({ status: 'agreed' });
    expect(state.articles.find((article) => article.clauseId === clauseIds.wage)?.agreedText).toContain('tối thiểu vùng cộng 10%.');

    const minutes = await union.client.call('negotiation/minutes', { documentId, since: '2000-01-01T00:00:00Z' });
    expect(minutes.agreed.map((article) => article.clauseId)).toContain(clauseIds.wage);
    const steps = minutes.ledger.find((article) => article.clauseId === clauseIds.wage)?.entries.map((entry) => [entry.side, entry.byName, entry.step]);
    expect(steps?.slice(-2)).toEqual([
      ['union', 'Anh Minh (Công đoàn cơ sở)', { suggestion: { inserted: ' cộng 10%', deleted: '' } }],
      [
        'employer',
        'Chị Lan (Phòng Nhân sự)',
        { suggestionDecision: { status: 'accepted', authorName: 'Anh Minh (Công đoàn cơ sở)', authorSide: 'union', inserted: ' cộng 10%', deleted: '' } },
      ],
    ]);
    for (const [language, decided] of [
      ['vi', 'Chấp nhận gợi ý sửa của Anh Minh (Công đoàn cơ sở) (Bên người lao động): thêm “ cộng 10%”'],
      ['en', 'Accepted the suggestion of Anh Minh (Công đoàn cơ sở) (Worker side): insert “ cộng 10%”'],
    ] as const) {
      const exported = await union.client.call('documents/exportReport', {
        documentId,
        report: 'minutes',
        format: 'docx',
        since: '2000-01-01T00:00:00Z',
        language,
      });
      const xml = docxText(exported.fileBase64);
      expect(xml).toContain(decided);
      expect(xml).toContain('Chị Lan (Phòng Nhân sự)');
      expect(xml).not.toContain('them-10');
    }
  });
});
