import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import type { ApiErrorCode } from '#shared/api/errors';
import { replaceArticle } from '#shared/document/articles';
import type { VariableElement } from '#shared/document/nodes';
import { variablesMap } from '#shared/document/yjsContent';
import { addSalaryScale } from '#shared/salaryScale/yjsSalaryScale';
import {
  closeApi,
  createTestClock,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  startApi,
  type ApiFixture,
  type TestClock,
} from '../helpers/apiTransports';
import { article, paragraph } from '../editor/builders';
import { zipPart } from '../export/fileTools';
import { docFromFrames } from '../helpers/rawSocket';
import { clauseIds, containsBytes, framesWith, heardText, noticesHeard, noticeSockets, openNegotiation, utf8 } from './negotiationFixture';

// Each side's costing scenarios (decision 0023): private to their side under the rules of internal
// notes until published; published ones are read by both and recorded in the minutes.

const minuteMs = 60_000;
const secretName = 'Trần ngân sách của công ty: 6,5%';
/** 200 workers at 7,000,000 ₫ (one grade, one step), from 1 January 2027 for a year, raise 5 % a year now. */
const enteredWorkforce = { workforce: { headcount: 200, monthlyWage: 7_000_000 }, start: '2027-01-01', termMonths: 12 };

/** Puts a salary scale and the values of an agreement's wage article into the server's document. */
async function withWageFacts(api: ApiFixture, documentId: string, participantId: string): Promise<void> {
  let next = 0;
  await api.withRoom(documentId, (room) =>
    room.change(participantId, (doc) => {
      addSalaryScale(
        doc,
        {
          title: 'Thang lương công nhân',
          grades: [{ title: 'Công nhân may', code: 'A1', steps: [{ step: 1, monthlyWage: 7_000_000, headcount: 200, allowances: [] }] }],
        },
        () => `id${(next += 1)}`,
      );
      const values = variablesMap(doc);
      values.set('effective_date', '2027-01-01');
      values.set('term_years', '1');
      values.set('region', 'I');
      values.set('annual_raise_percent', 5);
    }),
  );
}

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('costing scenarios over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
  });
  afterEach(() => closeApi(api));

  async function refusedUnchanged(documentId: string, call: () => Promise<unknown>, code: ApiErrorCode, message?: RegExp): Promise<void> {
    const before = {
      employer: await api.store.costingScenarios.listForSide(documentId, 'employer'),
      union: await api.store.costingScenarios.listForSide(documentId, 'union'),
      audit: (await api.store.audit.listByDocument(documentId)).length,
    };
    clock.advance(minuteMs);
    await expectApiError(call(), code, message);
    expect({
      employer: await api.store.costingScenarios.listForSide(documentId, 'employer'),
      union: await api.store.costingScenarios.listForSide(documentId, 'union'),
      audit: (await api.store.audit.listByDocument(documentId)).length,
    }).toEqual(before);
  }

  it('a side’s scenarios are read by that side alone, in every answer; publishing one gives it to both with its figures, and the minutes record it', async () => {
    const { document, employer, employer2, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    await withWageFacts(api, documentId, employer.participant.id);

    const saved = await employer.client.call('costing/saveScenario', {
      documentId,
      name: secretName,
      clauseId: clauseIds.wage,
      settings: { assumptions: { attendance_bonus: { recipientsPercent: 75 } } },
      values: { annual_raise_percent: 6.5 },
    });
    expect(saved).toMatchObject({ side: 'employer', name: secretName, clauseId: clauseIds.wage, authorName: 'Chị Lan (Phòng Nhân sự)', published: null });
    expect(saved.settings.assumptions).toEqual({ attendance_bonus: { recipientsPercent: 75 } });

    // Its own side reads it (both of its people); nobody else, in no answer.
    for (const own of [employer.client, employer2.client])
      expect((await own.call('costing/scenarios', { documentId })).own.map((s) => s.id)).toEqual([saved.id]);
    for (const outside of [union.client, reviewer.client, admin]) {
      const answer = await outside.call('costing/scenarios', { documentId });
      expect(answer).toEqual({ own: [], published: [] });
      expect(JSON.stringify(await outside.call('negotiation/state', { documentId }))).not.toContain('Trần ngân sách');
      expect(JSON.stringify(await outside.call('negotiation/minutes', { documentId, since: '2000-01-01T00:00:00Z' }))).not.toContain('Trần ngân sách');
      await expectApiError(outside.call('costing/export', { documentId, target: { kind: 'scenario', scenarioId: saved.id }, format: 'xlsx' }), 'not_found');
    }
    // The other side cannot reach it by id either: it is answered as none.
    await refusedUnchanged(documentId, () => union.client.call('costing/publishScenario', { documentId, scenarioId: saved.id }), 'not_found');
    await refusedUnchanged(documentId, () => union.client.call('costing/deleteScenario', { documentId, scenarioId: saved.id }), 'not_found');
    await refusedUnchanged(
      documentId,
      () => union.client.call('costing/saveScenario', { documentId, scenarioId: saved.id, name: 'Đổi tên', values: {} }),
      'not_found',
    );
    // Its side exports it.
    const workbook = await employer2.client.call('costing/export', { documentId, target: { kind: 'scenario', scenarioId: saved.id }, format: 'xlsx' });
    expect(workbook.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(zipPart(Buffer.from(workbook.fileBase64, 'base64'), 'xl/sharedStrings.xml')).toContain('Trần ngân sách');

    // Saved again by its side: the new values and settings, the same id.
    clock.advance(minuteMs);
    const resaved = await employer2.client.call('costing/saveScenario', {
      documentId,
      scenarioId: saved.id,
      name: 'Phương án 6%',
      values: { annual_raise_percent: 6 },
    });
    expect(resaved).toMatchObject({ id: saved.id, name: 'Phương án 6%', values: { annual_raise_percent: 6 }, clauseId: null });

    // Published: fixed with its figures, read by both sides and the reviewer.
    clock.advance(minuteMs);
    const published = await employer.client.call('costing/publishScenario', { documentId, scenarioId: saved.id });
    // 1 % more than the 5 % in force on 200 × 7,000,000 for 12 months: 70,000 × 2,400 = 168,000,000, + 23.5 % = 207,480,000.
    expect(published.published).toMatchObject({
      byName: 'Chị Lan (Phòng Nhân sự)',
      cost: {
        total: { wages: 168_000_000, contributions: 39_480_000, cost: 207_480_000 },
        averageYear: { cost: 207_480_000 },
        headcount: 200,
        termMonths: 12,
        workforce: 'scale',
        changes: [{ variableId: 'annual_raise_percent', from: 5, to: 6 }],
      },
    });
    for (const reader of [union.client, reviewer.client, admin, employer.client])
      expect((await reader.call('costing/scenarios', { documentId })).published.map((s) => s.name)).toEqual(['Phương án 6%']);
    await refusedUnchanged(documentId, () => employer.client.call('costing/saveScenario', { documentId, scenarioId: saved.id, name: 'Khác' }), 'conflict');
    await refusedUnchanged(documentId, () => employer.client.call('costing/deleteScenario', { documentId, scenarioId: saved.id }), 'conflict');
    await refusedUnchanged(documentId, () => employer.client.call('costing/publishScenario', { documentId, scenarioId: saved.id }), 'conflict');

    const minutes = await union.client.call('negotiation/minutes', { documentId, since: '2000-01-01T00:00:00Z' });
    expect(minutes.costings).toEqual([
      expect.objectContaining({ name: 'Phương án 6%', side: 'employer', byName: 'Chị Lan (Phòng Nhân sự)', article: null, cost: published.published?.cost }),
    ]);
    const report = await union.client.call('documents/exportReport', { documentId, report: 'minutes', format: 'docx', since: '2000-01-01T00:00:00Z' });
    const xml = zipPart(Buffer.from(report.fileBase64, 'base64'), 'word/document.xml');
    expect(xml).toContain('PHƯƠNG ÁN CHI PHÍ TIỀN LƯƠNG CÁC BÊN CÔNG BỐ');
    expect(xml).toContain('Phương án 6%');
    expect(xml).toContain('Mức nâng lương bình quân tối thiểu mỗi kỳ: 5% → 6%');
    expect(xml).toMatch(/207\.480\.000\s₫ \(12 tháng, 200 người\)/);
    // A session that began after the publication does not record it.
    clock.advance(minuteMs);
    const later = await union.client.call('negotiation/minutes', { documentId, since: new Date(clock.now()).toISOString() });
    expect(later.costings).toEqual([]);
  });

  it('refusals: a reviewer keeps none, settings and names are checked, an unknown article or scenario is none; nothing changes', async () => {
    const { document, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    await refusedUnchanged(
      documentId,
      () => reviewer.client.call('costing/saveScenario', { documentId, name: 'Sở tính thử', values: { annual_raise_percent: 7 } }),
      'forbidden',
      /employer or the union/,
    );
    await refusedUnchanged(documentId, () => admin.call('costing/saveScenario', { documentId, name: 'Chủ trì', values: {} }), 'forbidden');
    await refusedUnchanged(
      documentId,
      () => union.client.call('costing/saveScenario', { documentId, name: 'X', settings: { assumptions: { annual_leave_days: { quantity: 2 } } } }),
      'invalid_input',
      /annual_leave_days/,
    );
    await refusedUnchanged(documentId, () => union.client.call('costing/saveScenario', { documentId, name: '   ' }), 'invalid_input');
    await refusedUnchanged(
      documentId,
      () => union.client.call('costing/saveScenario', { documentId, name: 'X', values: { annual_leave_days: 14 } }),
      'invalid_input',
      /annual_leave_days/,
    );
    await refusedUnchanged(
      documentId,
      () => union.client.call('costing/saveScenario', { documentId, name: 'X', values: { annual_raise_percent: '7' } }),
      'invalid_input',
      /annual_raise_percent/,
    );
    await refusedUnchanged(documentId, () => union.client.call('costing/saveScenario', { documentId, name: 'X', clauseId: 'khong-co' }), 'not_found');
    await refusedUnchanged(documentId, () => union.client.call('costing/publishScenario', { documentId, scenarioId: 'khong-co' }), 'not_found');
    // Without a salary scale and without an entered workforce there is nothing to publish; with one there is.
    const bare = await union.client.call('costing/saveScenario', { documentId, name: 'Tăng 7%', values: { annual_raise_percent: 7 } });
    await refusedUnchanged(documentId, () => union.client.call('costing/publishScenario', { documentId, scenarioId: bare.id }), 'conflict', /no workforce/);
    await union.client.call('costing/saveScenario', {
      documentId,
      scenarioId: bare.id,
      name: 'Tăng 7%',
      values: { annual_raise_percent: 7 },
      settings: enteredWorkforce,
    });
    const published = await union.client.call('costing/publishScenario', { documentId, scenarioId: bare.id });
    // 7 % of 7,000,000 × 2,400 = 1,176,000,000 + 23.5 % (the example).
    expect(published.published?.cost.averageYear.cost).toBe(1_452_360_000);
    expect(published.published?.cost.workforce).toBe('entered');
  });

  it('exports a position and an article’s positions compared, as a workbook and as the official annex', async () => {
    const { document, employer, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    await withWageFacts(api, documentId, employer.participant.id);
    const proposal = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind: 'values',
      values: { annual_raise_percent: 7 },
      rationale: 'Giá cả tăng',
    });
    clock.advance(minuteMs);
    await employer.client.call('proposals/counter', {
      documentId,
      proposalId: proposal.id,
      kind: 'values',
      values: { annual_raise_percent: 6 },
      rationale: 'Khả năng chi trả',
    });
    const workbook = await reviewer.client.call('costing/export', { documentId, target: { kind: 'article', clauseId: clauseIds.wage }, format: 'xlsx' });
    const strings = zipPart(Buffer.from(workbook.fileBase64, 'base64'), 'xl/sharedStrings.xml');
    expect(strings).toContain('Đề xuất của Công đoàn (Anh Minh (Công đoàn cơ sở)');
    expect(strings).toContain('Đề xuất của Người sử dụng lao động (Chị Lan (Phòng Nhân sự)');
    // The union then suggests 8 % as the value the wage article shows: its pending suggestion is its
    // position there now (decision 0029).
    await api.withRoom(documentId, (room) =>
      room.change(employer.participant.id, (doc) => {
        const raise: VariableElement = { type: 'variable', variableId: 'annual_raise_percent', children: [{ text: '' }] };
        replaceArticle(doc, clauseIds.wage, article(clauseIds.wage, 'Tiền lương', paragraph('Lương tăng ', raise, '% mỗi năm.')));
      }),
    );
    clock.advance(minuteMs);
    await union.client.call('suggestions/suggestValue', { documentId, variableId: 'annual_raise_percent', value: 8 });
    const after = await reviewer.client.call('costing/export', { documentId, target: { kind: 'article', clauseId: clauseIds.wage }, format: 'xlsx' });
    const afterStrings = zipPart(Buffer.from(after.fileBase64, 'base64'), 'xl/sharedStrings.xml');
    expect(afterStrings).toContain('Gợi ý sửa của Công đoàn (Anh Minh (Công đoàn cơ sở)');
    expect(afterStrings).not.toContain('Đề xuất của Công đoàn');
    expect(afterStrings).toContain('Đề xuất của Người sử dụng lao động (Chị Lan (Phòng Nhân sự)');
    const annex = await union.client.call('costing/export', {
      documentId,
      target: { kind: 'position', proposalId: proposal.id },
      format: 'docx',
      language: 'en',
    });
    const xml = zipPart(Buffer.from(annex.fileBase64, 'base64'), 'word/document.xml');
    expect(xml).toContain('Values before the position');
    expect(xml).toContain('ANNEX');
    await expectApiError(
      union.client.call('costing/export', { documentId, target: { kind: 'position', proposalId: 'khong-co' }, format: 'xlsx' }),
      'not_found',
    );
    await expectApiError(
      union.client.call('costing/export', { documentId, target: { kind: 'article', clauseId: clauseIds.scope }, format: 'xlsx' }),
      'conflict',
    );
  });
});

describe('S15 for costing scenarios: never on the other side’s socket (HTTP, raw sync sockets)', () => {
  let api: ApiFixture;
  const sockets = noticeSockets(() => api.serverUrl ?? '');
  const openSocket = sockets.open;

  beforeEach(async () => {
    api = await httpTransportUnderTest.start(createTestClock());
  });

  afterEach(async () => {
    sockets.closeAll();
    const unexpected = api.unexpectedErrors();
    await api.close();
    expect(unexpected).toEqual([]);
  });

  it('only the side’s own sockets hear of a private scenario, and never its content; a publication is told to both', async () => {
    const admin = api.client(api.adminToken);
    const { document, employer, union, reviewer } = await openNegotiation(api, admin);
    const documentId = document.id;
    const employerSocket = await openSocket(documentId, employer.token);
    const unionSocket = await openSocket(documentId, union.token);
    const reviewerSocket = await openSocket(documentId, reviewer.token);

    const scenario = await union.client.call('costing/saveScenario', {
      documentId,
      name: secretName,
      values: { annual_raise_percent: 9 },
      settings: enteredWorkforce,
    });
    await framesWith(unionSocket, () => noticesHeard(unionSocket).length === 1, 'the union socket to hear of its scenario');
    expect(noticesHeard(unionSocket)).toEqual(['costing']);

    // A public comment afterwards: once a socket has its frame, it has everything sent before it.
    const barrier = 'Đề nghị họp tiếp lúc 9 giờ sáng thứ Hai';
    await employer.client.call('threads/create', { documentId, clauseId: clauseIds.wage, body: barrier });
    for (const socket of [employerSocket, reviewerSocket, unionSocket]) await framesWith(socket, () => heardText(socket, barrier), 'the public comment');
    for (const outside of [employerSocket, reviewerSocket]) {
      expect(noticesHeard(outside)).toEqual([]);
      expect(heardText(outside, 'Trần ngân sách')).toBe(false);
      expect(JSON.stringify(docFromFrames(outside.frames).toJSON())).not.toContain('Trần ngân sách');
    }
    // Nor the union's own socket: a scenario travels through the API, never through the document.
    expect(heardText(unionSocket, 'Trần ngân sách')).toBe(false);
    const liveState = await api.withDocument(documentId, (doc) => Y.encodeStateAsUpdate(doc));
    expect(containsBytes(liveState, utf8('Trần ngân sách'))).toBe(false);

    await union.client.call('costing/publishScenario', { documentId, scenarioId: scenario.id });
    await framesWith(employerSocket, () => noticesHeard(employerSocket).length === 1, 'the employer socket to hear of the publication');
    await framesWith(unionSocket, () => noticesHeard(unionSocket).length === 2, 'the union socket to hear of the publication');
    expect(noticesHeard(employerSocket)).toEqual(['costing']);
    // A reviewer's socket gets no notices (it reads the published scenarios when it asks).
    expect(noticesHeard(reviewerSocket)).toEqual([]);
  });
});
