import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import type { ApiMethod } from '#shared/api/contract';
import type { Side } from '#shared/sides';
import { syncProtocolVersion } from '#shared/sync/protocol';
import { readAppVersion } from '#main/appVersion';
import {
  closeApi,
  expectApiError,
  httpTransportUnderTest,
  inProcessTransportUnderTest,
  startApi,
  type ApiFixture,
  type TestClock,
} from '../helpers/apiTransports';

// One contract suite, run against every transport (HOUSE_STYLE 22): the same calls must give the
// same results and the same error codes whether they travel over HTTP or stay in the process.

const hourMs = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const codePattern = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

describe.each([httpTransportUnderTest, inProcessTransportUnderTest])('API contract over $name', (underTest) => {
  let clock: TestClock;
  let api: ApiFixture;
  let admin: ApiClient;
  let anonymous: ApiClient;

  beforeEach(async () => {
    ({ clock, api, admin } = await startApi(underTest));
    anonymous = api.client();
  });
  afterEach(() => closeApi(api));

  const createDocument = (title = 'Thỏa ước lao động tập thể Công ty May Hưng Yên 2027') =>
    admin.call('documents/create', { kind: 'enterprise_agreement', title });

  /** Invites (as `inviter`, the host by default) and redeems anonymously; returns the token and a client. */
  async function join(documentId: string, side: Side, displayName: string, inviter: ApiClient = admin) {
    const invitation = await inviter.call('invitations/create', { documentId, side });
    const redeemed = await anonymous.call('invitations/redeem', { code: invitation.code, displayName });
    return { ...redeemed, client: api.client(redeemed.token) };
  }

  describe('health and session', () => {
    it('health/get answers without a token, with the app version and the sync protocol version', async () => {
      const health = await anonymous.call('health/get', {});
      expect(health).toMatchObject({ status: 'ok', version: readAppVersion(), protocolVersion: syncProtocolVersion });
    });

    it('session/get tells the host from a participant and refuses a caller without a token', async () => {
      expect(await admin.call('session/get', {})).toEqual({ kind: 'admin' });
      const document = await createDocument();
      const union = await join(document.id, 'union', 'Anh Minh (Công đoàn)');
      const session = await union.client.call('session/get', {});
      expect(session).toEqual({ kind: 'participant', participant: union.participant, document });
      await expectApiError(anonymous.call('session/get', {}), 'unauthorized');
    });
  });

  describe('documents', () => {
    it('create, list, get, rename and archive, with times from the service clock', async () => {
      const t0 = clock.now();
      const agreement = await createDocument('  Thỏa ước lao động tập thể 2027  ');
      expect(agreement).toEqual({
        id: expect.stringMatching(/^[a-z0-9]{8,40}$/),
        kind: 'enterprise_agreement',
        title: 'Thỏa ước lao động tập thể 2027',
        lifecycleState: 'drafting',
        createdAt: iso(t0),
        updatedAt: iso(t0),
        archivedAt: null,
      });
      clock.advance(60_000);
      const regulations = await admin.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy lao động' });
      expect((await admin.call('documents/list', {})).map((d) => d.id)).toEqual([regulations.id, agreement.id]);
      expect(await admin.call('documents/get', { documentId: agreement.id })).toEqual(agreement);

      clock.advance(hourMs);
      const renamed = await admin.call('documents/rename', { documentId: agreement.id, title: 'Thỏa ước 2027–2030' });
      expect(renamed).toEqual({ ...agreement, title: 'Thỏa ước 2027–2030', updatedAt: iso(clock.now()) });
      expect(await admin.call('documents/get', { documentId: agreement.id })).toEqual(renamed);
      expect((await admin.call('documents/list', {})).map((d) => d.id)).toEqual([agreement.id, regulations.id]);

      clock.advance(hourMs);
      const archived = await admin.call('documents/archive', { documentId: regulations.id });
      expect(archived).toEqual({ ...regulations, archivedAt: iso(clock.now()), updatedAt: iso(clock.now()) });
      expect(await admin.call('documents/list', {})).toEqual([renamed]);
      expect(await admin.call('documents/list', { includeArchived: true })).toEqual([archived, renamed]);
      expect(await admin.call('documents/get', { documentId: regulations.id })).toEqual(archived);
    });

    it('documents/get of an id nobody created is not_found', async () => {
      await expectApiError(admin.call('documents/get', { documentId: 'zzzz0000zzzz0000' }), 'not_found', /zzzz0000zzzz0000/);
    });

    it('an archived document refuses rename, new invitations, a second archive and codes issued before', async () => {
      const document = await createDocument();
      const earlier = await admin.call('invitations/create', { documentId: document.id, side: 'union' });
      await admin.call('documents/archive', { documentId: document.id });
      await expectApiError(admin.call('documents/rename', { documentId: document.id, title: 'Mới' }), 'conflict', /archived/);
      await expectApiError(admin.call('invitations/create', { documentId: document.id, side: 'employer' }), 'conflict', /archived/);
      await expectApiError(admin.call('documents/archive', { documentId: document.id }), 'conflict', /archived/);
      await expectApiError(anonymous.call('invitations/redeem', { code: earlier.code, displayName: 'Chị Hoa' }), 'conflict', /archived/);
      expect((await admin.call('documents/get', { documentId: document.id })).title).toBe(document.title);
      expect(await admin.call('participants/list', { documentId: document.id })).toEqual([]);
    });
  });

  describe('invitations', () => {
    it('create gives a one-time code for a side, valid for a week unless told otherwise', async () => {
      const document = await createDocument();
      const week = await admin.call('invitations/create', { documentId: document.id, side: 'union' });
      expect(week).toEqual({
        id: expect.any(String),
        documentId: document.id,
        side: 'union',
        code: expect.stringMatching(codePattern),
        expiresAt: iso(clock.now() + 7 * 24 * hourMs),
      });
      const short = await admin.call('invitations/create', { documentId: document.id, side: 'reviewer', validForHours: 2 });
      expect(short.expiresAt).toBe(iso(clock.now() + 2 * hourMs));
      expect(short.code).not.toBe(week.code);
    });

    it('redeem makes a participant of the side and returns a token that opens a session', async () => {
      const document = await createDocument();
      const invitation = await admin.call('invitations/create', { documentId: document.id, side: 'employer' });
      clock.advance(5 * 60_000);
      const redeemed = await anonymous.call('invitations/redeem', { code: invitation.code, displayName: '  Chị Lan (Phòng Nhân sự)  ' });
      expect(redeemed.participant).toEqual({
        id: expect.any(String),
        documentId: document.id,
        displayName: 'Chị Lan (Phòng Nhân sự)',
        side: 'employer',
        joinedAt: iso(clock.now()),
        revokedAt: null,
      });
      expect(redeemed.document).toEqual(document);
      const session = await api.client(redeemed.token).call('session/get', {});
      expect(session.kind === 'participant' && session.participant.id).toBe(redeemed.participant.id);
    });

    it('a code works once: the second redeem is gone and adds nobody', async () => {
      const document = await createDocument();
      const invitation = await admin.call('invitations/create', { documentId: document.id, side: 'union' });
      await anonymous.call('invitations/redeem', { code: invitation.code, displayName: 'Anh Minh' });
      await expectApiError(anonymous.call('invitations/redeem', { code: invitation.code, displayName: 'Người khác' }), 'gone', /already been used/);
      expect((await admin.call('participants/list', { documentId: document.id })).map((p) => p.displayName)).toEqual(['Anh Minh']);
    });

    it('a code works until the millisecond before it expires and is gone from then on', async () => {
      const document = await createDocument();
      const first = await admin.call('invitations/create', { documentId: document.id, side: 'union', validForHours: 1 });
      const second = await admin.call('invitations/create', { documentId: document.id, side: 'union', validForHours: 1 });
      clock.advance(hourMs - 1);
      await anonymous.call('invitations/redeem', { code: first.code, displayName: 'Kịp giờ' });
      clock.advance(1);
      expect(clock.now()).toBe(Date.parse(second.expiresAt));
      await expectApiError(anonymous.call('invitations/redeem', { code: second.code, displayName: 'Trễ giờ' }), 'gone', /expired/);
    });

    it('a code nobody issued is not_found', async () => {
      await createDocument();
      await expectApiError(anonymous.call('invitations/redeem', { code: 'ZZZZZ-ZZZZZ', displayName: 'Ai đó' }), 'not_found');
    });

    it('codes typed in lower case, or with spaces instead of the dash, still work', async () => {
      const document = await createDocument();
      const lower = await admin.call('invitations/create', { documentId: document.id, side: 'union' });
      const spaced = await admin.call('invitations/create', { documentId: document.id, side: 'employer' });
      const a = await anonymous.call('invitations/redeem', { code: lower.code.toLowerCase(), displayName: 'Chữ thường' });
      const b = await anonymous.call('invitations/redeem', {
        code: ` ${spaced.code.slice(0, 5)} ${spaced.code.slice(6).toLowerCase()} `,
        displayName: 'Có dấu cách',
      });
      expect([a.participant.side, b.participant.side]).toEqual(['union', 'employer']);
    });
  });

  describe('participants', () => {
    it('list shows who joined, in order; revoke ends a token at once and shows in the list', async () => {
      const document = await createDocument();
      const employer = await join(document.id, 'employer', 'Chị Lan');
      clock.advance(1000);
      const union = await join(document.id, 'union', 'Anh Minh');
      const listed = await admin.call('participants/list', { documentId: document.id });
      expect(listed).toEqual([employer.participant, union.participant]);
      expect(await union.client.call('participants/list', { documentId: document.id })).toEqual(listed);

      clock.advance(hourMs);
      const revoked = await admin.call('participants/revoke', { participantId: union.participant.id });
      expect(revoked).toEqual({ ...union.participant, revokedAt: iso(clock.now()) });
      expect(await admin.call('participants/list', { documentId: document.id })).toEqual([employer.participant, revoked]);
      await expectApiError(union.client.call('session/get', {}), 'unauthorized');
      await expectApiError(union.client.call('documents/get', { documentId: document.id }), 'unauthorized');
      expect((await employer.client.call('session/get', {})).kind).toBe('participant');
    });

    it('revoking a participant nobody knows is not_found', async () => {
      await expectApiError(admin.call('participants/revoke', { participantId: 'nobody0000000000' }), 'not_found', /nobody0000000000/);
    });
  });

  describe('access rules', () => {
    it('without a token, every method but health/get and invitations/redeem is unauthorized', async () => {
      const document = await createDocument();
      const { participant } = await join(document.id, 'union', 'Anh Minh');
      const calls: [ApiMethod, unknown][] = [
        ['session/get', {}],
        ['documents/list', {}],
        ['documents/get', { documentId: document.id }],
        ['documents/create', { kind: 'enterprise_agreement', title: 'Không được' }],
        ['documents/rename', { documentId: document.id, title: 'Không được' }],
        ['documents/archive', { documentId: document.id }],
        ['invitations/create', { documentId: document.id, side: 'union' }],
        ['participants/list', { documentId: document.id }],
        ['participants/revoke', { participantId: participant.id }],
      ];
      for (const [method, input] of calls) await expectApiError(api.transport()(method, input), 'unauthorized');
      await expectApiError(api.client('tu_not-a-token-anyone-was-given').call('documents/list', {}), 'unauthorized');
      expect(await admin.call('documents/get', { documentId: document.id })).toEqual(document);
    });

    it('a participant sees only its own document', async () => {
      const mine = await createDocument('Thỏa ước của chúng tôi');
      const other = await createDocument('Thỏa ước của công ty khác');
      const { client } = await join(mine.id, 'employer', 'Chị Lan');
      expect(await client.call('documents/list', { includeArchived: true })).toEqual([mine]);
      expect(await client.call('documents/get', { documentId: mine.id })).toEqual(mine);
      await expectApiError(client.call('documents/get', { documentId: other.id }), 'forbidden');
      await expectApiError(client.call('participants/list', { documentId: other.id }), 'forbidden');
      await expectApiError(client.call('invitations/create', { documentId: other.id, side: 'employer' }), 'forbidden');
    });

    it('a participant may invite people of its own side only', async () => {
      const document = await createDocument();
      const employer = await join(document.id, 'employer', 'Chị Lan');
      const colleague = await join(document.id, 'employer', 'Anh Quang', employer.client);
      expect(colleague.participant.side).toBe('employer');
      await expectApiError(employer.client.call('invitations/create', { documentId: document.id, side: 'union' }), 'forbidden', /employer side/);
      await expectApiError(employer.client.call('invitations/create', { documentId: document.id, side: 'reviewer' }), 'forbidden');
      const union = await join(document.id, 'union', 'Anh Minh');
      expect((await union.client.call('invitations/create', { documentId: document.id, side: 'union' })).side).toBe('union');
      await expectApiError(union.client.call('invitations/create', { documentId: document.id, side: 'employer' }), 'forbidden', /union side/);
    });

    it('a reviewer may not invite anyone, not even another reviewer', async () => {
      const document = await createDocument();
      const reviewer = await join(document.id, 'reviewer', 'Ông Tuấn (Sở Nội vụ)');
      await expectApiError(reviewer.client.call('invitations/create', { documentId: document.id, side: 'reviewer' }), 'forbidden', /reviewers/);
      await expectApiError(reviewer.client.call('invitations/create', { documentId: document.id, side: 'union' }), 'forbidden');
    });

    it('host-only methods are forbidden to participants and change nothing', async () => {
      const document = await createDocument();
      const employer = await join(document.id, 'employer', 'Chị Lan');
      clock.advance(1000);
      const union = await join(document.id, 'union', 'Anh Minh');
      const client = employer.client;
      await expectApiError(client.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy' }), 'forbidden');
      await expectApiError(client.call('documents/rename', { documentId: document.id, title: 'Đổi tên' }), 'forbidden');
      await expectApiError(client.call('documents/archive', { documentId: document.id }), 'forbidden');
      await expectApiError(client.call('participants/revoke', { participantId: union.participant.id }), 'forbidden');
      expect(await admin.call('documents/list', { includeArchived: true })).toEqual([document]);
      expect(await admin.call('participants/list', { documentId: document.id })).toEqual([employer.participant, union.participant]);
    });
  });

  describe('input validation', () => {
    it('invalid input is invalid_input, the message names each offending field, and nothing changes', async () => {
      const send = api.transport(api.adminToken);
      await expectApiError(send('documents/create', { kind: 'contract', title: '   ' }), 'invalid_input', /^(?=.*\bkind\b)(?=.*\btitle\b)/);
      await expectApiError(
        send('documents/create', { kind: 'enterprise_agreement', title: 'x'.repeat(301) }),
        'invalid_input',
        /title: the title must be at most 300 characters/,
      );
      await expectApiError(send('documents/get', { documentId: '../../etc' }), 'invalid_input', /documentId/);
      await expectApiError(send('documents/list', { includeArchived: 'yes' }), 'invalid_input', /includeArchived/);
      expect(await admin.call('documents/list', { includeArchived: true })).toEqual([]);

      const document = await createDocument();
      await expectApiError(send('invitations/create', { documentId: document.id, side: 'union', validForHours: 0 }), 'invalid_input', /validForHours/);
      await expectApiError(send('invitations/create', { documentId: document.id, side: 'observer' }), 'invalid_input', /side/);
      await expectApiError(send('participants/revoke', {}), 'invalid_input', /participantId/);
      await expectApiError(api.transport()('invitations/redeem', { code: '', displayName: 'Chị Lan' }), 'invalid_input', /code/);
      await expectApiError(api.transport()('invitations/redeem', { code: 'ABCDE-FGHJK', displayName: '  ' }), 'invalid_input', /displayName/);
      expect(await admin.call('participants/list', { documentId: document.id })).toEqual([]);
    });

    it('an error a person may meet says why by a stable reason the interface words, with the values its words need', async () => {
      const document = await createDocument();
      const used = await admin.call('invitations/create', { documentId: document.id, side: 'union', validForHours: 1 });
      const union = await anonymous.call('invitations/redeem', { code: used.code, displayName: 'Anh Minh' });
      const reasonOf = async (call: Promise<unknown>, code: Parameters<typeof expectApiError>[1]) => (await expectApiError(call, code)).reason;

      expect(await reasonOf(anonymous.call('invitations/redeem', { code: 'ZZZZZ-ZZZZZ', displayName: 'Ai đó' }), 'not_found')).toEqual({
        key: 'invitation_unknown',
      });
      expect(await reasonOf(anonymous.call('invitations/redeem', { code: used.code, displayName: 'Người khác' }), 'gone')).toEqual({ key: 'invitation_used' });
      const expiring = await admin.call('invitations/create', { documentId: document.id, side: 'union', validForHours: 1 });
      clock.advance(hourMs);
      expect(await reasonOf(anonymous.call('invitations/redeem', { code: expiring.code, displayName: 'Trễ giờ' }), 'gone')).toEqual({
        key: 'invitation_expired',
      });
      expect(await reasonOf(api.client(union.token).call('invitations/create', { documentId: document.id, side: 'employer' }), 'forbidden')).toEqual({
        key: 'invite_own_side',
      });
      expect(await reasonOf(api.client('tu_not-a-token-anyone-was-given').call('documents/list', {}), 'unauthorized')).toEqual({ key: 'token_revoked' });
      // A rule of the law refuses in both languages, as the rule itself explains it.
      const refusal = await reasonOf(
        api
          .client(union.token)
          .call('lifecycle/step', { documentId: document.id, step: { type: 'record_vote', votedOn: '2027-01-04', groups: [{ eligible: 100, inFavour: 60 }] } }),
        'conflict',
      );
      expect(refusal).toEqual({ key: 'explained', text: { vi: expect.stringMatching(/[ạảấầậ]/), en: expect.stringMatching(/^[\x20-\x7e’“”–—]+$/) } });
      await admin.call('documents/archive', { documentId: document.id });
      expect(await reasonOf(admin.call('documents/rename', { documentId: document.id, title: 'Mới' }), 'conflict')).toEqual({
        key: 'document_archived',
        values: { title: document.title },
      });
      // Input that does not match the schema is a mistake of the program, not of a person: no reason, the code says it.
      expect(await reasonOf(admin.call('documents/get', { documentId: '../../etc' }), 'invalid_input')).toBeUndefined();
    });

    it('a method the contract does not name is not_found', async () => {
      // Deliberately outside the contract's method names, as an older or foreign client might send.
      const unknownMethod = 'documents/delete' as ApiMethod;
      await expectApiError(api.transport(api.adminToken)(unknownMethod, {}), 'not_found', /documents\/delete/);
    });
  });
});
