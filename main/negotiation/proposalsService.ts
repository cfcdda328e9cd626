import type * as Y from 'yjs';
import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import { articlesOf, articleText, insertArticleAfter, readArticle, removeArticle, replaceArticle } from '#shared/document/articles';
import type { ArticleElement } from '#shared/document/nodes';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import type { ArticleNegotiation, DraftProposal, Proposal, ProposalKind, ValueChanges } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { bargainingSideOf, checkProposalAction, proposalActionDone, type ProposalAction } from '#shared/negotiation/proposalRules';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { validateVariableValue, variableNames, type VariableLookup } from '#shared/templates/variableValues';
import { bodyDifferences } from '#shared/versions/compareBodies';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { negotiationActor, refuse, type NegotiationActor } from '#main/negotiation/negotiationAccess';
import { assertTextOpen, visibleDocument } from '#main/kernel/access';

const iso = (ms: number): string => new Date(ms).toISOString();

/** What one position offers for one article. */
export interface Position {
  clauseId: string;
  kind: ProposalKind;
  article?: ArticleElement;
  values?: ValueChanges;
}

export type ProposalsService = ReturnType<typeof createProposalsService>;

/**
 * Positions on articles: one side proposes to replace an article, insert one after it, delete it
 * or change values it shows (or several articles at once, as a package), with a rationale; the
 * other side accepts (text and values change in one server change, the article becomes agreed),
 * rejects with a reason, or counters (the position is superseded); the author may withdraw.
 */
export function createProposalsService(context: ServiceContext, rooms: DocumentRooms) {
  const audit = (actor: NegotiationActor, action: string, documentId: string, details: Record<string, unknown>) =>
    context.store.audit.record({ at: context.now(), actor: `participant:${actor.participantId}`, action, documentId, details });

  /** New values must be values of variables the document may hold, each accepted by its definition. */
  function checkValues(values: ValueChanges, lookupVariable: VariableLookup): void {
    for (const [id, value] of Object.entries(values)) {
      if (isProceduralFact(id))
        throw new ApiError('invalid_input', `values: "${id}" is filled only from the lifecycle record, not proposed`, {
          reason: { key: 'fact_from_lifecycle', values: { label: variableNames(lookupVariable(id)) } },
        });
      const definition = lookupVariable(id);
      if (!definition) throw new ApiError('invalid_input', `values: unknown variable "${id}"`, { reason: { key: 'unknown_variable' } });
      const problem = validateVariableValue(definition, value);
      if (problem) throw new ApiError('invalid_input', `values: ${definition.label.en}: ${problem.en}`, { reason: { key: 'explained', text: problem } });
    }
  }

  /** A new open position against the current text and values of its article (which must exist). */
  function draftPosition(
    doc: Y.Doc,
    actor: NegotiationActor,
    position: Position,
    rationale: string,
    answers: string | null,
    packageId: string | null,
  ): Proposal {
    const side = bargainingSideOf(actor);
    if (typeof side !== 'string') throw new ApiError(side.code, side.message, { reason: { key: side.reason } });
    const current = readArticle(doc, position.clauseId);
    if (!current) throw new ApiError('not_found', `no article with clauseId "${position.clauseId}" in this document`, { reason: { key: 'article_not_found' } });
    if ((position.kind === 'replace' || position.kind === 'insert_after') && !position.article)
      throw new ApiError('invalid_input', 'article: replace and insert_after proposals carry the proposed article');
    const values = position.kind === 'delete' ? {} : (position.values ?? {});
    if (position.kind === 'values' && Object.keys(values).length === 0)
      throw new ApiError('invalid_input', 'values: a values proposal offers at least one value', { reason: { key: 'values_offer_nothing' } });
    const lookupVariable = context.variables(actor.workspaceId);
    checkValues(values, lookupVariable);
    const documentValues = variablesMap(doc);
    const previousValues = Object.fromEntries(
      Object.keys(values).flatMap((id) => {
        const value = documentValues.get(id) ?? lookupVariable(id)?.default;
        return value === undefined ? [] : [[id, value]];
      }),
    );
    const article =
      position.article && (position.kind === 'replace' || position.kind === 'insert_after')
        ? { ...position.article, clauseId: position.kind === 'replace' ? position.clauseId : context.newId() }
        : null;
    return {
      id: context.newId(),
      clauseId: position.clauseId,
      kind: position.kind,
      side,
      authorId: actor.participantId,
      authorName: actor.participant.displayName,
      rationale,
      article,
      values,
      previousValues,
      baseText: articleText(current),
      status: 'open',
      createdAt: iso(context.now()),
      answers,
      supersededBy: null,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      reason: null,
      packageId,
    };
  }

  /** The positions a decision applies to: the whole package a position belongs to, or itself. */
  function membersOf(doc: Y.Doc, proposal: Proposal): Proposal[] {
    if (proposal.packageId === null) return [proposal];
    return negotiationMaps(doc)
      .allProposals()
      .filter((other) => other.packageId === proposal.packageId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  const decided = (proposal: Proposal, actor: NegotiationActor, status: Proposal['status']): Proposal => ({
    ...proposal,
    status,
    decidedAt: iso(context.now()),
    decidedById: actor.participantId,
    decidedByName: actor.participant.displayName,
  });

  /**
   * Takes a decision on a position and, with it, on every position of its package, in one server
   * change written as `writer` (the author of an accepted text, so that its text is credited to them).
   */
  async function decide(
    documentId: string,
    proposalId: string,
    action: ProposalAction,
    caller: Caller,
    apply: (members: Proposal[], actor: NegotiationActor, doc: Y.Doc) => Proposal[],
    writer?: (members: Proposal[]) => string,
  ): Promise<Proposal[]> {
    const actor = await negotiationActor(context, caller, documentId, true);
    return rooms.withRoom(documentId, async (room) => {
      const existing = negotiationMaps(room.doc).proposal(proposalId);
      if (!existing) throw new ApiError('not_found', `no proposal "${proposalId}" in this document`, { reason: { key: 'proposal_not_found' } });
      const members = membersOf(room.doc, existing);
      for (const member of members) refuse(checkProposalAction(member, action, actor));
      let result: Proposal[] = [];
      await room.change(writer ? writer(members) : actor.participantId, (doc) => {
        result = apply(members, actor, doc);
      });
      await audit(actor, `proposal.${proposalActionDone[action]}`, documentId, {
        proposalId,
        clauseIds: members.map((member) => member.clauseId),
        package: existing.packageId,
      });
      return result;
    });
  }

  /** Applies an accepted position's text and values; false when its article is gone. */
  function applyPosition(doc: Y.Doc, proposal: Proposal): boolean {
    const applied =
      proposal.kind === 'delete'
        ? removeArticle(doc, proposal.clauseId)
        : proposal.kind === 'replace' && proposal.article
          ? replaceArticle(doc, proposal.clauseId, proposal.article)
          : proposal.kind === 'insert_after' && proposal.article
            ? insertArticleAfter(doc, proposal.clauseId, proposal.article)
            : readArticle(doc, proposal.clauseId) !== null;
    if (!applied) return false;
    const values = variablesMap(doc);
    for (const [id, value] of Object.entries(proposal.values)) values.set(id, value);
    return true;
  }

  /** What both sides now agree on: the article an accepted position leaves (none for a deletion). */
  function agreeOnAccepted(doc: Y.Doc, proposal: Proposal, actor: NegotiationActor): void {
    const clauseId = proposal.kind === 'insert_after' ? proposal.article?.clauseId : proposal.kind === 'delete' ? undefined : proposal.clauseId;
    const article = clauseId ? readArticle(doc, clauseId) : null;
    if (!clauseId || !article) return;
    const maps = negotiationMaps(doc);
    const status = maps.article(clauseId);
    const now = iso(context.now());
    const side = actor.side === 'employer' ? 'employer' : 'union';
    const agreed: ArticleNegotiation = {
      ...status,
      status: 'agreed',
      employerAgreedAt: now,
      unionAgreedAt: now,
      agreedText: articleText(article),
      disputedAt: null,
      reopened: null,
      reopenRequest: null,
      history: [...status.history, { type: 'accepted', side, byName: actor.participant.displayName, at: now, note: proposal.id }],
    };
    maps.saveArticle(agreed);
  }

  /** Creates positions in one server change (a package when several), after taking the draft they come from. */
  async function createPositions(
    documentId: string,
    positions: readonly Position[],
    rationale: string,
    caller: Caller,
    fromDraftId?: string,
  ): Promise<Proposal[]> {
    const actor = await negotiationActor(context, caller, documentId, true);
    if (fromDraftId !== undefined && !(await context.store.draftProposals.get(documentId, actor.participantId, fromDraftId)))
      throw new ApiError('not_found', `no draft "${fromDraftId}" of yours in this document`, { reason: { key: 'draft_not_found' } });
    return rooms.withRoom(documentId, async (room) => {
      const packageId = positions.length > 1 ? context.newId() : null;
      const proposals = positions.map((position) => draftPosition(room.doc, actor, position, rationale, null, packageId));
      await room.change(actor.participantId, (doc) => {
        for (const proposal of proposals) negotiationMaps(doc).saveProposal(proposal);
      });
      if (fromDraftId !== undefined) await context.store.draftProposals.remove(fromDraftId);
      await audit(actor, packageId ? 'proposal.package_created' : 'proposal.created', documentId, {
        proposalIds: proposals.map((proposal) => proposal.id),
        clauseIds: positions.map((position) => position.clauseId),
      });
      return proposals;
    });
  }

  return {
    async create(input: Position & { documentId: string; rationale: string; fromDraftId?: string }, caller: Caller): Promise<Proposal> {
      const [proposal] = await createPositions(input.documentId, [input], input.rationale, caller, input.fromDraftId);
      if (!proposal) throw new ApiError('internal', 'the proposal was not recorded');
      return proposal;
    },

    createPackage(documentId: string, rationale: string, items: readonly Position[], caller: Caller): Promise<Proposal[]> {
      return createPositions(documentId, items, rationale, caller);
    },

    /**
     * Applies the position's text and values (every position of its package), records who accepted
     * it and when, and marks each article agreed by both sides, in one server change. The text is
     * written as its author's: what the other side accepted is credited to who proposed it.
     */
    async accept(documentId: string, proposalId: string, caller: Caller): Promise<Proposal> {
      // A text put to the vote or signed changes only through an amendment round (LC Art. 82).
      assertTextOpen(await visibleDocument(context, caller, documentId));
      const accepted = await decide(
        documentId,
        proposalId,
        'accept',
        caller,
        (members, actor, doc) =>
          members.map((member) => {
            if (!applyPosition(doc, member))
              throw new ApiError('conflict', 'the article this proposal is about no longer exists; it cannot be applied', {
                reason: { key: 'proposal_article_gone' },
              });
            agreeOnAccepted(doc, member, actor);
            const done = decided(member, actor, 'accepted');
            negotiationMaps(doc).saveProposal(done);
            return done;
          }),
        (members) => members[0]?.authorId ?? '',
      );
      return accepted.find((proposal) => proposal.id === proposalId) ?? (accepted[0] as Proposal);
    },

    async reject(documentId: string, proposalId: string, reason: string, caller: Caller): Promise<Proposal> {
      const rejected = await decide(documentId, proposalId, 'reject', caller, (members, actor, doc) =>
        members.map((member) => {
          const done = { ...decided(member, actor, 'rejected'), reason };
          negotiationMaps(doc).saveProposal(done);
          return done;
        }),
      );
      return rejected.find((proposal) => proposal.id === proposalId) ?? (rejected[0] as Proposal);
    },

    async withdraw(documentId: string, proposalId: string, caller: Caller): Promise<Proposal> {
      const withdrawn = await decide(documentId, proposalId, 'withdraw', caller, (members, actor, doc) =>
        members.map((member) => {
          const done = decided(member, actor, 'withdrawn');
          negotiationMaps(doc).saveProposal(done);
          return done;
        }),
      );
      return withdrawn.find((proposal) => proposal.id === proposalId) ?? (withdrawn[0] as Proposal);
    },

    /**
     * A counter-position answers an open position of the other side (the whole package, when it
     * is one), which becomes superseded: on the same article, or as a package of its own (items).
     */
    async counter(
      documentId: string,
      proposalId: string,
      draft: { rationale: string; kind?: ProposalKind; article?: ArticleElement; values?: ValueChanges; items?: Position[] },
      caller: Caller,
    ): Promise<Proposal> {
      let counters: Proposal[] = [];
      await decide(documentId, proposalId, 'counter', caller, (members, actor, doc) => {
        const answered = members.find((member) => member.id === proposalId) ?? (members[0] as Proposal);
        const positions: Position[] = draft.items ?? [
          { clauseId: answered.clauseId, kind: draft.kind ?? answered.kind, article: draft.article, values: draft.values },
        ];
        const packageId = positions.length > 1 ? context.newId() : null;
        counters = positions.map((position) => draftPosition(doc, actor, position, draft.rationale, answered.id, packageId));
        const maps = negotiationMaps(doc);
        for (const counter of counters) maps.saveProposal(counter);
        return members.map((member) => {
          const superseded = { ...decided(member, actor, 'superseded'), supersededBy: counters[0]?.id ?? null };
          maps.saveProposal(superseded);
          return superseded;
        });
      });
      const [first] = counters;
      if (!first) throw new ApiError('internal', 'the counter-proposal was not recorded');
      return first;
    },

    /** A participant's drafts in a document (theirs alone). */
    draftsOf(documentId: string, participantId: string): Promise<DraftProposal[]> {
      return context.store.draftProposals.ofAuthor(documentId, participantId);
    },

    async discardDraft(documentId: string, draftId: string, caller: Caller): Promise<boolean> {
      const actor = await negotiationActor(context, caller, documentId, false);
      if (!(await context.store.draftProposals.get(documentId, actor.participantId, draftId)))
        throw new ApiError('not_found', `no draft "${draftId}" of yours in this document`, { reason: { key: 'draft_not_found' } });
      return context.store.draftProposals.remove(draftId);
    },

    /**
     * An edit refused because it touched what both sides agreed becomes its author's drafts: one
     * per article whose text it changed (a deleted article, a deletion), and one for the values
     * it changed (on the first article showing each). The author is told.
     */
    async keepRefusedEdit(documentId: string, participantId: string, live: Y.Doc, attempted: Y.Doc): Promise<DraftProposal[]> {
      const now = iso(context.now());
      const draft = (clauseId: string, kind: ProposalKind, article: ArticleElement | null, values: ValueChanges = {}): DraftProposal => ({
        id: context.newId(),
        clauseId,
        kind,
        article,
        values,
        origin: 'late_edit',
        createdAt: now,
      });
      const attemptedArticles = articlesOf(readContent(attempted));
      const drafts = bodyDifferences(readContent(live), readContent(attempted)).flatMap((difference): DraftProposal[] => {
        const article = attemptedArticles.find((candidate) => candidate.clauseId === difference.clauseId) ?? null;
        if (difference.status !== 'added') return [draft(difference.clauseId, article ? 'replace' : 'delete', article)];
        // A new article: proposed after the one it follows, if the document has that one.
        const previous = attemptedArticles[attemptedArticles.findIndex((candidate) => candidate.clauseId === difference.clauseId) - 1];
        return article && previous && readArticle(live, previous.clauseId) ? [draft(previous.clauseId, 'insert_after', article)] : [];
      });
      const before = variablesMap(live).toJSON() as ValueChanges;
      const changedValues = Object.entries(variablesMap(attempted).toJSON() as ValueChanges).filter(([id, value]) => before[id] !== value);
      if (changedValues.length > 0) {
        // On the first article showing one of the values (as a chip), or else the first article.
        const liveArticles = articlesOf(readContent(live));
        const anchor = liveArticles.find((article) => changedValues.some(([id]) => articleText(article).includes(`{{${id}}}`))) ?? liveArticles[0];
        if (anchor) drafts.push(draft(anchor.clauseId, 'values', null, Object.fromEntries(changedValues)));
      }
      await context.store.transaction(async (tx) => {
        for (const draft of drafts) await tx.draftProposals.insert(documentId, participantId, draft);
      });
      if (drafts.length > 0) rooms.notifyParticipant(documentId, participantId, 'drafts');
      return drafts;
    },
  };
}
