import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiError } from '#shared/api/errors';
import { articlesOf } from '#shared/document/articles';
import { plainText } from '#shared/document/nodes';
import { contentRoot, readContent } from '#shared/document/yjsContent';
import type { Proposal, ProposalKind } from '#shared/negotiation/model';
import { storedDoc } from '../helpers/storedState';
import { connectClient, synced } from '../helpers/syncClient';
import { articleTexts, clauseIds, docMatches, openNegotiation, proposedArticle, serverBody, serverPerTest } from './negotiationFixture';

// Two people of the same side accept the same proposal at the same moment (two HTTP requests in
// flight together): one wins, the other is told it is too late, and the text changes once.

const sentence = 'Công ty hỗ trợ tiền nhà trọ 500.000 đồng mỗi tháng.';

/** How many times a sentence occurs in the whole body. */
const occurrences = (doc: Y.Doc, text: string): number => readContent(doc).map(plainText).join('\n').split(text).length - 1;

describe.each([
  { kind: 'replace' as ProposalKind, articles: 4 },
  { kind: 'insert_after' as ProposalKind, articles: 5 },
  { kind: 'delete' as ProposalKind, articles: 3 },
])('two employers accept the same union $kind proposal at once', ({ kind, articles }) => {
  const server = serverPerTest();

  it.each([
    { room: 'nobody has the document open', connected: false },
    { room: 'a client has the document open', connected: true },
  ])('exactly one succeeds, the other gets conflict, and the text changes once ($room)', async ({ connected }) => {
    const { document, employer, employer2, union } = await openNegotiation(server.api, server.admin);
    const documentId = document.id;
    const watcher = new Y.Doc();
    contentRoot(watcher);
    if (connected) {
      const client = connectClient(server.api.serverUrl ?? '', documentId, union.token, watcher);
      server.clients.push(client);
      await synced(client);
    }
    const proposal = await union.client.call('proposals/create', {
      documentId,
      clauseId: clauseIds.wage,
      kind,
      rationale: 'Hỗ trợ nhà ở',
      ...(kind === 'delete' ? {} : { article: proposedArticle('Hỗ trợ nhà ở', sentence) }),
    });

    const results = await Promise.allSettled([
      employer.client.call('proposals/accept', { documentId, proposalId: proposal.id }),
      employer2.client.call('proposals/accept', { documentId, proposalId: proposal.id }),
    ]);
    const won = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ApiError);
    expect({ code: (lost[0] as ApiError).code, message: (lost[0] as ApiError).message }).toEqual({
      code: 'conflict',
      message: 'this proposal is accepted: only an open proposal can be accepted',
    });
    const winner = won[0] as Proposal;
    expect([employer.participant.id, employer2.participant.id]).toContain(winner.decidedById);

    const live = await server.api.withDocument(documentId, (room) => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room));
      return copy;
    });
    for (const doc of [live, await storedDoc(server.api.store.updates, documentId)]) {
      const body = readContent(doc);
      expect(articlesOf(body)).toHaveLength(articles);
      if (kind === 'delete') expect(articlesOf(body).map((a) => a.clauseId)).not.toContain(clauseIds.wage);
      else expect(occurrences(doc, sentence)).toBe(1);
      if (kind === 'insert_after') expect(articlesOf(body).filter((a) => a.clauseId === proposal.article?.clauseId)).toHaveLength(1);
    }
    if (connected) {
      await docMatches(watcher, () => articleTexts(readContent(watcher)).length === articles, 'the client to see the change');
      expect(articleTexts(readContent(watcher))).toEqual(articleTexts(await serverBody(server.api, documentId)));
    }
    expect(await server.admin.call('proposals/get', { documentId, proposalId: winner.id })).toEqual(winner);
    expect((await server.admin.call('negotiation/state', { documentId })).decided.map((proposal) => proposal.id)).toEqual([winner.id]);
    expect((await server.api.store.audit.listByDocument(documentId)).filter((e) => e.action === 'proposal.accepted')).toHaveLength(1);
  });
});
