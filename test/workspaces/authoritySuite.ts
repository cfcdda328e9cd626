import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { apiContract, type ApiInput, type ApiMethod } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { closeCodes } from '#shared/sync/protocol';
import { createDeploymentService } from '#main/services/deploymentService';
import { expectApiError } from '../helpers/apiTransports';
import { overtimeDraft } from '../helpers/templateFixtures';
import { connectClient, serverClose, synced, textMatches, type SyncClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';
import { clauseIds } from '../negotiation/negotiationFixture';
import { dialogueCalls, openWorkspace, type Deployment, type DeploymentUnderTest, type WorkspaceUnderTest } from './workspaceFixture';

interface ReviewerUnderTest {
  token: string;
  client: ApiClient;
  reviewerId: string;
}

/** The operator creates an authority; its first reviewer redeems the invitation. */
async function authorityWithReviewer(deployment: Deployment, name: string, reviewerName: string): Promise<{ id: string; reviewer: ReviewerUnderTest }> {
  const { authority, invitation } = await createDeploymentService(deployment.server.context).createAuthority(name);
  const redeemed = await deployment.client().call('access/redeem', { code: invitation.code, displayName: reviewerName });
  if (redeemed.kind !== 'authorityReviewer') throw new Error('an authority invitation makes a reviewer');
  expect(redeemed).toMatchObject({ authority: { id: authority.id, name }, reviewer: { displayName: reviewerName } });
  return { id: authority.id, reviewer: { token: redeemed.token, client: deployment.client(redeemed.token), reviewerId: redeemed.reviewer.id } };
}

/**
 * Authorities (decision 0019): a document of any workspace sent to authority X is in the queue of
 * X's reviewers, never in another authority's; X's reviewer reviews it as a reviewer seat on it
 * (findings, the decision, the read-only socket), and reads nothing else of any workspace.
 */
export function describeAuthorities(underTest: DeploymentUnderTest): void {
  describe(`authorities on ${underTest.name}`, () => {
    let deployment: Deployment;
    let x: { id: string; reviewer: ReviewerUnderTest };
    let y: { id: string; reviewer: ReviewerUnderTest };
    let a: WorkspaceUnderTest;
    let b: WorkspaceUnderTest;
    let c: WorkspaceUnderTest;
    const sockets: SyncClient[] = [];
    beforeAll(async () => {
      deployment = await underTest.start();
      x = await authorityWithReviewer(deployment, 'Sở Nội vụ tỉnh Hưng Yên', 'Bà Hạnh');
      y = await authorityWithReviewer(deployment, 'Sở Nội vụ thành phố Hà Nội', 'Ông Dũng');
      // A and C send their regulations to X, B to Y; every workspace's agreement stays unsent.
      a = await openWorkspace(deployment, 'AMARK', x.id);
      b = await openWorkspace(deployment, 'BMARK', y.id);
      c = await openWorkspace(deployment, 'CMARK', x.id);
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await deployment.dispose();
    });

    it('the hosts choose among the deployment’s authorities; an unknown one, or one named twice, is refused and nothing changes', async () => {
      const byId = (list: { id: string; name: string }[]) => [...list].sort((first, second) => first.id.localeCompare(second.id));
      expect(byId(await a.host.call('authorities/list', {}))).toEqual(
        byId([
          { id: x.id, name: 'Sở Nội vụ tỉnh Hưng Yên' },
          { id: y.id, name: 'Sở Nội vụ thành phố Hà Nội' },
        ]),
      );
      const sent = await a.host.call('lifecycle/get', { documentId: a.regulationsId });
      expect(sent.current.registration).toMatchObject({ authorityId: x.id, authority: 'Sở Nội vụ tỉnh Hưng Yên' });
      const regulations = await a.host.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy chi nhánh' });
      const dossier = { request: true, regulations: true, unionOpinion: false, disciplineDocuments: 'none' } as const;
      const employer = await a.host.call('invitations/create', { documentId: regulations.id, side: 'employer' });
      const seat = deployment.client((await deployment.client().call('invitations/redeem', { code: employer.code, displayName: 'Ông Tuấn' })).token);
      await seat.call('lifecycle/step', { documentId: regulations.id, step: { type: 'issue', issuedOn: '2027-01-04', withoutUnion: true } });
      const issued = await seat.call('lifecycle/get', { documentId: regulations.id });
      await expectApiError(
        seat.call('lifecycle/step', {
          documentId: regulations.id,
          step: { type: 'send_registration', filedOn: '2027-01-04', dossier, authorityId: 'khong-co-so-nay' },
        }),
        'invalid_input',
        /no authority "khong-co-so-nay".*authorities\/list/,
      );
      await expectApiError(
        seat.call('lifecycle/step', {
          documentId: regulations.id,
          step: { type: 'send_registration', filedOn: '2027-01-04', dossier, authorityId: x.id, authority: 'Sở khác' },
        }),
        'invalid_input',
        /not both/,
      );
      expect(await seat.call('lifecycle/get', { documentId: regulations.id })).toEqual(issued);
      // Named in words, as before authorities existed: it reaches no reviewer's queue.
      await seat.call('lifecycle/step', {
        documentId: regulations.id,
        step: { type: 'send_registration', filedOn: '2027-01-04', dossier, authority: 'Sở Nội vụ tỉnh Bắc Ninh' },
      });
      expect((await x.reviewer.client.call('review/queue', {})).map((item) => item.document.id)).not.toContain(regulations.id);
    });

    it('an authority’s queue holds what every workspace sent it, and only that', async () => {
      expect((await x.reviewer.client.call('review/queue', {})).map((item) => item.document.id).sort()).toEqual([a.regulationsId, c.regulationsId].sort());
      expect((await y.reviewer.client.call('review/queue', {})).map((item) => item.document.id)).toEqual([b.regulationsId]);
      expect(await x.reviewer.client.call('session/get', {})).toEqual({
        kind: 'authorityReviewer',
        authority: { id: x.id, name: 'Sở Nội vụ tỉnh Hưng Yên' },
        reviewer: { id: x.reviewer.reviewerId, displayName: 'Bà Hạnh' },
      });
    });

    it('X’s reviewer reviews a document sent to X as a reviewer of it: findings, the decision, the read-only socket; the host sees who reviewed', async () => {
      const { client, token } = x.reviewer;
      const opened = await client.call('review/open', { documentId: a.regulationsId });
      expect(opened).toMatchObject({
        participant: { side: 'reviewer', displayName: 'Bà Hạnh', documentId: a.regulationsId },
        document: { id: a.regulationsId, title: 'Nội quy AMARK' },
      });
      // Opening again is the same seat.
      expect((await client.call('review/open', { documentId: a.regulationsId })).participant.id).toBe(opened.participant.id);
      expect((await client.call('review/get', { documentId: a.regulationsId })).canReview).toBe(true);
      // The variables the document may hold are its workspace's, as its page shows them.
      expect((await client.call('templates/variables', { documentId: a.regulationsId })).map((variable) => variable.label.vi).sort()).toEqual(
        (await a.host.call('templates/variables', {})).map((variable) => variable.label.vi).sort(),
      );
      await expectApiError(client.call('templates/variables', {}), 'forbidden');
      const finding = await client.call('review/addFinding', {
        documentId: a.regulationsId,
        clauseId: clauseIds.wage,
        body: 'Thiếu quy định về thời hạn trả lương.',
      });
      expect(finding).toMatchObject({ authorName: 'Bà Hạnh', round: 1 });
      const decided = await client.call('review/decide', {
        documentId: a.regulationsId,
        decision: 'amendments_requested',
        reasons: ['Bổ sung thời hạn trả lương.'],
      });
      expect(decided.decision).toMatchObject({ answer: { decision: 'amendments_requested', byName: 'Bà Hạnh' } });
      // The enterprise reads the finding and the answer; the reviewer is among the document's people.
      const asHost = await a.host.call('review/get', { documentId: a.regulationsId });
      expect(asHost.findings.map((item) => item.id)).toEqual([finding.id]);
      expect(asHost.decision?.answer.decision).toBe('amendments_requested');
      expect((await a.host.call('participants/list', { documentId: a.regulationsId })).map((participant) => [participant.id, participant.side])).toContainEqual(
        [opened.participant.id, 'reviewer'],
      );

      // The reviewer's socket on the document reads it and writes nothing.
      const socket = connectClient(deployment.server.url, a.regulationsId, token);
      sockets.push(socket);
      await synced(socket);
      await textMatches(socket, (text) => text.length > 0, 'the text to arrive');
      const before = await deployment.server.sync.withRoom(a.regulationsId, (room) => room.doc.getXmlFragment('content').toString());
      socket.text.insert(0, 'Sở sửa ');
      await waitFor(() => socket.denials.length > 0, 'the write to be refused');
      expect(await deployment.server.sync.withRoom(a.regulationsId, (room) => room.doc.getXmlFragment('content').toString())).toBe(before);
    });

    it('X’s reviewer reads nothing else: not the documents X was not sent, of any workspace, nor anything kept in a workspace', async () => {
      const { client } = x.reviewer;
      // Every method on what B holds (sent to Y): refused; what it may call as itself names nothing of B.
      const calls = callsByReviewer(b, a);
      expect(Object.keys(calls).sort()).toEqual(Object.keys(apiContract).sort());
      for (const method of Object.keys(apiContract) as ApiMethod[]) {
        const outcome = await client.call(method, calls[method] as never).then(
          (result: unknown) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (outcome.ok) {
          const text = JSON.stringify(outcome.result);
          for (const secret of [b.marker, b.agreementId, b.regulationsId, a.agreementId])
            expect(text.includes(secret), `${method} reads ${secret}`).toBe(false);
          continue;
        }
        expect(outcome.error, method).toBeInstanceOf(ApiError);
        expect(['not_found', 'forbidden'], `${method}: ${(outcome.error as ApiError).message}`).toContain((outcome.error as ApiError).code);
        expect((outcome.error as ApiError).message, method).not.toContain(b.marker);
      }
      // A's other document (an agreement never sent): nothing.
      for (const method of ['documents/get', 'negotiation/state', 'versions/list', 'participants/list', 'review/open'] as const) {
        await expectApiError(client.call(method, { documentId: a.agreementId }), 'not_found', /sent to your authority/);
      }
      // Y's reviewer has nothing of what was sent to X.
      await expectApiError(y.reviewer.client.call('review/get', { documentId: a.regulationsId }), 'not_found');
      await expectApiError(y.reviewer.client.call('review/open', { documentId: c.regulationsId }), 'not_found');
      expect(
        (await deployment.server.context.store.participants.listByDocument(b.regulationsId)).some((participant) => participant.displayName === 'Bà Hạnh'),
      ).toBe(false);
      // Nor a socket on them.
      for (const [documentId, token] of [
        [b.regulationsId, x.reviewer.token],
        [a.agreementId, x.reviewer.token],
        [a.regulationsId, y.reviewer.token],
      ] as const) {
        const socket = connectClient(deployment.server.url, documentId, token);
        sockets.push(socket);
        expect(await serverClose(socket)).toEqual({ code: closeCodes.unknownDocument, reason: 'no such document' });
      }
    });

    it('a host who removes the authority’s reviewer from their document closes it to them', async () => {
      const opened = await x.reviewer.client.call('review/open', { documentId: c.regulationsId });
      await c.host.call('participants/revoke', { participantId: opened.participant.id });
      await expectApiError(x.reviewer.client.call('review/get', { documentId: c.regulationsId }), 'forbidden', /removed you/);
      await expectApiError(x.reviewer.client.call('review/open', { documentId: c.regulationsId }), 'forbidden', /removed you/);
      const socket = connectClient(deployment.server.url, c.regulationsId, x.reviewer.token);
      sockets.push(socket);
      expect(await serverClose(socket)).toEqual({ code: closeCodes.forbidden, reason: 'the host of this document removed you from it' });
      // The other documents sent to X are still X's to review.
      expect((await x.reviewer.client.call('review/get', { documentId: a.regulationsId })).canReview).toBe(true);
    });
  });
}

/** Every method, as an authority's reviewer would call it on what workspace `b` holds (and A's agreement). */
function callsByReviewer(b: WorkspaceUnderTest, a: WorkspaceUnderTest): { [M in ApiMethod]: ApiInput<M> } {
  const documentId = b.regulationsId;
  const article = { documentId, clauseId: clauseIds.wage };
  return {
    'health/get': {},
    'session/get': {},
    'documents/list': { includeArchived: true },
    'documents/create': { kind: 'labour_regulations', title: 'Sở tạo' },
    'documents/get': { documentId },
    'documents/rename': { documentId, title: 'Sở đổi tên' },
    'documents/archive': { documentId },
    'documents/exportDocx': { documentId },
    'documents/exportPdf': { documentId },
    'documents/exportReport': { documentId, report: 'compliance', format: 'docx' },
    'documents/importPreview': { fileBase64: '', fileName: 'a.docx' },
    'salaryScale/importPreview': { documentId, fileBase64: Buffer.from('Ngạch,Mức lương\nA1,6000000').toString('base64'), fileName: 'luong.csv' },
    'documents/articles': { documentId },
    'invitations/create': { documentId, side: 'reviewer' },
    'invitations/redeem': { code: 'KHONG-CO-MA-NAY', displayName: 'Sở' },
    'participants/list': { documentId },
    'participants/revoke': { participantId: b.employer.participant.id },
    'templates/list': {},
    'templates/save': { template: overtimeDraft('Mẫu của Sở') },
    'templates/update': { id: b.templateId, template: overtimeDraft('Sở sửa') },
    'templates/delete': { id: b.templateId },
    'templates/exportPack': {},
    'templates/importPack': { packJson: '{}' },
    'templates/variables': { documentId },
    'negotiation/state': { documentId: b.agreementId },
    'negotiation/minutes': { documentId: b.agreementId },
    'negotiation/setReviewerComments': { documentId, allowed: true },
    'proposals/get': { documentId: b.agreementId, proposalId: b.proposalId },
    'proposals/create': { ...article, kind: 'delete', rationale: 'Sở đề xuất' },
    'proposals/createPackage': {
      documentId,
      rationale: 'Gói',
      items: [
        { clauseId: clauseIds.wage, kind: 'delete' },
        { clauseId: clauseIds.term, kind: 'delete' },
      ],
    },
    'proposals/accept': { documentId: b.agreementId, proposalId: b.proposalId },
    'proposals/reject': { documentId: b.agreementId, proposalId: b.proposalId, reason: 'Không' },
    'proposals/counter': { documentId: b.agreementId, proposalId: b.proposalId, rationale: 'Phản đề xuất', kind: 'delete' },
    'proposals/withdraw': { documentId: b.agreementId, proposalId: b.proposalId },
    'articles/agree': article,
    'articles/dispute': article,
    'articles/reopen': article,
    'articles/requestReopen': { ...article, reason: 'Mở lại' },
    'articles/answerReopen': { ...article, accept: true },
    'drafts/discard': { documentId, draftId: 'khong-co' },
    'threads/create': { ...article, body: 'Sở góp ý' },
    'costing/scenarios': { documentId },
    'costing/saveScenario': { documentId, name: 'Phương án 7%', values: { annual_raise_percent: 7 } },
    'costing/deleteScenario': { documentId, scenarioId: 'khong-co' },
    'costing/publishScenario': { documentId, scenarioId: 'khong-co' },
    'costing/export': { documentId, target: { kind: 'article', clauseId: clauseIds.wage }, format: 'xlsx' },
    'threads/reply': { documentId: b.agreementId, threadId: b.threadId, body: 'Sở trả lời' },
    'threads/resolve': { documentId: b.agreementId, threadId: b.threadId },
    'threads/reopen': { documentId: b.agreementId, threadId: b.threadId },
    'mentions/markRead': { documentId: b.agreementId, commentIds: ['khong-co'] },
    'suggestions/decide': { documentId: b.agreementId, decision: 'accept', suggestions: [{ id: 'suggestion-1', inserted: 'x', deleted: '' }] },
    'suggestions/suggestValue': { documentId: b.agreementId, variableId: 'min_wage_monthly', value: 5_200_000 },
    'suggestions/setRequired': { documentId: b.agreementId, required: true },
    'suggestions/importWord': { documentId: b.agreementId, fileBase64: Buffer.from('not a docx').toString('base64'), fileName: 'a.docx' },
    'network/status': {},
    'network/share': { address: '127.0.0.1' },
    'versions/list': { documentId },
    'versions/create': { documentId, name: 'Bản của Sở' },
    'versions/sign': { documentId },
    'versions/get': { documentId: b.agreementId, versionId: b.versionId },
    'versions/compare': { documentId: b.agreementId, from: b.versionId },
    'versions/sinceLastVisit': { documentId },
    'versions/restore': { documentId: b.agreementId, versionId: b.versionId },
    'versions/restoreArticle': { documentId: b.agreementId, versionId: b.versionId, clauseId: clauseIds.wage },
    'versions/attribution': { documentId },
    'versions/verify': { documentId },
    'lifecycle/get': { documentId },
    'lifecycle/step': { documentId, step: { type: 'issue', issuedOn: '2027-01-04' } },
    'lifecycle/openItems': { documentId: b.agreementId },
    'compliance/report': { documentId },
    'review/queue': {},
    'review/open': { documentId },
    'review/get': { documentId },
    'review/addFinding': { documentId, clauseId: clauseIds.wage, body: 'Sở ghi nhận' },
    'review/withdrawFinding': { documentId, findingId: 'khong-co' },
    'review/decide': { documentId, decision: 'accepted' },
    'authorities/list': {},
    'access/redeem': { code: 'KHONG-CO-MA-NAY', displayName: a.marker },
    ...dialogueCalls(a.marker, b),
  };
}
