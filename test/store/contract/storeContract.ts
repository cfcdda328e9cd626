import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleTemplate, VariableDefinition } from '#shared/templates/schema';
import type { LifecycleEventRecord } from '#shared/lifecycle/model';
import { emptySummary } from '#shared/versions/model';
import type { Store } from '#main/store/port';
import type { Dialogue, Submission } from '#shared/dialogue/model';
import type { CostingScenarioRecord, DocumentRecord, ParticipantRecord, VersionRecord } from '#main/store/records';
import { mealAllowanceVariable, mealTemplate } from '../../helpers/templateFixtures';

/** A store under test, and how to dispose of it. */
export interface OpenedStore {
  store: Store;
  dispose(): Promise<void>;
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const same = (actual: Uint8Array, expected: Uint8Array): void => expect([...actual]).toEqual([...expected]);

function documentRecord(id: string, updatedAt = 1_000, workspaceId = 'local'): DocumentRecord {
  return {
    id,
    kind: 'enterprise_agreement',
    title: `Thỏa ước ${id}`,
    lifecycleState: 'drafting',
    createdAt: 1_000,
    updatedAt,
    archivedAt: null,
    workspaceId,
    authorityId: null,
  };
}

function participantRecord(id: string, documentId: string, joinedAt = 2_000): ParticipantRecord {
  return { id, documentId, displayName: `Người ${id}`, side: 'union', invitationId: null, joinedAt, revokedAt: null };
}

function template(id: string, title: string): ArticleTemplate {
  const base = mealTemplate(id);
  return { ...base, title: { vi: title, en: title } };
}

const variable = (id: string, label: string): VariableDefinition => ({ ...mealAllowanceVariable, id, label: { vi: label, en: label } });

function versionRecord(documentId: string, number: number, kind: VersionRecord['kind'] = 'automatic'): VersionRecord {
  return {
    id: `${documentId}-v${number}`,
    documentId,
    number,
    kind,
    name: null,
    authorId: null,
    side: null,
    createdAt: 3_000 + number,
    snapshot: bytes(number, 1, 2),
    snapshotBase: number,
    summary: emptySummary,
    restoredFrom: null,
    contentHash: kind === 'signed' ? 'a'.repeat(64) : null,
    previousHash: null,
  };
}

function dialogueRecord(id: string, workspaceId: string, updatedAt: string): Dialogue {
  return {
    id,
    workspaceId,
    kind: 'periodic',
    matter: null,
    title: `Đối thoại ${id}`,
    enterprise: { name: 'Công ty May Hưng Thịnh', headcount: 420, restDays: 'sunday' },
    meeting: { date: '2026-06-15', time: '08:00', place: 'Hội trường' },
    participants: [
      { id: 'p1', name: 'Trần Văn Bình', position: 'Giám đốc', side: 'employer', legalRepresentative: true, authorised: false, female: false, unit: '' },
    ],
    agenda: [],
    state: 'draft',
    request: null,
    agendaSentOn: null,
    heldOn: null,
    attendance: [],
    signatures: { employer: null, union: null },
    minutesSignedOn: null,
    publishedOn: null,
    summary: '',
    commitments: [],
    completedOn: null,
    submissionsOpen: true,
    createdAt: '2026-05-01T01:00:00.000Z',
    updatedAt,
  };
}

function submissionRecord(id: string, dialogueId: string, topic: string | null, at: number): Omit<Submission, 'number'> {
  return {
    id,
    dialogueId,
    text: `Câu hỏi ${id}`,
    submitterName: null,
    unit: '',
    source: 'link',
    topic,
    article: null,
    status: 'open',
    mergedInto: null,
    mergedWordings: [],
    count: 1,
    answer: null,
    answeredOn: null,
    owner: null,
    due: null,
    proposal: null,
    createdAt: new Date(at).toISOString(),
  };
}

/**
 * What every adapter of the persistence port (main/store/port.ts) must do alike: the same
 * records back, the same order, the same atomicity. Each adapter's test file runs this suite over
 * a fresh store.
 */
export function describeStoreContract(adapter: string, open: () => Promise<OpenedStore>): void {
  describe(`store contract: ${adapter}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      for (const id of ['d1', 'd2', 'd3']) await store.documents.insert(documentRecord(id, id === 'd2' ? 5_000 : 1_000));
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('documents: read back as written, listed most recent first, archived once', async () => {
      expect(await store.documents.get('d1')).toEqual(documentRecord('d1'));
      expect(await store.documents.get('nope')).toBeUndefined();
      expect((await store.documents.list(false)).map((d) => d.id)).toEqual(['d2', 'd1', 'd3']);
      await store.documents.rename('d1', 'Nội quy lao động', 6_000);
      await store.documents.setLifecycleState('d1', 'bargaining', 6_000);
      await store.documents.archive('d3', 7_000);
      await store.documents.archive('d3', 8_000);
      expect(await store.documents.get('d1')).toMatchObject({ title: 'Nội quy lao động', lifecycleState: 'bargaining', updatedAt: 6_000 });
      expect(await store.documents.get('d3')).toMatchObject({ archivedAt: 7_000, updatedAt: 7_000 });
      expect((await store.documents.list(false)).map((d) => d.id)).toEqual(['d1', 'd2']);
      expect((await store.documents.list(true)).map((d) => d.id)).toEqual(['d3', 'd1', 'd2']);
      expect(await store.documents.reviewerComments('d1')).toBe(false);
      await store.documents.setReviewerComments('d1', true, 9_000);
      expect(await store.documents.reviewerComments('d1')).toBe(true);
    });

    it('update log: numbers updates from 1 without gaps, loads checkpoint and tail, compacts', async () => {
      expect(await store.updates.lastSeq('d1')).toBe(0);
      expect(
        await store.updates.append(
          'd1',
          [
            { bytes: bytes(1), participantId: 'p1', at: 10 },
            { bytes: bytes(2), participantId: null, at: 11 },
          ],
          [{ clientId: 4_000_000_000, participantId: 'p1', at: 10 }],
        ),
      ).toBe(2);
      expect(
        await store.updates.append('d1', [{ bytes: bytes(3, 3), participantId: 'p2', at: 12 }], [{ clientId: 4_000_000_000, participantId: 'p2', at: 12 }]),
      ).toBe(3);
      expect(await store.updates.append('d2', [{ bytes: bytes(9), participantId: null, at: 13 }])).toBe(1);
      let loaded = await store.updates.load('d1');
      expect(loaded.checkpoint).toBeNull();
      expect(loaded.tail.map((update) => [...update])).toEqual([[1], [2], [3, 3]]);
      expect(loaded.tailAuthors).toEqual(['p1', null, 'p2']);
      expect({ lastSeq: loaded.lastSeq, tailBytes: loaded.tailBytes }).toEqual({ lastSeq: 3, tailBytes: 4 });
      // The first participant seen with a client id keeps it.
      expect(await store.updates.clients('d1')).toEqual(new Map([[4_000_000_000, 'p1']]));

      await store.updates.compact('d1', 2, bytes(7, 7, 7), 20, [
        { participantId: 'p1', deleteSet: bytes(5) },
        { participantId: null, deleteSet: bytes(6) },
      ]);
      loaded = await store.updates.load('d1');
      expect(loaded.checkpoint?.seq).toBe(2);
      same(loaded.checkpoint?.state ?? bytes(), bytes(7, 7, 7));
      expect(loaded.tail.map((update) => [...update])).toEqual([[3, 3]]);
      expect(loaded.lastSeq).toBe(3);
      expect(await store.updates.checkpointSeq('d1')).toBe(2);
      expect((await store.updates.updatesAfter('d1', 2)).tail.map((update) => [...update])).toEqual([[3, 3]]);
      // A document that does not exist has no log to append to: refused, and nothing is written.
      await expect(store.updates.append('no-such-document', [{ bytes: bytes(5), participantId: null, at: 14 }])).rejects.toThrow();
      expect((await store.updates.updatesAfter('no-such-document', 0)).tail).toEqual([]);
      // Read in pages: at most `limit`, lastSeq saying where to read on.
      const page = await store.updates.updatesAfter('d2', 0, 1);
      expect({ tail: page.tail.map((update) => [...update]), tailAuthors: page.tailAuthors, lastSeq: page.lastSeq }).toEqual({
        tail: [[9]],
        tailAuthors: [null],
        lastSeq: 1,
      });
      expect((await store.updates.updatesAfter('d2', 1, 1)).tail).toEqual([]);

      await store.updates.compact('d1', 3, bytes(8), 21, [{ participantId: 'p2', deleteSet: bytes(4) }]);
      // A copy behind that compaction folds nothing: the checkpoint never moves back.
      await store.updates.compact('d1', 2, bytes(1), 22, [{ participantId: 'p9', deleteSet: bytes(9) }]);
      expect((await store.updates.load('d1')).checkpoint?.seq).toBe(3);
      same((await store.updates.load('d1')).checkpoint?.state ?? bytes(), bytes(8));
      // Numbering goes on after a compaction that folded every update.
      expect(await store.updates.lastSeq('d1')).toBe(3);
      expect(await store.updates.append('d1', [{ bytes: bytes(4), participantId: null, at: 22 }])).toBe(4);
      const authors = await store.updates.deletionAuthors('d1');
      expect(authors.map((record) => [record.participantId, [...record.deleteSet]])).toEqual([
        ['p1', [5]],
        [null, [6]],
        ['p2', [4]],
      ]);
      expect(await store.updates.checkpointSeq('d2')).toBe(0);
    });

    it('update log: appends at once to one document take consecutive numbers, none twice', async () => {
      const seqs = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          store.updates.append('d1', [
            { bytes: bytes(index), participantId: null, at: index },
            { bytes: bytes(index, index), participantId: null, at: index },
          ]),
        ),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => 2 * (index + 1)));
      const loaded = await store.updates.load('d1');
      expect(loaded.tail).toHaveLength(40);
      expect(loaded.lastSeq).toBe(40);
    });

    it('participants, invitations and host tokens: found by their hashes; an invitation is redeemed once', async () => {
      await store.participants.insert(participantRecord('pb', 'd1', 3_000), 'hash-b');
      await store.participants.insert(participantRecord('pa', 'd1', 3_000), 'hash-a');
      await store.participants.insert(participantRecord('pc', 'd2'), 'hash-c');
      expect(await store.participants.byTokenHash('hash-a')).toEqual(participantRecord('pa', 'd1', 3_000));
      expect((await store.participants.listByDocument('d1')).map((p) => p.id)).toEqual(['pa', 'pb']);
      await store.participants.revoke('pa', 4_000);
      await store.participants.revoke('pa', 5_000);
      expect((await store.participants.get('pa'))?.revokedAt).toBe(4_000);

      const invitation = {
        id: 'i1',
        documentId: 'd1',
        side: 'employer' as const,
        createdBy: null,
        createdAt: 1,
        expiresAt: 2,
        redeemedAt: null,
        redeemedBy: null,
      };
      await store.invitations.insert(invitation, 'code-hash');
      expect(await store.invitations.byCodeHash('code-hash')).toEqual(invitation);
      expect(await store.invitations.markRedeemed('i1', 'pa', 3)).toBe(true);
      expect(await store.invitations.markRedeemed('i1', 'pb', 4)).toBe(false);
      expect(await store.invitations.byCodeHash('code-hash')).toMatchObject({ redeemedAt: 3, redeemedBy: 'pa' });

      await store.adminTokens.insert({ id: 't1', label: 'Máy chủ tỉnh', workspaceId: 'local', createdAt: 5, revokedAt: null }, 'token-hash');
      expect(await store.adminTokens.byTokenHash('token-hash')).toEqual({
        id: 't1',
        label: 'Máy chủ tỉnh',
        workspaceId: 'local',
        createdAt: 5,
        revokedAt: null,
      });
      expect(await store.adminTokens.byTokenHash('other')).toBeUndefined();
    });

    it('audit log: entries in the order written, by document and by action prefix', async () => {
      await store.audit.record({ at: 2, actor: 'admin', action: 'template.saved', documentId: null, details: { id: 'x' } });
      await store.audit.record({ at: 1, actor: 'participant:p', action: 'document.renamed', documentId: 'd1', details: { to: 'Thỏa ước' } });
      await store.audit.record({ at: 3, actor: 'admin', action: 'template.deleted', documentId: null, details: {} });
      expect(await store.audit.listByDocument('d1')).toEqual([
        { at: 1, actor: 'participant:p', action: 'document.renamed', documentId: 'd1', details: { to: 'Thỏa ước' } },
      ]);
      expect((await store.audit.listByActionPrefix('template.')).map((entry) => entry.action)).toEqual(['template.saved', 'template.deleted']);
      expect(await store.audit.listByActionPrefix('templ%')).toEqual([]);
    });

    it('user templates: all or none, replaced only when they exist, listed in the order written, each workspace its own', async () => {
      await store.workspaces.insert({ id: 'w2', name: 'Công ty B', createdAt: 1 });
      const records = ['user-b', 'user-a'].map((id) => ({ id, template: template(id, id), ownerSide: null, createdBy: null, createdAt: 10, updatedAt: 10 }));
      await store.userTemplates.insert('local', records);
      await store.userTemplates.insert('local', [
        { id: 'user-u', template: template('user-u', 'Công đoàn'), ownerSide: 'union', createdBy: 'p', createdAt: 11, updatedAt: 11 },
      ]);
      // Another workspace imports a template of the same id: each keeps its own.
      await store.userTemplates.insert('w2', [
        { id: 'user-a', template: template('user-a', 'Của B'), ownerSide: 'union', createdBy: null, createdAt: 12, updatedAt: 12 },
      ]);
      expect((await store.userTemplates.list('local')).map((record) => record.id)).toEqual(['user-b', 'user-a', 'user-u']);
      expect((await store.userTemplates.listByOwner('local', null)).map((record) => record.id)).toEqual(['user-b', 'user-a']);
      expect((await store.userTemplates.listByOwner('local', 'union')).map((record) => record.id)).toEqual(['user-u']);
      expect((await store.userTemplates.list('w2')).map((record) => [record.id, record.template.title.vi])).toEqual([['user-a', 'Của B']]);
      expect((await store.userTemplates.listByOwner('w2', 'union')).map((record) => record.id)).toEqual(['user-a']);
      expect(await store.userTemplates.get('w2', 'user-b')).toBeUndefined();
      // The second record is stored under another id than its own: nothing of the batch stays.
      await expect(
        store.userTemplates.insert('local', [
          { ...records[0], id: 'user-c', template: template('user-c', 'c') },
          { ...records[0], id: 'user-d', template: template('user-e', 'e') },
        ] as never),
      ).rejects.toThrow();
      expect(await store.userTemplates.get('local', 'user-c')).toBeUndefined();
      await expect(store.userTemplates.replace('local', [template('user-a', 'A mới'), template('user-missing', 'x')], 20)).rejects.toThrow(/user-missing/);
      expect((await store.userTemplates.get('local', 'user-a'))?.template.title.vi).toBe('user-a');
      await expect(store.userTemplates.replace('w2', [template('user-u', 'x')], 20)).rejects.toThrow(/user-u/);
      await store.userTemplates.replace('local', [template('user-a', 'A mới')], 21);
      expect(await store.userTemplates.get('local', 'user-a')).toMatchObject({ updatedAt: 21, createdAt: 10 });
      expect(await store.userTemplates.get('w2', 'user-a')).toMatchObject({ updatedAt: 12, template: { title: { vi: 'Của B' } } });
      expect(await store.userTemplates.delete('w2', 'user-b')).toBe(false);
      expect(await store.userTemplates.delete('local', 'user-a')).toBe(true);
      expect(await store.userTemplates.delete('local', 'user-a')).toBe(false);
      expect(await store.userTemplates.get('w2', 'user-a')).toBeDefined();
    });

    it('user variables: upserted all or none, created time kept, listed by id, each workspace its own', async () => {
      await store.workspaces.insert({ id: 'w2', name: 'Công ty B', createdAt: 1 });
      await store.userVariables.upsert('local', [variable('user_b', 'B'), variable('user_a', 'A')], 10);
      await store.userVariables.upsert('local', [variable('user_a', 'A mới')], 20);
      await store.userVariables.upsert('w2', [variable('user_a', 'A của B')], 25);
      expect((await store.userVariables.list('local')).map((record) => record.definition.id)).toEqual(['user_a', 'user_b']);
      expect(await store.userVariables.get('local', 'user_a')).toMatchObject({ createdAt: 10, updatedAt: 20, definition: { label: { vi: 'A mới' } } });
      expect((await store.userVariables.list('w2')).map((record) => [record.definition.id, record.definition.label.vi])).toEqual([['user_a', 'A của B']]);
      expect(await store.userVariables.get('w2', 'user_b')).toBeUndefined();
      await expect(store.userVariables.upsert('local', [variable('user_c', 'C'), { id: 'user_d' } as VariableDefinition], 30)).rejects.toThrow();
      expect(await store.userVariables.get('local', 'user_c')).toBeUndefined();
    });

    it('workspaces and authorities: the built-in workspace is there; documents listed by workspace and by the authority they were sent to', async () => {
      expect(await store.workspaces.list()).toEqual([{ id: 'local', name: 'local', createdAt: 0 }]);
      await store.workspaces.insert({ id: 'w2', name: 'Công ty May Hưng Yên', createdAt: 50 });
      await expect(store.workspaces.insert({ id: 'w2', name: 'again', createdAt: 51 })).rejects.toThrow();
      expect(await store.workspaces.get('w2')).toEqual({ id: 'w2', name: 'Công ty May Hưng Yên', createdAt: 50 });
      expect((await store.workspaces.list()).map((workspace) => workspace.id)).toEqual(['local', 'w2']);
      expect(await store.workspaces.get('nope')).toBeUndefined();

      await store.documents.insert(documentRecord('b1', 2_000, 'w2'));
      await store.documents.insert(documentRecord('b2', 3_000, 'w2'));
      expect(await store.documents.get('d1')).toMatchObject({ workspaceId: 'local', authorityId: null });
      expect(await store.documents.get('b1')).toEqual(documentRecord('b1', 2_000, 'w2'));
      expect((await store.documents.listInWorkspace('local', false)).map((d) => d.id)).toEqual(['d2', 'd1', 'd3']);
      expect((await store.documents.listInWorkspace('w2', false)).map((d) => d.id)).toEqual(['b2', 'b1']);
      await store.documents.archive('b2', 9_000);
      expect((await store.documents.listInWorkspace('w2', false)).map((d) => d.id)).toEqual(['b1']);
      expect((await store.documents.listInWorkspace('w2', true)).map((d) => d.id)).toEqual(['b2', 'b1']);
      expect((await store.documents.list(false)).map((d) => d.id)).toEqual(['d2', 'b1', 'd1', 'd3']);

      await store.authorities.insert({ id: 'x', name: 'Sở Nội vụ Hưng Yên', createdAt: 60 });
      await store.authorities.insert({ id: 'y', name: 'Sở Nội vụ Hà Nội', createdAt: 61 });
      expect(await store.authorities.list()).toEqual([
        { id: 'x', name: 'Sở Nội vụ Hưng Yên', createdAt: 60 },
        { id: 'y', name: 'Sở Nội vụ Hà Nội', createdAt: 61 },
      ]);
      expect(await store.authorities.get('y')).toEqual({ id: 'y', name: 'Sở Nội vụ Hà Nội', createdAt: 61 });
      await store.documents.setAuthority('b1', 'x');
      await store.documents.setAuthority('d1', 'x');
      await store.documents.setAuthority('b2', 'x');
      await store.documents.setAuthority('d2', 'y');
      expect((await store.documents.get('b1'))?.authorityId).toBe('x');
      // Archived documents leave the queue; every workspace's documents are in it.
      expect((await store.documents.listSentTo('x')).map((d) => d.id)).toEqual(['b1', 'd1']);
      expect((await store.documents.listSentTo('y')).map((d) => d.id)).toEqual(['d2']);
      await store.documents.setAuthority('d2', null);
      expect(await store.documents.listSentTo('y')).toEqual([]);
      await expect(store.documents.setAuthority('d3', 'no-such-authority')).rejects.toThrow();

      await store.adminTokens.insert({ id: 't2', label: 'Chị Lan', workspaceId: 'w2', createdAt: 70, revokedAt: null }, 'hash-w2');
      expect(await store.adminTokens.byTokenHash('hash-w2')).toMatchObject({ id: 't2', workspaceId: 'w2' });
    });

    it('authority reviewers, their seats and access invitations: found by hashes, a seat once per document, an invitation redeemed once', async () => {
      await store.workspaces.insert({ id: 'w2', name: 'Công ty B', createdAt: 1 });
      await store.authorities.insert({ id: 'x', name: 'Sở Nội vụ', createdAt: 2 });
      const reviewer = { id: 'r1', authorityId: 'x', displayName: 'Bà Hạnh', createdAt: 3, revokedAt: null };
      await store.authorities.insertReviewer(reviewer, 'reviewer-hash');
      await store.authorities.insertReviewer({ ...reviewer, id: 'r0', displayName: 'Ông Tâm', createdAt: 2 }, 'reviewer-hash-0');
      await expect(store.authorities.insertReviewer({ ...reviewer, id: 'r2' }, 'reviewer-hash')).rejects.toThrow();
      expect(await store.authorities.reviewerByTokenHash('reviewer-hash')).toEqual(reviewer);
      expect(await store.authorities.reviewer('r1')).toEqual(reviewer);
      expect(await store.authorities.reviewerByTokenHash('other')).toBeUndefined();
      expect((await store.authorities.listReviewers('x')).map((r) => r.id)).toEqual(['r0', 'r1']);
      await store.authorities.revokeReviewer('r0', 7);
      await store.authorities.revokeReviewer('r0', 8);
      expect(await store.authorities.reviewerByTokenHash('reviewer-hash-0')).toMatchObject({ id: 'r0', revokedAt: 7 });
      expect((await store.authorities.reviewer('r1'))?.revokedAt).toBeNull();

      await store.participants.insert({ ...participantRecord('seat', 'd1'), side: 'reviewer' }, 'seat-hash');
      expect(await store.authorities.seat('r1', 'd1')).toBeUndefined();
      await store.authorities.insertSeat('r1', 'd1', 'seat');
      expect(await store.authorities.seat('r1', 'd1')).toBe('seat');
      expect(await store.authorities.seat('r1', 'd2')).toBeUndefined();
      expect(await store.authorities.seat('r0', 'd1')).toBeUndefined();
      await expect(store.authorities.insertSeat('r1', 'd1', 'seat')).rejects.toThrow();

      const host = { id: 'a1', grants: { kind: 'host' as const, workspaceId: 'w2' }, createdAt: 10, expiresAt: 20, redeemedAt: null, redeemedBy: null };
      const review = { id: 'a2', grants: { kind: 'reviewer' as const, authorityId: 'x' }, createdAt: 11, expiresAt: 21, redeemedAt: null, redeemedBy: null };
      await store.accessInvitations.insert(host, 'host-code');
      await store.accessInvitations.insert(review, 'review-code');
      expect(await store.accessInvitations.byCodeHash('host-code')).toEqual(host);
      expect(await store.accessInvitations.byCodeHash('review-code')).toEqual(review);
      expect(await store.accessInvitations.byCodeHash('nope')).toBeUndefined();
      expect(await store.accessInvitations.markRedeemed('a1', 't9', 15)).toBe(true);
      expect(await store.accessInvitations.markRedeemed('a1', 't10', 16)).toBe(false);
      expect(await store.accessInvitations.byCodeHash('host-code')).toMatchObject({ redeemedAt: 15, redeemedBy: 't9' });
      // An invitation names a workspace that exists.
      await expect(store.accessInvitations.insert({ ...host, id: 'a3', grants: { kind: 'host', workspaceId: 'nope' } }, 'bad-code')).rejects.toThrow();
    });

    it('internal threads and draft positions: each served to its side or author alone', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      await store.internalThreads.create(
        'd1',
        { id: 't1', clauseId: 'dieu-1', side: 'union' },
        { id: 'c1', authorId: 'pa', authorName: 'Anh Minh', body: 'Đề nghị 8%', mentions: ['pb'], at: 100 },
      );
      await store.internalThreads.reply('t1', { id: 'c2', authorId: 'pa', authorName: 'Anh Minh', body: 'Hoặc 7%', mentions: [], at: 101 });
      await store.internalThreads.setResolved('t1', { at: 102, byName: 'Chị Hoa' });
      expect(await store.internalThreads.sideOf('d1', 't1')).toBe('union');
      expect(await store.internalThreads.sideOf('d2', 't1')).toBeUndefined();
      expect(await store.internalThreads.listForSide('d1', 'employer')).toEqual([]);
      const [thread] = await store.internalThreads.listForSide('d1', 'union');
      expect(thread).toMatchObject({ id: 't1', clauseId: 'dieu-1', visibility: 'union', resolvedByName: 'Chị Hoa', resolvedAt: new Date(102).toISOString() });
      expect(thread?.comments.map((comment) => [comment.body, comment.mentions])).toEqual([
        ['Đề nghị 8%', ['pb']],
        ['Hoặc 7%', []],
      ]);

      const draft = {
        id: 'dr1',
        clauseId: 'dieu-1',
        kind: 'values' as const,
        article: null,
        values: { ot_rate: 200 },
        origin: 'refused_edit' as const,
        createdAt: new Date(200).toISOString(),
      };
      await store.draftProposals.insert('d1', 'pa', draft as never);
      expect(await store.draftProposals.ofAuthor('d1', 'pa')).toEqual([draft]);
      expect(await store.draftProposals.get('d1', 'pb', 'dr1')).toBeUndefined();
      expect(await store.draftProposals.remove('dr1')).toBe(true);
      expect(await store.draftProposals.remove('dr1')).toBe(false);
    });

    it('internal notes on a phrase keep their anchor; a note on the whole article has none', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      const anchor = { start: 'AcPFrL8EBwA=', end: 'AcPFrL8EHv8B', quote: 'mức lương tối thiểu vùng' };
      await store.internalThreads.create(
        'd1',
        { id: 't1', clauseId: 'dieu-1', side: 'employer', anchor },
        { id: 'c1', authorId: 'pa', authorName: 'Chị Lan', body: 'Giữ nguyên cụm này', mentions: [], at: 100 },
      );
      await store.internalThreads.create(
        'd1',
        { id: 't2', clauseId: 'dieu-1', side: 'employer' },
        { id: 'c2', authorId: 'pa', authorName: 'Chị Lan', body: 'Cả điều', mentions: [], at: 101 },
      );
      const [onPhrase, onArticle] = await store.internalThreads.listForSide('d1', 'employer');
      expect(onPhrase).toMatchObject({ id: 't1', anchor });
      expect(onArticle?.id).toBe('t2');
      expect(onArticle).not.toHaveProperty('anchor');
    });

    it('mentions read: each participant’s own, per document, recorded once however often', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      await store.participants.insert(participantRecord('pb', 'd1'), 'hash-b');
      await store.participants.insert(participantRecord('pc', 'd2'), 'hash-c');
      expect(await store.mentionReads.readBy('d1', 'pa')).toEqual([]);
      await store.mentionReads.markRead('d1', 'pa', ['c1', 'c2'], 100);
      await store.mentionReads.markRead('d1', 'pa', ['c2', 'c3'], 200);
      await store.mentionReads.markRead('d1', 'pa', [], 300);
      await store.mentionReads.markRead('d2', 'pc', ['c9'], 100);
      expect((await store.mentionReads.readBy('d1', 'pa')).sort()).toEqual(['c1', 'c2', 'c3']);
      expect(await store.mentionReads.readBy('d1', 'pb')).toEqual([]);
      expect(await store.mentionReads.readBy('d2', 'pa')).toEqual([]);
      expect(await store.mentionReads.readBy('d2', 'pc')).toEqual(['c9']);
      // Inside a transaction that fails, nothing is recorded.
      await expect(
        store.transaction(async (tx) => {
          await tx.mentionReads.markRead('d1', 'pb', ['c1'], 400);
          throw new Error('stop');
        }),
      ).rejects.toThrow('stop');
      expect(await store.mentionReads.readBy('d1', 'pb')).toEqual([]);
    });

    it('costing scenarios: a side reads its own; published ones are fixed and read by both, in order of publication', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      await store.participants.insert({ ...participantRecord('pe', 'd1'), side: 'employer' }, 'hash-e');
      const scenario = (id: string, side: 'employer' | 'union', createdAt: number): CostingScenarioRecord => ({
        id,
        documentId: 'd1',
        side,
        name: `Phương án ${id}`,
        clauseId: side === 'union' ? 'dieu-5' : null,
        settings: { termMonths: 36, assumptions: { gift_tet: { paidOn: ['02-01'] } } },
        values: { annual_raise_percent: 8, region: 'I' },
        authorId: side === 'union' ? 'pa' : 'pe',
        authorName: side === 'union' ? 'Anh Minh' : 'Chị Lan',
        createdAt,
        updatedAt: createdAt,
        published: null,
      });
      for (const [id, side, at] of [
        ['s2', 'union', 20],
        ['s1', 'union', 10],
        ['s3', 'employer', 30],
      ] as const)
        await store.costingScenarios.insert(scenario(id, side, at));
      expect((await store.costingScenarios.listForSide('d1', 'union')).map((s) => s.id)).toEqual(['s1', 's2']);
      expect(await store.costingScenarios.listForSide('d1', 'employer')).toEqual([scenario('s3', 'employer', 30)]);
      expect(await store.costingScenarios.listForSide('d2', 'union')).toEqual([]);
      expect(await store.costingScenarios.get('d2', 's1')).toBeUndefined();

      const change = {
        name: 'Phương án 7%',
        clauseId: null,
        settings: { workforce: { headcount: 200, monthlyWage: 7_000_000 } },
        values: { annual_raise_percent: 7 },
        updatedAt: 40,
      };
      expect(await store.costingScenarios.update('d1', 's1', change)).toBe(true);
      expect(await store.costingScenarios.update('d2', 's1', change)).toBe(false);
      expect(await store.costingScenarios.get('d1', 's1')).toEqual({ ...scenario('s1', 'union', 10), ...change });

      const cost = { total: { wages: 1, contributions: 0, cost: 1 }, changes: [{ variableId: 'annual_raise_percent', from: 5, to: 7 }] };
      expect(await store.costingScenarios.publish('d1', 's3', { at: 50, byName: 'Chị Lan', cost })).toBe(true);
      expect(await store.costingScenarios.publish('d1', 's1', { at: 60, byName: 'Anh Minh', cost })).toBe(true);
      // Publishing is once; a published scenario no longer changes nor goes.
      expect(await store.costingScenarios.publish('d1', 's1', { at: 70, byName: 'Anh Minh', cost })).toBe(false);
      expect(await store.costingScenarios.update('d1', 's1', { ...change, name: 'khác' })).toBe(false);
      expect(await store.costingScenarios.remove('d1', 's1')).toBe(false);
      expect(await store.costingScenarios.get('d1', 's1')).toMatchObject({ name: 'Phương án 7%', published: { at: 60, byName: 'Anh Minh', cost } });
      expect((await store.costingScenarios.listPublished('d1')).map((s) => s.id)).toEqual(['s3', 's1']);
      expect(await store.costingScenarios.listPublished('d2')).toEqual([]);
      expect(await store.costingScenarios.remove('d2', 's2')).toBe(false);
      expect(await store.costingScenarios.remove('d1', 's2')).toBe(true);
      expect((await store.costingScenarios.listForSide('d1', 'union')).map((s) => s.id)).toEqual(['s1']);
      // A scenario belongs to a document and to a side of it.
      await expect(store.costingScenarios.insert({ ...scenario('s4', 'union', 80), documentId: 'nope' })).rejects.toThrow();
      await expect(store.costingScenarios.insert({ ...scenario('s5', 'union', 80), side: 'reviewer' as never })).rejects.toThrow();
    });

    it('versions: numbered once per document, read back exactly, with visits and storage', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      for (const number of [1, 2, 3]) await store.versions.insert(versionRecord('d1', number, number === 2 ? 'signed' : 'automatic'));
      await expect(store.versions.insert({ ...versionRecord('d1', 2), id: 'other' })).rejects.toThrow();
      const { snapshot, ...header } = (await store.versions.get('d1', 'd1-v2')) ?? versionRecord('d1', 0);
      const { snapshot: written, ...writtenHeader } = versionRecord('d1', 2, 'signed');
      expect(header).toEqual(writtenHeader);
      same(snapshot, written);
      expect((await store.versions.list('d1')).map((version) => version.number)).toEqual([1, 2, 3]);
      expect((await store.versions.list('d1'))[0]).not.toHaveProperty('snapshot');
      expect((await store.versions.latest('d1'))?.number).toBe(3);
      expect((await store.versions.snapshotPieces('d1', 2, 3)).map((piece) => [piece.number, [...piece.snapshot]])).toEqual([
        [2, [2, 1, 2]],
        [3, [3, 1, 2]],
      ]);
      expect((await store.versions.signed('d1')).map((version) => version.id)).toEqual(['d1-v2']);
      expect(await store.versions.storage('d1')).toEqual({
        count: 3,
        snapshotBytes: 9,
        summaryBytes: 3 * JSON.stringify(emptySummary).length,
        largestBytes: 3 + JSON.stringify(emptySummary).length,
      });
      expect(await store.versions.storage('d2')).toEqual({ count: 0, snapshotBytes: 0, summaryBytes: 0, largestBytes: 0 });
      await store.versions.recordVisit('d1', 'pa', bytes(1), 10);
      await store.versions.recordVisit('d1', 'pa', bytes(2), 11);
      const visit = await store.versions.visit('d1', 'pa');
      expect(visit?.seenAt).toBe(11);
      same(visit?.snapshot ?? bytes(), bytes(2));
    });

    it('lifecycle steps and review findings: appended in order, read back', async () => {
      await store.participants.insert({ ...participantRecord('rv', 'd1'), side: 'reviewer' }, 'hash-r');
      const step = (at: number): Omit<LifecycleEventRecord, 'id'> => ({
        documentId: 'd1',
        round: 1,
        from: 'drafting',
        to: 'drafting',
        facts: { type: 'time_passed' },
        actor: { participantId: null, side: null, name: null },
        at,
      });
      const first = await store.lifecycle.append(step(1));
      const second = await store.lifecycle.append(step(2));
      expect(second).toBeGreaterThan(first);
      expect((await store.lifecycle.listByDocument('d1')).map((event) => [event.id, event.at])).toEqual([
        [first, 1],
        [second, 2],
      ]);

      const finding = {
        id: 'f1',
        documentId: 'd1',
        round: 1,
        clauseId: 'dieu-3',
        ruleId: null,
        body: 'Thấp hơn mức luật định',
        authorId: 'rv',
        authorName: 'Bà Hạnh',
        createdAt: 5,
      };
      await store.reviewFindings.insert(finding);
      await store.reviewFindings.withdraw('f1', 6);
      await store.reviewFindings.withdraw('f1', 7);
      expect(await store.reviewFindings.get('d1', 'f1')).toEqual({ ...finding, withdrawnAt: 6 });
      expect(await store.reviewFindings.get('d2', 'f1')).toBeUndefined();
      expect(await store.reviewFindings.listByDocument('d1')).toHaveLength(1);
    });

    it('dialogues: read back whole, found by code, listed per workspace most recent first, replaced by update', async () => {
      await store.workspaces.insert({ id: 'w2', name: 'Liên đoàn Lao động tỉnh', createdAt: 1 });
      const first = dialogueRecord('g1', 'local', '2026-05-01T01:00:00.000Z');
      const second = dialogueRecord('g2', 'local', '2026-05-02T01:00:00.000Z');
      await store.dialogues.insert({ dialogue: first, code: 'ABCDEFGH22' });
      await store.dialogues.insert({ dialogue: second, code: 'ABCDEFGH33' });
      await store.dialogues.insert({ dialogue: dialogueRecord('g3', 'w2', '2026-05-03T01:00:00.000Z'), code: 'ABCDEFGH44' });
      expect(await store.dialogues.get('g1')).toEqual({ dialogue: first, code: 'ABCDEFGH22' });
      expect((await store.dialogues.byCode('ABCDEFGH33'))?.dialogue.id).toBe('g2');
      expect(await store.dialogues.byCode('ZZZZZZZZZZ')).toBeUndefined();
      expect((await store.dialogues.listInWorkspace('local')).map((dialogue) => dialogue.id)).toEqual(['g2', 'g1']);
      expect((await store.dialogues.listInWorkspace('w2')).map((dialogue) => dialogue.id)).toEqual(['g3']);
      const sent = { ...first, state: 'agenda_sent' as const, agendaSentOn: '2026-06-05', updatedAt: '2026-05-04T01:00:00.000Z' };
      await store.dialogues.update(sent);
      expect((await store.dialogues.get('g1'))?.dialogue).toEqual(sent);
      expect((await store.dialogues.listInWorkspace('local')).map((dialogue) => dialogue.id)).toEqual(['g1', 'g2']);
      // Codes are unique across workspaces.
      await expect(store.dialogues.insert({ dialogue: dialogueRecord('g4', 'w2', '2026-05-05T01:00:00.000Z'), code: 'ABCDEFGH22' })).rejects.toThrow();
    });

    it('dialogue submissions: numbered from 1 per dialogue, paged and filtered by topic and status, counted per network', async () => {
      await store.dialogues.insert({ dialogue: dialogueRecord('g1', 'local', '2026-05-01T01:00:00.000Z'), code: 'ABCDEFGH22' });
      await store.dialogues.insert({ dialogue: dialogueRecord('g2', 'local', '2026-05-01T01:00:00.000Z'), code: 'ABCDEFGH33' });
      const topics = ['Tiền lương', 'Nhà ở', null, 'Tiền lương', 'Nhà ở', 'Tiền lương'];
      const added: Submission[] = [];
      for (const [index, topic] of topics.entries()) {
        added.push(await store.dialogues.addSubmission(submissionRecord(`s${index + 1}`, 'g1', topic, 10_000 + index), index < 4 ? '203.0.113.7' : null));
      }
      expect(added.map((submission) => submission.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect((await store.dialogues.addSubmission(submissionRecord('t1', 'g2', null, 10_000), null)).number).toBe(1);
      expect(await store.dialogues.getSubmission('g1', 's2')).toEqual(added[1]);
      expect(await store.dialogues.getSubmission('g2', 's2')).toBeUndefined();

      const wages = await store.dialogues.listSubmissions('g1', { topic: 'Tiền lương', includeMerged: false, after: 0, limit: 2 });
      expect(wages.total).toBe(3);
      expect(wages.items.map((submission) => submission.id)).toEqual(['s1', 's4']);
      const next = await store.dialogues.listSubmissions('g1', { topic: 'Tiền lương', includeMerged: false, after: 4, limit: 2 });
      expect(next.items.map((submission) => submission.id)).toEqual(['s6']);
      expect((await store.dialogues.listSubmissions('g1', { untagged: true, includeMerged: false, after: 0, limit: 10 })).items.map((s) => s.id)).toEqual([
        's3',
      ]);

      // A merged submission leaves the lists and the topic counts unless asked for.
      const fourth = added[3];
      if (!fourth) throw new Error('four submissions were added');
      await store.dialogues.updateSubmission({ ...fourth, status: 'merged', mergedInto: 's1' });
      expect(await store.dialogues.topics('g1')).toEqual([
        { topic: 'Nhà ở', count: 2 },
        { topic: 'Tiền lương', count: 2 },
      ]);
      expect((await store.dialogues.listSubmissions('g1', { includeMerged: false, after: 0, limit: 10 })).total).toBe(5);
      expect((await store.dialogues.listSubmissions('g1', { includeMerged: true, after: 0, limit: 10 })).total).toBe(6);
      expect((await store.dialogues.listSubmissions('g1', { status: 'merged', includeMerged: false, after: 0, limit: 10 })).items.map((s) => s.id)).toEqual([
        's4',
      ]);
      expect((await store.dialogues.getSubmission('g1', 's4'))?.mergedInto).toBe('s1');

      expect(await store.dialogues.publicSubmissionsSince('g1', '203.0.113.7', 10_000)).toEqual({ client: 3, all: 3, clientOldest: 10_001, allOldest: 10_001 });
      expect(await store.dialogues.publicSubmissionsSince('g1', '198.51.100.1', 0)).toEqual({ client: 0, all: 4, clientOldest: null, allOldest: 10_000 });
      expect(await store.dialogues.publicSubmissionsSince('g2', '203.0.113.7', 0)).toEqual({ client: 0, all: 0, clientOldest: null, allOldest: null });
    });

    it('redemption attempts: counted per address and overall within the window, then refused until one expires', async () => {
      const limits = { windowMs: 100, perAddress: 2, overall: 3 };
      const admit = (id: string, address: string, at: number) => store.redemptionAttempts.admit({ id, address, at }, limits);
      expect(await admit('a1', '10.0.0.1', 0)).toEqual({ admitted: true, addressAttempts: 1, overallAttempts: 1 });
      expect(await admit('a2', '10.0.0.1', 10)).toEqual({ admitted: true, addressAttempts: 2, overallAttempts: 2 });
      expect(await admit('a3', '10.0.0.1', 20)).toEqual({ admitted: false, limit: 'address', retryAt: 100 });
      expect(await admit('b1', '10.0.0.2', 30)).toEqual({ admitted: true, addressAttempts: 1, overallAttempts: 3 });
      expect(await admit('c1', '10.0.0.3', 40)).toEqual({ admitted: false, limit: 'overall', retryAt: 100 });
      await store.redemptionAttempts.release('b1');
      expect(await admit('c2', '10.0.0.3', 50)).toEqual({ admitted: true, addressAttempts: 1, overallAttempts: 3 });
      // At 101 the first attempt has left the window.
      expect(await admit('a4', '10.0.0.1', 101)).toEqual({ admitted: true, addressAttempts: 2, overallAttempts: 3 });
    });

    it('redemption attempts at once: never more admitted than the limit allows', async () => {
      const limits = { windowMs: 60_000, perAddress: 100, overall: 5 };
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, index) => store.redemptionAttempts.admit({ id: `x${index}`, address: `10.1.0.${index}`, at: 1_000 + index }, limits)),
      );
      expect(results.filter((result) => result.admitted)).toHaveLength(5);
    });

    it('transactions: all of the work or none of it; a read inside sees its own writes', async () => {
      await expect(
        store.transaction(async (tx) => {
          await tx.documents.rename('d1', 'Không lưu', 50);
          expect((await tx.documents.get('d1'))?.title).toBe('Không lưu');
          await tx.updates.append('d1', [{ bytes: bytes(1), participantId: null, at: 50 }]);
          throw new Error('thôi');
        }),
      ).rejects.toThrow('thôi');
      expect((await store.documents.get('d1'))?.title).toBe('Thỏa ước d1');
      expect(await store.updates.lastSeq('d1')).toBe(0);

      const seq = await store.transaction(async (tx) => {
        await tx.documents.rename('d1', 'Đã lưu', 60);
        return tx.updates.append('d1', [{ bytes: bytes(1), participantId: null, at: 60 }]);
      });
      expect(seq).toBe(1);
      expect((await store.documents.get('d1'))?.title).toBe('Đã lưu');
      expect(await store.transaction(async (tx) => (await tx.updates.load('d1')).lastSeq, { readOnly: true })).toBe(1);
    });

    it('transactions naming one document take turns: a read then a write never loses another one', async () => {
      await store.participants.insert(participantRecord('pa', 'd1'), 'hash-a');
      const addVersion = () =>
        store.transaction(
          async (tx) => {
            const latest = await tx.versions.latest('d1');
            await tx.versions.insert(versionRecord('d1', (latest?.number ?? 0) + 1));
          },
          { documentId: 'd1' },
        );
      await Promise.all(Array.from({ length: 8 }, addVersion));
      expect((await store.versions.list('d1')).map((version) => version.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });
}
