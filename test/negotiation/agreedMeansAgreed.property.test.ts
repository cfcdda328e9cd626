import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';
import { articlesOf, articleText, readArticle } from '#shared/document/articles';
import type { ArticleElement, InlineNode, TopLevelBlock } from '#shared/document/nodes';
import { contentRoot, readContent, variablesMap } from '#shared/document/yjsContent';
import { agreedArticles, variablesShownIn } from '#shared/negotiation/agreedLock';
import { builtInVariables } from '#shared/templates/builtInVariables';
import { formatVariableValue } from '#shared/templates/variableValues';
import type { RoomConnection } from '#main/sync/documentRoom';
import { article, chapter, paragraph } from '../editor/builders';
import { zipPart } from '../export/fileTools';
import { closeApi, createTestClock, httpTransportUnderTest, type ApiFixture } from '../helpers/apiTransports';
import { signature, take } from '../lifecycle/lifecycleFixture';
import { joinSeat, type Seat } from './negotiationFixture';

/**
 * Agreed means agreed, as one property: whatever two sides do in any order — positions, counters,
 * acceptances, rejections, agreements, reopen requests and answers, edits of text and values
 * through sync, online or arriving late from an offline copy, lifecycle steps — (1) no agreed
 * article differs from what both sides last agreed, its text nor the values it shows, but by an
 * accepted position; (2) the exported text agrees with itself: every value an article shows is the
 * annex's value, and a figure that was a variable is still one; (3) the agreement is never signed
 * with one side's signature. `THOA_UOC_NEGOTIATION_RUNS` sets the number of runs.
 */
const runs = Number(process.env.THOA_UOC_NEGOTIATION_RUNS ?? 25);

type Side = 'employer' | 'union';
const chip = (variableId: string): InlineNode => ({ type: 'variable', variableId, children: [{ text: '' }] });
const rates = ['ot_rate_weekday', 'ot_rate_weekly_rest', 'ot_rate_holiday'] as const;

function body(): TopLevelBlock[] {
  return [
    paragraph('Căn cứ Bộ luật Lao động năm 2019.'),
    chapter(
      'chuong-gio',
      'THỜI GIỜ LÀM VIỆC',
      article('dieu-ngay-thuong', 'Làm thêm ngày thường', paragraph('Ít nhất bằng ', chip('ot_rate_weekday'), ' tiền lương giờ.')),
      article(
        'dieu-nghi-tuan',
        'Làm thêm ngày nghỉ',
        paragraph('Ngày nghỉ hằng tuần ', chip('ot_rate_weekly_rest'), ', ngày thường ', chip('ot_rate_weekday'), '.'),
      ),
      article('dieu-le', 'Làm thêm ngày lễ', paragraph('Ngày lễ ít nhất bằng ', chip('ot_rate_holiday'), '.')),
      article('dieu-thuong', 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
    ),
  ];
}
const clauseIds = ['dieu-ngay-thuong', 'dieu-nghi-tuan', 'dieu-le', 'dieu-thuong'] as const;

type Step =
  | { kind: 'propose'; side: Side; article: number; rate: number; value: number; withText: boolean }
  | { kind: 'counter'; value: number }
  | { kind: 'accept' | 'reject' | 'withdraw' }
  | { kind: 'agree'; side: Side | 'both'; article: number }
  | { kind: 'requestReopen'; side: Side; article: number }
  | { kind: 'answerReopen'; side: Side; article: number; accept: boolean }
  | { kind: 'syncText'; side: Side; article: number; offline: boolean }
  | { kind: 'syncValue'; side: Side; rate: number; value: number; offline: boolean }
  | { kind: 'deliverOffline'; side: Side }
  | { kind: 'toVote' }
  | { kind: 'sign'; side: Side };

const side = fc.constantFrom<Side>('employer', 'union');
const articleIndex = fc.integer({ min: 0, max: clauseIds.length - 1 });
const rateIndex = fc.integer({ min: 0, max: rates.length - 1 });
const value = fc.integer({ min: 300, max: 400 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('propose' as const), side, article: articleIndex, rate: rateIndex, value, withText: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('counter' as const), value }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('accept' as const, 'accept' as const, 'reject' as const, 'withdraw' as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('agree' as const), side: fc.constantFrom<Side | 'both'>('employer', 'union', 'both'), article: articleIndex }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('requestReopen' as const), side, article: articleIndex }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('answerReopen' as const), side, article: articleIndex, accept: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('syncText' as const), side, article: articleIndex, offline: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('syncValue' as const), side, rate: rateIndex, value, offline: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliverOffline' as const), side }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toVote' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sign' as const), side }) },
);

const other = (who: Side): Side => (who === 'employer' ? 'union' : 'employer');

const definitions = new Map(builtInVariables().map((definition) => [definition.id, definition]));

/** A participant's socket as the room sees it; what it is sent is not read here, and it holds no frames. */
function connection(seat: Seat, documentId: string): RoomConnection {
  return {
    participant: {
      id: seat.participant.id,
      documentId,
      displayName: seat.participant.displayName,
      side: seat.participant.side,
      invitationId: null,
      joinedAt: 0,
      revokedAt: null,
    },
    readOnly: false,
    send: () => {},
    close: () => {},
    readHeld: () => {},
  };
}

/** What both sides agreed for each agreed article: its text and the values it shows. */
function agreedState(doc: Y.Doc): Map<string, { text: string; values: Record<string, unknown> }> {
  const agreed = agreedArticles(doc);
  const shown = variablesShownIn(doc, agreed);
  const values = variablesMap(doc).toJSON();
  return new Map(
    [...agreed].map((clauseId) => {
      const current = readArticle(doc, clauseId);
      const ids = [...shown].filter(([, articles]) => articles.includes(clauseId)).map(([id]) => id);
      return [clauseId, { text: current ? articleText(current) : '', values: Object.fromEntries(ids.map((id) => [id, values[id]])) }];
    }),
  );
}

describe('agreed means agreed (property)', () => {
  let api: ApiFixture;
  let admin: ApiClient;
  beforeAll(async () => {
    // 10:00 in Vietnam on 8 January 2027: the steps are dated from 4 to 8 January.
    const clock = createTestClock(Date.UTC(2027, 0, 8, 3));
    api = await httpTransportUnderTest.start(clock);
    admin = api.client(api.adminToken);
  });
  afterAll(() => closeApi(api));

  it(
    `holds over random bargaining (${runs} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 25 }), async (steps) => {
          const document = await admin.call('documents/create', {
            kind: 'enterprise_agreement',
            title: 'Thỏa ước',
            content: body(),
            variables: { ot_rate_weekday: 150, ot_rate_weekly_rest: 200, ot_rate_holiday: 300 },
          });
          const documentId = document.id;
          const seats: Record<Side, Seat> = {
            employer: await joinSeat(api, admin, documentId, 'employer', 'Chị Lan'),
            union: await joinSeat(api, admin, documentId, 'union', 'Anh Minh'),
          };
          const offline: Record<Side, Y.Doc | null> = { employer: null, union: null };
          const offlineFrom: Record<Side, Uint8Array | null> = { employer: null, union: null };
          const live = <T>(read: (doc: Y.Doc) => T): Promise<T> => api.withDocument(documentId, read);
          const latestOpen = async () =>
            (await admin.call('negotiation/state', { documentId })).proposals.filter((proposal) => proposal.status === 'open').at(-1);
          const tolerate = async (call: () => Promise<unknown>) => {
            try {
              await call();
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
            }
          };
          /** What a participant's copy adds since `from`, through the sync room, as its socket would send it. */
          const send = async (who: Side, from: Uint8Array, copy: Y.Doc) => {
            const update = Y.encodeStateAsUpdate(copy, from);
            await api.withRoom(documentId, (room) => room.receiveUpdate(connection(seats[who], documentId), update));
          };

          for (const current of steps) {
            const before = await live(agreedState);
            const byApi = !['syncText', 'syncValue', 'deliverOffline'].includes(current.kind);
            switch (current.kind) {
              case 'propose': {
                const clauseId = clauseIds[current.article] as string;
                const rate = rates[current.rate] as string;
                const base = (await live((doc) => readArticle(doc, clauseId))) as ArticleElement;
                const text: ArticleElement = current.withText
                  ? { ...base, children: [...base.children, { type: 'paragraph', children: [{ text: 'Bổ sung.' }] }] }
                  : base;
                await tolerate(() =>
                  seats[current.side].client.call('proposals/create', {
                    documentId,
                    clauseId,
                    kind: current.withText ? 'replace' : 'values',
                    article: current.withText ? text : undefined,
                    values: { [rate]: current.value },
                    rationale: 'Đề xuất',
                  }),
                );
                break;
              }
              case 'counter': {
                const open = await latestOpen();
                if (!open) break;
                await tolerate(() =>
                  seats[other(open.side)].client.call('proposals/counter', {
                    documentId,
                    proposalId: open.id,
                    kind: 'values',
                    values: Object.fromEntries(Object.keys(open.values).map((id) => [id, current.value])),
                    rationale: 'Phản đề xuất',
                  }),
                );
                break;
              }
              case 'accept':
              case 'reject':
              case 'withdraw': {
                const open = await latestOpen();
                if (!open) break;
                const input = { documentId, proposalId: open.id };
                // The other side answers; the author withdraws.
                const answering = seats[other(open.side)].client;
                if (current.kind === 'accept') await tolerate(() => answering.call('proposals/accept', input));
                else if (current.kind === 'reject') await tolerate(() => answering.call('proposals/reject', { ...input, reason: 'Không đồng ý' }));
                else await tolerate(() => seats[open.side].client.call('proposals/withdraw', input));
                break;
              }
              case 'agree':
                for (const who of current.side === 'both' ? (['employer', 'union'] as const) : [current.side]) {
                  await tolerate(() => seats[who].client.call('articles/agree', { documentId, clauseId: clauseIds[current.article] as string }));
                }
                break;
              case 'requestReopen':
                await tolerate(() =>
                  seats[current.side].client.call('articles/requestReopen', { documentId, clauseId: clauseIds[current.article] as string, reason: 'Xem lại' }),
                );
                break;
              case 'answerReopen':
                await tolerate(() =>
                  seats[current.side].client.call('articles/answerReopen', {
                    documentId,
                    clauseId: clauseIds[current.article] as string,
                    accept: current.accept,
                  }),
                );
                break;
              case 'syncText':
              case 'syncValue': {
                // An online edit goes at once; an offline one waits in the participant's copy.
                let copy = offline[current.side];
                if (!copy) {
                  copy = new Y.Doc();
                  Y.applyUpdate(copy, await live((doc) => Y.encodeStateAsUpdate(doc)));
                  offlineFrom[current.side] = Y.encodeStateVector(copy);
                }
                if (current.kind === 'syncText') {
                  const target = findParagraph(copy, clauseIds[current.article] as string);
                  target?.insert(0, 'Sửa. ');
                } else variablesMap(copy).set(rates[current.rate] as string, current.value);
                if (current.offline) offline[current.side] = copy;
                else {
                  await send(current.side, offlineFrom[current.side] as Uint8Array, copy);
                  offline[current.side] = null;
                }
                break;
              }
              case 'deliverOffline': {
                const copy = offline[current.side];
                if (copy) await send(current.side, offlineFrom[current.side] as Uint8Array, copy);
                offline[current.side] = null;
                break;
              }
              case 'toVote': {
                // Whatever is still open goes to the vote with the union's reason (Art. 71), and the workers approve.
                await tolerate(() =>
                  take(seats.union.client, documentId, { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' }),
                );
                await tolerate(() => take(seats.employer.client, documentId, { type: 'record_bargaining_dates', startedOn: '2027-01-05' }));
                await tolerate(() => take(seats.union.client, documentId, { type: 'open_vote' }));
                await tolerate(() => take(seats.union.client, documentId, { type: 'open_vote', override: 'Người lao động quyết định' }));
                await tolerate(() =>
                  take(seats.union.client, documentId, { type: 'record_vote', votedOn: '2027-01-08', groups: [{ eligible: 100, inFavour: 70 }] }),
                );
                break;
              }
              case 'sign': {
                await tolerate(() =>
                  take(seats[current.side].client, documentId, signature(current.side, '2027-01-08', { effectiveOn: '2027-03-01', termMonths: 24 })),
                );
                break;
              }
            }
            // (1) Sync never changes what both sides agreed; only the API's steps move it.
            if (!byApi) {
              const after = await live(agreedState);
              for (const [clauseId, agreed] of before) expect(after.get(clauseId), `${clauseId} after ${current.kind}`).toEqual(agreed);
            }
            // (3) Signed (or beyond) only with both sides' signatures.
            const lifecycle = await admin.call('lifecycle/get', { documentId });
            if (['signed', 'submitted', 'in_force'].includes(lifecycle.state))
              expect(
                (await api.store.lifecycle.listByDocument(documentId))
                  .filter((event) => event.facts.type === 'sign')
                  .map((event) => (event.facts as { signature?: { side?: string } }).signature?.side)
                  .sort(),
              ).toEqual(['employer', 'union']);
          }

          // (2) The exported text agrees with itself, and every figure is still a chip.
          const values = (await live((doc) => variablesMap(doc).toJSON())) as Record<string, number>;
          const blocks = await live(readContent);
          for (const clauseId of clauseIds.slice(0, 3)) {
            const found = articlesOf(blocks).find((candidate) => candidate.clauseId === clauseId);
            expect(found && articleText(found)).toMatch(/\{\{ot_rate_/);
          }
          const exported = await admin.call('documents/exportDocx', { documentId, annex: true });
          const text = zipPart(Buffer.from(exported.fileBase64, 'base64'), 'word/document.xml').replace(/<[^>]+>/g, '');
          for (const rate of rates) {
            const shown = formatVariableValue(definitions.get(rate) as never, values[rate] as number, 'vi');
            // Once in an article (at least), once in the annex.
            expect(text.split(shown).length - 1, `${rate} = ${shown}`).toBeGreaterThanOrEqual(2);
          }
        }),
        {
          numRuns: runs,
          examples: [
            // Found by a random run: the union's offline edit of an article arrives after a position
            // replacing it was accepted (agreed); moving edits into a moved copy must not carry it there.
            [
              [
                { kind: 'syncText', side: 'union', article: 0, offline: true },
                { kind: 'propose', side: 'employer', article: 0, rate: 0, value: 300, withText: true },
                { kind: 'accept' },
                { kind: 'sign', side: 'employer' },
                { kind: 'syncValue', side: 'employer', rate: 0, value: 300, offline: false },
                { kind: 'syncText', side: 'employer', article: 0, offline: false },
                { kind: 'propose', side: 'employer', article: 0, rate: 0, value: 300, withText: false },
                { kind: 'deliverOffline', side: 'union' },
              ],
            ],
          ],
        },
      );
    },
    60_000 + runs * 4_000,
  );
});

/** The first paragraph of an article in a copy of the document. */
function findParagraph(doc: Y.Doc, clauseId: string): Y.XmlText | undefined {
  const search = (element: Y.XmlText): Y.XmlText | undefined => {
    for (const part of element.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      if (part.insert.getAttribute('type') === 'article') {
        if (part.insert.getAttribute('clauseId') !== clauseId) continue;
        return (part.insert.toDelta() as { insert: unknown }[])
          .map((inner) => inner.insert)
          .find((inner): inner is Y.XmlText => inner instanceof Y.XmlText && inner.getAttribute('type') === 'paragraph');
      }
      const found = search(part.insert);
      if (found) return found;
    }
    return undefined;
  };
  return search(contentRoot(doc));
}
