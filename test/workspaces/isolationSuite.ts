import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { apiContract, type ApiInput, type ApiMethod } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import { closeCodes } from '#shared/sync/protocol';
import { variablesMap } from '#shared/document/yjsContent';
import { connectClient, deniedAtLeast, serverClose, synced } from '../helpers/syncClient';
import { mealAllowanceVariable, overtimeDraft, packFile } from '../helpers/templateFixtures';
import { clauseIds, proposedArticle } from '../negotiation/negotiationFixture';
import {
  dialogueCalls,
  markedPack,
  openWorkspace,
  workspaceSnapshot,
  type Deployment,
  type DeploymentUnderTest,
  type WorkspaceUnderTest,
} from './workspaceFixture';

/**
 * A call of every method of the contract naming what workspace B holds (its documents, people,
 * templates) wherever the method names something, made by a caller of workspace A. Typed over
 * every method: a method added to the contract does not compile here until it is given one.
 */
function callsOnB(a: WorkspaceUnderTest, b: WorkspaceUnderTest): { [M in ApiMethod]: ApiInput<M> } {
  const documentId = b.agreementId;
  const article = { documentId, clauseId: clauseIds.wage };
  return {
    'health/get': {},
    'session/get': {},
    'documents/list': { includeArchived: true },
    // Made in A's own workspace (nothing of B is named): B must not change.
    'documents/create': { kind: 'enterprise_agreement', title: `Thỏa ước ${a.marker} mới` },
    'documents/get': { documentId },
    'documents/rename': { documentId, title: 'Đổi tên bởi A' },
    'documents/archive': { documentId },
    'documents/exportDocx': { documentId },
    'documents/exportPdf': { documentId },
    'documents/exportReport': { documentId: b.regulationsId, report: 'compliance', format: 'docx' },
    'documents/importPreview': { fileBase64: Buffer.from('not a docx').toString('base64'), fileName: 'a.docx' },
    'salaryScale/importPreview': { documentId, fileBase64: Buffer.from('Ngạch,Mức lương\nA1,6000000').toString('base64'), fileName: 'luong.csv' },
    'documents/articles': { documentId },
    'invitations/create': { documentId, side: 'employer' },
    'invitations/redeem': { code: 'KHONG-CO-MA-NAY', displayName: 'Người của A' },
    'participants/list': { documentId },
    'participants/revoke': { participantId: b.employer.participant.id },
    'templates/list': {},
    'templates/save': { template: overtimeDraft(`Mẫu ${a.marker} mới`) },
    'templates/update': { id: b.templateId, template: overtimeDraft('Sửa bởi A') },
    'templates/delete': { id: b.templateId },
    'templates/exportPack': {},
    // B's template and variable ids, defined otherwise: they are A's own from now on, and B's stay B's.
    'templates/importPack': { packJson: packFile(markedPack(`${a.marker}-NHAP`)), ownerSide: null },
    'templates/variables': { documentId },
    'negotiation/state': { documentId },
    'negotiation/minutes': { documentId },
    'negotiation/setReviewerComments': { documentId, allowed: true },
    'proposals/get': { documentId, proposalId: b.proposalId },
    'proposals/create': { ...article, kind: 'replace', article: proposedArticle('Lương của A', 'Lương do A đề xuất.'), rationale: 'A đề xuất' },
    'proposals/createPackage': {
      documentId,
      rationale: 'Gói của A',
      items: [
        { clauseId: clauseIds.wage, kind: 'delete' },
        { clauseId: clauseIds.term, kind: 'delete' },
      ],
    },
    'proposals/accept': { documentId, proposalId: b.proposalId },
    'proposals/reject': { documentId, proposalId: b.proposalId, reason: 'A không đồng ý' },
    'proposals/counter': { documentId, proposalId: b.proposalId, rationale: 'A phản đề xuất', kind: 'delete' },
    'proposals/withdraw': { documentId, proposalId: b.proposalId },
    'articles/agree': article,
    'articles/dispute': article,
    'articles/reopen': article,
    'articles/requestReopen': { ...article, reason: 'A muốn mở lại' },
    'articles/answerReopen': { ...article, accept: true },
    'drafts/discard': { documentId, draftId: 'khong-co' },
    'threads/create': { ...article, body: 'A góp ý' },
    'costing/scenarios': { documentId },
    'costing/saveScenario': { documentId, name: 'Phương án 7%', values: { annual_raise_percent: 7 } },
    'costing/deleteScenario': { documentId, scenarioId: 'khong-co' },
    'costing/publishScenario': { documentId, scenarioId: 'khong-co' },
    'costing/export': { documentId, target: { kind: 'article', clauseId: clauseIds.wage }, format: 'xlsx' },
    'threads/reply': { documentId, threadId: b.threadId, body: 'A trả lời' },
    'threads/resolve': { documentId, threadId: b.threadId },
    'threads/reopen': { documentId, threadId: b.threadId },
    'mentions/markRead': { documentId, commentIds: ['khong-co'] },
    'suggestions/decide': { documentId: documentId, decision: 'accept', suggestions: [{ id: 'suggestion-1', inserted: 'x', deleted: '' }] },
    'suggestions/suggestValue': { documentId: documentId, variableId: 'min_wage_monthly', value: 5_200_000 },
    'suggestions/setRequired': { documentId: documentId, required: true },
    'suggestions/importWord': { documentId, fileBase64: Buffer.from('not a docx').toString('base64'), fileName: 'a.docx' },
    'network/status': {},
    'network/share': { address: '127.0.0.1' },
    'versions/list': { documentId },
    'versions/create': { documentId, name: 'Bản của A' },
    'versions/sign': { documentId },
    'versions/get': { documentId, versionId: b.versionId },
    'versions/compare': { documentId, from: b.versionId },
    'versions/sinceLastVisit': { documentId },
    'versions/restore': { documentId, versionId: b.versionId },
    'versions/restoreArticle': { documentId, versionId: b.versionId, clauseId: clauseIds.wage },
    'versions/attribution': { documentId },
    'versions/verify': { documentId },
    'lifecycle/get': { documentId },
    'lifecycle/step': { documentId, step: { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'employer' } },
    'lifecycle/openItems': { documentId },
    'compliance/report': { documentId: b.regulationsId },
    'review/queue': {},
    'review/open': { documentId: b.regulationsId },
    'review/get': { documentId: b.regulationsId },
    'review/addFinding': { documentId: b.regulationsId, clauseId: clauseIds.wage, body: 'A ghi nhận' },
    'review/withdrawFinding': { documentId: b.regulationsId, findingId: 'khong-co' },
    'review/decide': { documentId: b.regulationsId, decision: 'accepted' },
    'authorities/list': {},
    'access/redeem': { code: 'KHONG-CO-MA-NAY', displayName: 'Người của A' },
    ...dialogueCalls(a.marker, b),
  };
}

/** The ids of B's documents and people: none may appear in anything A's callers read. */
function idsOf(b: WorkspaceUnderTest): string[] {
  return [
    b.agreementId,
    b.regulationsId,
    b.employer.participant.id,
    b.union.participant.id,
    b.regulationsEmployer.participant.id,
    b.proposalId,
    b.threadId,
    b.versionId,
    b.dialogueId,
    b.submissionId,
  ];
}

/** The document or record an input names that belongs to B (a refusal must say it does not exist). */
function namesOfB(input: object, b: WorkspaceUnderTest): boolean {
  return Object.values(input).some((value) => typeof value === 'string' && [...idsOf(b), b.templateId].includes(value));
}

/**
 * Workspaces are isolated (decision 0019): with two workspaces, each with a host, documents,
 * people, templates and variables, every method of the contract called by A's host and by A's
 * participant on B's ids is refused (a document, a participant, a template of B is not_found to
 * them: nothing says it exists) or answers nothing of B, and B is exactly as it was.
 */
export function describeWorkspaceIsolation(underTest: DeploymentUnderTest): void {
  describe(`workspaces on ${underTest.name}`, () => {
    let deployment: Deployment;
    let a: WorkspaceUnderTest;
    let b: WorkspaceUnderTest;
    beforeAll(async () => {
      deployment = await underTest.start();
      a = await openWorkspace(deployment, 'AMARK');
      b = await openWorkspace(deployment, 'BMARK');
    });
    afterAll(async () => {
      await deployment.dispose();
    });

    async function everyMethodOnB(label: string, client: ApiClient, kind: 'host' | 'participant'): Promise<void> {
      const calls = callsOnB(a, b);
      // Every method the contract has at run time, not only those the type knew of when this was written.
      expect(Object.keys(calls).sort()).toEqual(Object.keys(apiContract).sort());
      const before = await workspaceSnapshot(deployment, b);
      for (const method of Object.keys(apiContract) as ApiMethod[]) {
        const input = calls[method];
        const outcome = await client.call(method, input as never).then(
          (result: unknown) => ({ ok: true as const, result }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        const where = `${label}: ${method}`;
        if (!outcome.ok) {
          expect(outcome.error, where).toBeInstanceOf(ApiError);
          const error = outcome.error as ApiError;
          // What B holds is not there for A: a host is told it does not exist; a participant, that, or that only a host may.
          if (namesOfB(input, b))
            expect([error.code, where], error.message).toEqual([kind === 'host' || apiContract[method].access !== 'admin' ? 'not_found' : 'forbidden', where]);
          expect(error.message, where).not.toContain(b.marker);
          continue;
        }
        // A call that succeeded named nothing of B, and reads nothing of B.
        expect(namesOfB(input, b), `${where} succeeded on B's ids`).toBe(false);
        const text = JSON.stringify(outcome.result);
        for (const secret of [b.marker, ...idsOf(b)]) expect(text.includes(secret), `${where} reads ${secret} of B`).toBe(false);
      }
      expect(await workspaceSnapshot(deployment, b)).toEqual(before);
    }

    it('no call of A’s host reads or changes anything of B, whatever it names', async () => {
      await everyMethodOnB('A’s host', a.host, 'host');
      // A's own work went to A: a document and templates A sees, and B does not.
      expect((await a.host.call('documents/list', {})).map((document) => document.title)).toContain('Thỏa ước AMARK mới');
      expect((await a.host.call('templates/list', {})).map((template) => template.template.title.vi)).toEqual(
        expect.arrayContaining(['Mẫu AMARK mới', ...markedPack('AMARK-NHAP').templates.map((template) => template.title.vi)]),
      );
      expect((await a.host.call('templates/variables', {})).map((variable) => variable.label.vi).sort()).toEqual(
        markedPack('AMARK-NHAP')
          .variables.map((variable) => variable.label.vi)
          .sort(),
      );
    });

    it('no call of A’s participant reads or changes anything of B, whatever it names', async () => {
      await everyMethodOnB('A’s participant', a.employer.client, 'participant');
    });

    it('no socket of A reaches B’s documents: A’s participant is refused as on another document, A’s host as every host (hosts join through a seat)', async () => {
      const refusal = async (documentId: string, token: string) => {
        const client = connectClient(deployment.server.url, documentId, token);
        try {
          return await serverClose(client);
        } finally {
          client.destroy();
        }
      };
      expect(await refusal(b.agreementId, a.employer.token)).toEqual({ code: closeCodes.forbidden, reason: 'this token is for another document' });
      expect(await refusal(b.regulationsId, a.employer.token)).toEqual({ code: closeCodes.forbidden, reason: 'this token is for another document' });
      expect(await refusal(b.agreementId, a.hostToken)).toEqual({ code: closeCodes.unauthorized, reason: 'missing, unknown or revoked token' });
      // B's own participant is let in: the refusals above are about who asks.
      const own = connectClient(deployment.server.url, b.agreementId, b.employer.token);
      try {
        await synced(own);
      } finally {
        own.destroy();
      }
    });

    it('a variable B’s pack defined is no variable of A’s documents: refused when A creates a document or writes it through sync', async () => {
      const onlyB = { ...mealAllowanceVariable, id: 'user.rieng_cua_b', label: { vi: 'Phụ cấp BMARK', en: 'Allowance BMARK' } };
      await b.host.call('templates/importPack', {
        packJson: packFile({ ...markedPack('BMARK'), variables: [...markedPack('BMARK').variables, onlyB] }),
        ownerSide: null,
      });
      const value = { [onlyB.id]: 40_000 };
      expect((await b.host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước BMARK có biến riêng', variables: value })).title).toBe(
        'Thỏa ước BMARK có biến riêng',
      );
      await expect(a.host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước AMARK', variables: value })).rejects.toMatchObject({
        code: 'invalid_input',
        message: `variables.${onlyB.id}: unknown variable`,
      });
      const socket = connectClient(deployment.server.url, a.agreementId, a.employer.token);
      try {
        await synced(socket);
        variablesMap(socket.doc).set(onlyB.id, 40_000);
        await deniedAtLeast(socket, 1);
        expect(socket.denials[0]).toMatch(/unknown variable "user\.rieng_cua_b"/);
        expect(await deployment.server.sync.withRoom(a.agreementId, (room) => variablesMap(room.doc).get(onlyB.id))).toBeUndefined();
      } finally {
        socket.destroy();
      }
    });

    it('B’s host still sees all of B, and nothing of A', async () => {
      const documents = await b.host.call('documents/list', { includeArchived: true });
      expect(documents.map((document) => document.id)).toEqual(expect.arrayContaining([b.agreementId, b.regulationsId]));
      expect((await b.host.call('templates/list', {})).map((template) => template.id).sort()).toEqual([b.templateId, ...b.packTemplateIds].sort());
      expect((await b.host.call('review/queue', {})).map((item) => item.document.id)).toEqual([b.regulationsId]);
      for (const secret of [a.marker, a.agreementId, a.regulationsId])
        expect(JSON.stringify([documents, await b.host.call('templates/variables', {})])).not.toContain(secret);
    });
  });
}
