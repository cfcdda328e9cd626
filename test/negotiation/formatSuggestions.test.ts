import { Editor, Text, Transforms } from 'slate';
import { Awareness } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readArticle } from '#shared/document/articles';
import { variablesRootName } from '#shared/document/yjsContent';
import { suggestionRecords, suggestionsInBody, suggestionsRootName } from '#shared/negotiation/suggestions';
import { expectApiError } from '../helpers/apiTransports';
import { deniedAtLeast } from '../helpers/syncClient';
import { toggleMark } from '../../renderer/editor/commands';
import { createDocumentEditor } from '../../renderer/editor/createDocumentEditor';
import { SuggestingMode } from '../../renderer/editor/suggestingMode';
import { article, chapter, paragraph } from '../editor/builders';
import { lockingNothing, settle } from '../editor/peers';
import { clauseIds, docMatches, joinSeat, lastParagraphOf, openNegotiation, statusIn, serverPerTest } from './negotiationFixture';

// S33 (decision 0028): formatting and variable values are suggested too. A format suggestion is a
// mark on the run, recording the formatting it had, owned by whoever's socket brought it; a value
// suggestion is a record the API writes; the other side decides both, and nothing else changes them.

const boldStart = 'Mức lương '.length;
const boldLength = 'thấp nhất'.length;
const wageVariable = 'min_wage_monthly';
const wageTextLength = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.'.length;

describe('S33 formatting and value suggestions', () => {
  const server = serverPerTest();

  const wageParagraph = (doc: Y.Doc): Y.XmlText => lastParagraphOf(doc, clauseIds.wage);
  const recorded = (doc: Y.Doc, id: string) => docMatches(doc, () => suggestionRecords(doc).has(id), `the record of ${id}`);
  /** The runs of the wage paragraph as the server holds them: text and marks. */
  const serverRuns = (documentId: string) => server.api.withDocument(documentId, (doc) => wageParagraph(doc).toDelta() as unknown[]);

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

  /** The union suggests making "thấp nhất" bold. */
  async function unionSuggestsBold() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const suggester = await server.connect(documentId, seats.union.token);
    wageParagraph(suggester.doc).format(boldStart, boldLength, { bold: true, suggestFormat: 'dam-thap-nhat', suggestFormatFrom: 'plain' });
    await recorded(suggester.doc, 'dam-thap-nhat');
    return { ...seats, documentId, suggester };
  }

  const boldSeen = { id: 'dam-thap-nhat', inserted: '', deleted: '', format: { text: 'thấp nhất', added: ['bold' as const], removed: [] } };

  it('S33 a format suggestion is recorded from the socket, readers see the formatting it had, the other side accepts it (even in an agreed article) or rejects it', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await seats.employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await seats.union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    const suggester = await server.connect(documentId, seats.union.token);
    wageParagraph(suggester.doc).format(boldStart, boldLength, { bold: true, suggestFormat: 'dam-thap-nhat', suggestFormatFrom: 'plain' });
    await recorded(suggester.doc, 'dam-thap-nhat');
    expect(suggester.denials).toEqual([]);
    expect(suggestionRecords(suggester.doc).get('dam-thap-nhat')).toMatchObject({
      authorId: seats.union.participant.id,
      side: 'union',
      status: 'pending',
      clauseId: clauseIds.wage,
    });
    const found = await server.api.withDocument(documentId, (doc) => suggestionsInBody(doc));
    expect(found).toEqual([{ id: 'dam-thap-nhat', inserted: '', deleted: '', clauseId: clauseIds.wage, format: boldSeen.format }]);
    // Readers (exports, the agreed text) see the text as it was; the article counts as open meanwhile.
    const accepted = await server.api.withDocument(documentId, (doc) => readArticle(doc, clauseIds.wage));
    expect(JSON.stringify(accepted)).not.toContain('bold');
    expect((await seats.union.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).toContain(clauseIds.wage);
    // A stale view (another formatting than shown) decides nothing.
    await expectApiError(
      seats.employer.client.call('suggestions/decide', {
        documentId,
        decision: 'accept',
        suggestions: [{ ...boldSeen, format: { ...boldSeen.format, added: ['italic'] } }],
      }),
      'conflict',
      /changed since/,
    );
    await seats.employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: [boldSeen] });
    expect(await serverRuns(documentId)).toEqual([
      { insert: 'Mức lương ' },
      { insert: 'thấp nhất', attributes: { bold: true } },
      { insert: ' bằng mức lương tối thiểu vùng.' },
    ]);
    await docMatches(suggester.doc, () => suggestionsInBody(suggester.doc).length === 0, 'the acceptance');
    expect(statusIn(suggester.doc, clauseIds.wage)?.status).toBe('agreed');
    expect((await seats.union.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId)).not.toContain(clauseIds.wage);

    // Rejected (or withdrawn), a format suggestion gives the text back the formatting it had.
    wageParagraph(suggester.doc).format(boldStart, boldLength, { bold: null, italic: true, suggestFormat: 'nghieng', suggestFormatFrom: 'bold' });
    await recorded(suggester.doc, 'nghieng');
    await seats.employer.client.call('suggestions/decide', {
      documentId,
      decision: 'reject',
      suggestions: [{ id: 'nghieng', inserted: '', deleted: '', format: { text: 'thấp nhất', added: ['italic'], removed: ['bold'] } }],
    });
    expect(await serverRuns(documentId)).toEqual([
      { insert: 'Mức lương ' },
      { insert: 'thấp nhất', attributes: { bold: true } },
      { insert: ' bằng mức lương tối thiểu vùng.' },
    ]);
    expect(suggestionRecords(suggester.doc).get('dam-thap-nhat')?.status).toBe('accepted');
    // The records keep what each decided, for the ledger and the minutes (decision 0029).
    const decided = await server.api.withDocument(documentId, (doc) => suggestionRecords(doc));
    expect(decided.get('dam-thap-nhat')?.decidedText).toEqual({ inserted: '', deleted: '', format: boldSeen.format });
    expect(decided.get('nghieng')?.decidedText).toEqual({ inserted: '', deleted: '', format: { text: 'thấp nhất', added: ['italic'], removed: ['bold'] } });
  });

  it('S33 refuses a change of another’s format suggestion, deleting its text, a wrong “before”, and unmarked formatting while suggesting is required', async () => {
    const { documentId, employer, union2 } = await unionSuggestsBold();
    const cases: [string, string, (doc: Y.Doc) => void, RegExp][] = [
      ['employer adds italic to it', employer.token, (doc) => wageParagraph(doc).format(boldStart, 3, { italic: true }), /another participant’s suggestion/],
      [
        'employer drops its mark',
        employer.token,
        (doc) => wageParagraph(doc).format(boldStart, 3, { suggestFormat: null }),
        /another participant’s suggestion/,
      ],
      [
        'employer changes what it records as before',
        employer.token,
        (doc) => wageParagraph(doc).format(boldStart, 3, { suggestFormatFrom: 'italic' }),
        /another participant’s suggestion/,
      ],
      [
        'a colleague of its author uses its id',
        union2.token,
        (doc) => wageParagraph(doc).format(0, 3, { italic: true, suggestFormat: 'dam-thap-nhat', suggestFormatFrom: 'plain' }),
        /suggestion of another participant/,
      ],
      ['employer deletes its text', employer.token, (doc) => wageParagraph(doc).delete(boldStart, 2), /another participant suggested formatting for/],
      [
        'employer records a formatting that is no code',
        employer.token,
        (doc) => wageParagraph(doc).format(0, 3, { suggestFormatFrom: 'underline+bold' }),
        /formatting "suggestFormatFrom" that the body does not use/,
      ],
      [
        'employer suggests a formatting recording a wrong before',
        employer.token,
        (doc) => wageParagraph(doc).format(0, 3, { italic: true, suggestFormat: 'sai-truoc', suggestFormatFrom: 'underline' }),
        /formatting its text had before/,
      ],
    ];
    for (const [what, token, change, reason] of cases) expect(await refused(documentId, token, change), what).toMatch(reason);

    await server.admin.call('suggestions/setRequired', { documentId, required: true });
    expect(await refused(documentId, employer.token, (doc) => wageParagraph(doc).format(0, 3, { underline: true }))).toMatch(
      /suggesting is required.*formatting is changed by suggesting it/,
    );
    // Its own suggestion passes, and so does its author changing it or taking it back by hand.
    const own = await server.connect(documentId, employer.token);
    wageParagraph(own.doc).format(0, 3, { underline: true, suggestFormat: 'gach-chan', suggestFormatFrom: 'plain' });
    await recorded(own.doc, 'gach-chan');
    wageParagraph(own.doc).format(0, 3, { italic: true });
    wageParagraph(own.doc).format(0, 3, { underline: null, italic: null, suggestFormat: null, suggestFormatFrom: null });
    await docMatches(own.doc, () => suggestionsInBody(own.doc).length === 1, 'the withdrawal by hand');
    await server.api.withDocument(documentId, () => undefined);
    expect(own.denials).toEqual([]);
    expect(suggestionRecords(own.doc).get('gach-chan')?.side).toBe('employer');
  });

  /** A negotiation whose wage article shows the monthly minimum wage (4 960 000 ₫) as a chip. */
  async function negotiationWithWage() {
    const content = [
      chapter(
        'chuong-luong',
        'TIỀN LƯƠNG',
        article(
          clauseIds.wage,
          'Tiền lương',
          paragraph('Mức lương thấp nhất là ', { type: 'variable', variableId: wageVariable, children: [{ text: '' }] }, ' mỗi tháng.'),
        ),
        article(clauseIds.bonus, 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
      ),
    ];
    const document = await server.admin.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước Công ty May Sông Hồng',
      content,
      variables: { [wageVariable]: 4_960_000 },
    });
    const documentId = document.id;
    const employer = await joinSeat(server.api, server.admin, documentId, 'employer', 'Chị Lan (Phòng Nhân sự)');
    const union = await joinSeat(server.api, server.admin, documentId, 'union', 'Anh Minh (Công đoàn cơ sở)');
    const union2 = await joinSeat(server.api, server.admin, documentId, 'union', 'Chị Hoa (Tổ trưởng)');
    const reviewer = await joinSeat(server.api, server.admin, documentId, 'reviewer', 'Bà Hạnh (Sở LĐ-TB&XH)');
    const value = () => server.api.withDocument(documentId, (doc) => doc.getMap(variablesRootName).get(wageVariable));
    const records = () => server.api.withDocument(documentId, (doc) => doc.getMap(suggestionsRootName).toJSON());
    const notAgreed = async () => (await union.client.call('lifecycle/openItems', { documentId })).notAgreed.map((a) => a.clauseId);
    return { documentId, employer, union, union2, reviewer, value, records, notAgreed };
  }

  it('S33 a value is suggested through the API: validated, recorded as its caller’s, an open position of the articles showing it; bad values and reviewers refused, nothing changed', async () => {
    const { documentId, union, reviewer, value, records, notAgreed } = await negotiationWithWage();
    const bad: [unknown, RegExp][] = [
      [-5, /.+/],
      ['năm triệu', /.+/],
      [4_960_000.5, /.+/],
    ];
    for (const [wrong, message] of bad) {
      const error = await expectApiError(
        union.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: wrong as number }),
        'invalid_input',
        message,
      );
      expect(error.reason?.key).toBe('explained');
    }
    await expectApiError(union.client.call('suggestions/suggestValue', { documentId, variableId: 'khong_co', value: 1 }), 'invalid_input', /unknown variable/);
    await expectApiError(
      union.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 4_960_000 }),
      'invalid_input',
      /its value already/,
    );
    await expectApiError(
      reviewer.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 5_200_000 }),
      'forbidden',
      /reviewers/,
    );
    const fact = await expectApiError(
      union.client.call('suggestions/suggestValue', { documentId, variableId: 'vote_date', value: '2027-01-04' }),
      'invalid_input',
      /lifecycle record/,
    );
    expect(fact.reason?.key).toBe('fact_from_lifecycle');
    expect(await records()).toEqual({});
    expect(await value()).toBe(4_960_000);

    const { suggestion } = await union.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 5_200_000 });
    expect(suggestion).toMatchObject({
      authorId: union.participant.id,
      authorName: 'Anh Minh (Công đoàn cơ sở)',
      side: 'union',
      status: 'pending',
      clauseId: clauseIds.wage,
      value: { variableId: wageVariable, from: 4_960_000, to: 5_200_000 },
    });
    expect(await records()).toEqual({ [suggestion.id]: suggestion });
    expect(await value()).toBe(4_960_000);
    expect(await notAgreed()).toContain(clauseIds.wage);
    const audit = (await server.api.store.audit.listByDocument(documentId)).filter((entry) => entry.action === 'suggestion.value_suggested');
    expect(audit.map((entry) => entry.actor)).toEqual([`participant:${union.participant.id}`]);
    // A text no longer open (archived here; frozen alike) takes no suggestion.
    await server.admin.call('documents/archive', { documentId });
    await expectApiError(union.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 5_300_000 }), 'conflict');
    expect(Object.keys(await records())).toEqual([suggestion.id]);
  });

  it('S33 while suggesting is required a direct value write is refused; accepting writes the value in one change, even shown in an agreed article; a stale one is refused', async () => {
    const { documentId, employer, union, union2, value, notAgreed } = await negotiationWithWage();
    await employer.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await union.client.call('articles/agree', { documentId, clauseId: clauseIds.wage });
    await server.admin.call('suggestions/setRequired', { documentId, required: true });
    expect(await refused(documentId, union.token, (doc) => doc.getMap(variablesRootName).set(wageVariable, 5_200_000))).toMatch(
      /suggesting is required.*value changes by suggesting it/,
    );
    expect(await value()).toBe(4_960_000);

    const { suggestion: raise } = await union.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 5_500_000 });
    const { suggestion: smaller } = await union2.client.call('suggestions/suggestValue', { documentId, variableId: wageVariable, value: 5_300_000 });
    const seen = (id: string) => [{ id, inserted: '', deleted: '' }];
    await expectApiError(union2.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: seen(raise.id) }), 'forbidden', /other side/);
    const witness = await server.connect(documentId, union.token);
    const updatesBefore = await server.api.store.updates.lastSeq(documentId);
    await employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: seen(raise.id) });
    // One server change: the value and the record together.
    expect(await server.api.store.updates.lastSeq(documentId)).toBe(updatesBefore + 1);
    expect(await value()).toBe(5_500_000);
    await docMatches(witness.doc, () => witness.doc.getMap(variablesRootName).get(wageVariable) === 5_500_000, 'the accepted value');
    expect(suggestionRecords(witness.doc).get(raise.id)?.status).toBe('accepted');
    expect(statusIn(witness.doc, clauseIds.wage)?.status).toBe('agreed');
    // The other suggestion changed 4 960 000, no longer the value: stale, nothing decided.
    await expectApiError(
      employer.client.call('suggestions/decide', { documentId, decision: 'accept', suggestions: seen(smaller.id) }),
      'conflict',
      /no longer/,
    );
    expect(await value()).toBe(5_500_000);
    expect(await notAgreed()).toContain(clauseIds.wage);
    // Rejecting it changes its record only.
    await employer.client.call('suggestions/decide', { documentId, decision: 'reject', suggestions: seen(smaller.id) });
    expect(await value()).toBe(5_500_000);
    expect(await notAgreed()).not.toContain(clauseIds.wage);
  });

  /** The app's editor, in Suggesting mode, on a participant's live copy of the document. */
  async function suggestingEditor(documentId: string, seat: { token: string; participant: { id: string } }) {
    const client = await server.connect(documentId, seat.token);
    const mode = new SuggestingMode(client.doc, seat.participant.id);
    mode.toggle();
    const editor = createDocumentEditor({
      doc: client.doc,
      awareness: new Awareness(client.doc),
      cursor: { name: seat.participant.id, side: 'union' },
      onDesync: (error) => {
        throw error;
      },
      lock: lockingNothing,
      suggesting: mode,
    });
    editor.connect();
    /** Selects part of the wage article's paragraph (Điều 3: chapter 2, article 1, block 1) by its offsets in the text. */
    const select = (from: number, to: number) => {
      const leaves = [...Editor.nodes(editor, { at: [2, 1, 1], match: Text.isText })];
      const point = (offset: number) => {
        let left = offset;
        for (const [leaf, path] of leaves) {
          if (left <= leaf.text.length) return { path, offset: left };
          left -= leaf.text.length;
        }
        throw new Error(`no offset ${offset}`);
      };
      Transforms.select(editor, { anchor: point(from), focus: point(to) });
    };
    return { client, editor, mode, select };
  }

  /** The format suggestions of a copy: [id, text, added, removed]. */
  const formatsIn = (doc: Y.Doc) => suggestionsInBody(doc).flatMap(({ id, format }) => (format ? [[id, format.text, format.added, format.removed]] : []));

  it('S33 editors of two people suggest formatting at once: on separate words both pass; on overlapping words the server keeps the first and refuses the other, and every copy shows the first', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const union = await suggestingEditor(documentId, seats.union);
    const employer = await suggestingEditor(documentId, seats.employer);
    // Ctrl+B and Ctrl+I made at the same moment, before either copy hears of the other.
    union.select(0, 'Mức lương'.length);
    toggleMark(union.editor, 'bold');
    employer.select(wageTextLength - 'vùng.'.length, wageTextLength - 1);
    toggleMark(employer.editor, 'italic');
    await settle();
    await docMatches(union.client.doc, () => suggestionRecords(union.client.doc).size === 2, 'both records');
    expect([union.client.denials, employer.client.denials]).toEqual([[], []]);
    expect(formatsIn(union.client.doc).map(([, text, added]) => [text, added])).toEqual([
      ['Mức lương', ['bold']],
      ['vùng', ['italic']],
    ]);

    // Overlapping: "thấp nhất bằng" bold by one, "nhất bằng mức" underlined by the other.
    union.select(boldStart, boldStart + 'thấp nhất bằng'.length);
    toggleMark(union.editor, 'bold');
    employer.select(boldStart + 'thấp '.length, boldStart + 'thấp nhất bằng mức'.length);
    toggleMark(employer.editor, 'underline');
    await settle();
    await deniedAtLeast(union.client.denials.length > 0 ? union.client : employer.client, 1);
    const [kept, refusedOne] = union.client.denials.length > 0 ? [employer, union] : [union, employer];
    expect(refusedOne.client.denials[0]).toMatch(/another participant’s suggestion/);
    expect(kept.client.denials).toEqual([]);
    const served = await server.api.withDocument(documentId, (doc) => formatsIn(doc));
    expect(served).toHaveLength(3);
    await docMatches(kept.client.doc, () => JSON.stringify(formatsIn(kept.client.doc)) === JSON.stringify(served), 'the kept copy to match the server');
    const fresh = await server.connect(documentId, seats.union2.token);
    expect(formatsIn(fresh.doc)).toEqual(served);
    // Readers see none of it.
    expect(JSON.stringify(await server.api.withDocument(documentId, (doc) => readArticle(doc, clauseIds.wage)))).not.toMatch(/bold|italic|underline/);
  });

  it('S33 accepting races the author changing the suggestion: either the acceptance is refused as stale or the late change is, and what was accepted is what the decider saw', async () => {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    await server.admin.call('suggestions/setRequired', { documentId, required: true });
    const union = await suggestingEditor(documentId, seats.union);
    union.select(boldStart, boldStart + boldLength);
    toggleMark(union.editor, 'bold');
    await settle();
    const [id] = formatsIn(union.client.doc).map(([found]) => found as string);
    if (id === undefined) throw new Error('no format suggestion');
    await recorded(union.client.doc, id);
    const witness = await server.connect(documentId, seats.employer.token);
    await docMatches(witness.doc, () => suggestionRecords(witness.doc).has(id), 'the suggestion at the decider');
    // The decider accepts bold as shown while the author, not yet told, adds italic to it.
    const accepting = seats.employer.client.call('suggestions/decide', {
      documentId,
      decision: 'accept',
      suggestions: [{ id, inserted: '', deleted: '', format: { text: 'thấp nhất', added: ['bold'], removed: [] } }],
    });
    union.select(boldStart, boldStart + boldLength);
    toggleMark(union.editor, 'italic');
    await settle();
    const outcome = await accepting.then(
      () => 'accepted' as const,
      (error: unknown) => {
        expect(String(error)).toMatch(/changed since/);
        return 'stale' as const;
      },
    );
    if (outcome === 'accepted') {
      await deniedAtLeast(union.client, 1);
      expect(await serverRuns(documentId)).toEqual([
        { insert: 'Mức lương ' },
        { insert: 'thấp nhất', attributes: { bold: true } },
        { insert: ' bằng mức lương tối thiểu vùng.' },
      ]);
    } else {
      expect(union.client.denials).toEqual([]);
      expect(await server.api.withDocument(documentId, (doc) => formatsIn(doc))).toEqual([[id, 'thấp nhất', ['bold', 'italic'], []]]);
      expect(suggestionRecords(witness.doc).get(id)?.status).toBe('pending');
    }
    const served = await serverRuns(documentId);
    await docMatches(witness.doc, () => JSON.stringify(wageParagraph(witness.doc).toDelta()) === JSON.stringify(served), 'the decider’s copy');
  });
});
