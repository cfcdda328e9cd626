import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { LifecycleView, OpenItems } from '#shared/api/lifecycle';
import { isIsoDate } from '#shared/calendar/isoDate';
import { checkDocument } from '#shared/compliance/checkDocument';
import { ruleTable } from '#shared/compliance/ruleTable';
import type { CheckDocumentInput } from '#shared/compliance/types';
import type { TopLevelBlock } from '#shared/document/nodes';
import { documentLanguage, readContent, variablesMap } from '#shared/document/yjsContent';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import { complianceInputFor, textFactsOf } from '#shared/lifecycle/complianceInput';
import { readSalaryScales } from '#shared/salaryScale/yjsSalaryScale';
import { vietnamDate } from '#shared/format/vietnamTime';
import { deadlinesOf, nextDeadline } from '#shared/lifecycle/deadlines';
import { decideStep, openSteps } from '#shared/lifecycle/lifecycle';
import type { EventActor, EventFacts, LifecycleAction, LifecycleEventRecord } from '#shared/lifecycle/model';
import type { LifecycleActor } from '#shared/lifecycle/permissions';
import { applyEvent, foldEvents, type LifecycleRecord } from '#shared/lifecycle/record';
import type { StepEnvironment, StepRefusal } from '#shared/lifecycle/refusals';
import { currentState, isSentToAuthority, isTextFrozen } from '#shared/lifecycle/timeStates';
import { pendingSuggestionsByArticle } from '#shared/negotiation/suggestions';
import { negotiationStanding, voteReadiness, type NegotiationStanding } from '#shared/lifecycle/voteReadiness';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import type { VariableValue } from '#shared/templates/schema';
import { actorOf, assertNotArchived, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { StoreRepositories } from '#main/store/port';
import type { DocumentRecord } from '#main/store/records';
import type { DocumentRoom } from '#main/sync/documentRoom';
import { createVersionsService } from '#main/versions/versionsService';
import { writeRecordedFacts } from '#main/lifecycle/factWriter';

const iso = (ms: number): string => new Date(ms).toISOString();

/** A document with its lifecycle as of today. */
export interface LoadedLifecycle {
  document: DocumentRecord;
  record: LifecycleRecord;
  events: LifecycleEventRecord[];
  state: LifecycleState;
  today: string;
}

/** Who is acting, for the rules (their side) and for the record (their participant and name). */
export interface ResolvedActor {
  actor: LifecycleActor;
  recorded: EventActor;
}

/** A refusal of the rules as an API error: English for logs, and the rule's own explanation in both languages for people. */
export function refusalError(refusal: StepRefusal): ApiError {
  return new ApiError(refusal.code, refusal.message.en, { reason: { key: 'explained', text: refusal.message } });
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;

/**
 * The lifecycle of documents (shared/lifecycle decides; this records): steps taken through the API,
 * each in the audit log, stored as events in SQLite; documents.lifecycle_state mirrors the state
 * today, brought up to date whenever a lifecycle is read or changed (and for every document when the
 * server starts), so that the sync server freezes and unfreezes the text as the state requires.
 */
export function createLifecycleService(context: ServiceContext, rooms: DocumentRooms) {
  const { store } = context;
  const today = (): string => vietnamDate(context.now());
  const versions = createVersionsService(context, rooms);

  /** Tells both sides' open pages that the lifecycle or the review changed (they fetch it again). */
  function notifyParties(documentId: string, topic: 'lifecycle' | 'review'): void {
    rooms.notifySide(documentId, 'employer', topic);
    rooms.notifySide(documentId, 'union', topic);
  }

  /** Mirrors the state into documents.lifecycle_state, recording a move the calendar made. */
  async function mirror(
    document: DocumentRecord,
    record: LifecycleRecord,
    state: LifecycleState,
    events: readonly LifecycleEventRecord[],
  ): Promise<DocumentRecord> {
    if (events.length === 0 || document.lifecycleState === state || document.archivedAt !== null) return document;
    const at = context.now();
    const moved = await store.transaction(
      async (tx) => {
        // Another request (or instance) may have recorded the move meanwhile: it is recorded once.
        const stored = await tx.documents.get(document.id);
        if (!stored || stored.lifecycleState === state) return false;
        await tx.documents.setLifecycleState(document.id, state, at);
        await tx.lifecycle.append({
          documentId: document.id,
          round: record.round,
          from: stored.lifecycleState,
          to: state,
          facts: { type: 'time_passed' },
          actor: { participantId: null, side: null, name: null },
          at,
        });
        await tx.audit.record({
          at,
          actor: 'system',
          action: 'lifecycle.time_passed',
          documentId: document.id,
          details: { from: stored.lifecycleState, to: state, round: record.round },
        });
        return true;
      },
      { documentId: document.id },
    );
    if (moved && isTextFrozen(document.kind, document.lifecycleState) !== isTextFrozen(document.kind, state))
      await context.events.emit('documentChanged', { documentId: document.id });
    return { ...document, lifecycleState: state, updatedAt: at };
  }

  /** A document's lifecycle today, its mirrored state brought up to date. */
  async function load(document: DocumentRecord): Promise<LoadedLifecycle> {
    const date = today();
    let events = await store.lifecycle.listByDocument(document.id);
    const record = foldEvents(document.kind, events);
    const state = currentState(record, date);
    const mirrored = await mirror(document, record, state, events);
    if (mirrored !== document) events = await store.lifecycle.listByDocument(document.id);
    return { document: mirrored, record, events, state, today: date };
  }

  async function resolveActor(caller: Caller): Promise<ResolvedActor> {
    if (caller.kind === 'admin') return { actor: { kind: 'host' }, recorded: { participantId: null, side: null, name: null } };
    if (caller.kind !== 'participant') throw new ApiError('unauthorized', 'a participant token is required', { reason: { key: 'token_needed' } });
    const participant = await store.participants.get(caller.participantId);
    if (!participant || participant.revokedAt !== null)
      throw new ApiError('unauthorized', 'this participant was removed from the document', { reason: { key: 'participant_removed' } });
    return {
      actor: { kind: 'participant', side: participant.side },
      recorded: { participantId: participant.id, side: participant.side, name: participant.displayName },
    };
  }

  /** The input of the compliance check for a document as its room holds it: its text and values, with the dates and vote its lifecycle recorded. */
  function complianceInputIn(room: DocumentRoom, loaded: LoadedLifecycle): { input: CheckDocumentInput; blocks: TopLevelBlock[] } {
    const text = {
      blocks: readContent(room.doc),
      variables: variablesMap(room.doc).toJSON() as Record<string, VariableValue>,
      language: documentLanguage(room.doc),
      salaryScales: readSalaryScales(room.doc),
    };
    return {
      input: complianceInputFor({ kind: loaded.document.kind, ...text }, loaded.record.current, loaded.today, context.variables(loaded.document.workspaceId)),
      blocks: text.blocks,
    };
  }

  /** The same, reading the document's room for the occasion. */
  function complianceInput(loaded: LoadedLifecycle): Promise<{ input: CheckDocumentInput; blocks: TopLevelBlock[] }> {
    return rooms.withRoom(loaded.document.id, (room) => complianceInputIn(room, loaded));
  }

  /** The draft's articles as the negotiation stands (the server's copy) and the violations the compliance check finds in it. */
  function standingIn(room: DocumentRoom, loaded: LoadedLifecycle): NegotiationStanding {
    const { input, blocks } = complianceInputIn(room, loaded);
    return negotiationStanding(
      blocks,
      negotiationMaps(room.doc).allArticles(),
      checkDocument(input),
      ruleTable,
      new Set(pendingSuggestionsByArticle(room.doc).keys()),
    );
  }

  /** The facts of the text (as the room holds it) and of the document's people the rules may need. */
  async function environment(room: DocumentRoom, loaded: LoadedLifecycle): Promise<StepEnvironment> {
    const documentId = loaded.document.id;
    const participants = await store.participants.listByDocument(documentId);
    const variables = variablesMap(room.doc).toJSON() as Record<string, VariableValue>;
    const text = textFactsOf(variables);
    const effective = variables.effective_date;
    return {
      today: loaded.today,
      ...(typeof effective === 'string' && isIsoDate(effective) ? { textEffectiveDate: effective } : {}),
      ...(text.termYears === undefined ? {} : { textTermYears: text.termYears }),
      hasUnionParticipant: participants.some((participant) => participant.side === 'union' && participant.revokedAt === null),
      negotiation: () => standingIn(room, loaded),
      textHash: () => versions.currentNegotiatedHash(room),
    };
  }

  function view(loaded: LoadedLifecycle, caller: Caller): LifecycleView {
    const { document, record, state, events } = loaded;
    const deadlines = deadlinesOf(record, loaded.today);
    const actor =
      caller.kind === 'admin' ? ({ kind: 'host' } as const) : caller.kind === 'participant' ? ({ kind: 'participant', side: caller.side } as const) : null;
    return {
      documentId: document.id,
      kind: document.kind,
      round: record.round,
      state,
      frozen: document.archivedAt !== null || isTextFrozen(document.kind, state),
      today: loaded.today,
      current: record.current,
      previous: record.previous,
      deadlines,
      nextDeadline: nextDeadline(deadlines) ?? null,
      sentToAuthority: isSentToAuthority(record),
      openSteps: actor && document.archivedAt === null ? openSteps(record, state, actor) : [],
      events: events.map((event) => ({
        id: event.id,
        round: event.round,
        from: event.from,
        to: event.to,
        facts: event.facts,
        actor: event.actor,
        at: iso(event.at),
      })),
    };
  }

  /** Appends a step (and the calendar's move it may imply) and mirrors the state, in the step's transaction. */
  async function record(
    tx: StoreRepositories,
    loaded: LoadedLifecycle,
    to: LifecycleState,
    facts: EventFacts,
    by: ResolvedActor,
    caller: Caller,
  ): Promise<void> {
    const { document } = loaded;
    const at = context.now();
    const after = applyEvent(loaded.record, { to, facts });
    const state = currentState(after, loaded.today);
    await tx.lifecycle.append({ documentId: document.id, round: after.round, from: loaded.state, to, facts, actor: by.recorded, at });
    if (state !== to)
      await tx.lifecycle.append({
        documentId: document.id,
        round: after.round,
        from: to,
        to: state,
        facts: { type: 'time_passed' },
        actor: { participantId: null, side: null, name: null },
        at,
      });
    await tx.documents.setLifecycleState(document.id, state, at);
    // The authority's reviewers find the document in their queue (or no longer, if it went elsewhere).
    if (facts.type === 'send_to_authority' || facts.type === 'send_registration') await tx.documents.setAuthority(document.id, facts.authorityId ?? null);
    await tx.audit.record({
      at,
      actor: actorOf(caller),
      action: `lifecycle.${facts.type}`,
      documentId: document.id,
      details: { from: loaded.state, to: state, round: after.round, facts },
    });
  }

  /**
   * Stores the facts of a step, with what it makes in the version history: putting the draft to
   * the vote makes a version of the text the workers vote on (its hash recorded with the step), and
   * the second signature makes the signed version, which must be that text.
   */
  async function storeStep(
    tx: StoreRepositories,
    room: DocumentRoom,
    loaded: LoadedLifecycle,
    to: LifecycleState,
    facts: EventFacts,
    by: ResolvedActor,
    caller: Caller,
  ): Promise<void> {
    const round = loaded.record.round;
    // The step is decided on the record as it was read: had another step been recorded since, it is refused.
    const stored = await tx.lifecycle.listByDocument(loaded.document.id);
    if (stored.at(-1)?.id !== loaded.events.at(-1)?.id)
      throw new ApiError('conflict', 'the lifecycle of this document changed meanwhile: look at it again, then take the step');
    if (facts.type === 'open_vote' && facts.draft) {
      const voted = await versions.createVotedVersion(
        room,
        { participantId: by.recorded.participantId, name: `Dự thảo lấy ý kiến người lao động — vòng ${round}` },
        tx,
      );
      await record(
        tx,
        loaded,
        to,
        { ...facts, draft: { ...facts.draft, votedText: { versionId: voted.record.id, contentHash: voted.contentHash } } },
        by,
        caller,
      );
    } else if (facts.type === 'sign' && facts.signing) {
      const signing = facts.signing;
      const voted = loaded.record.current.putToVote?.votedText;
      // Clients' edits wait while the step is taken (room.exclusive): the signed version is made of this text.
      if (voted && versions.currentNegotiatedHash(room) !== voted.contentHash)
        throw new ApiError('conflict', 'the signed text differs from the text put to the workers’ vote: nothing was signed (Labour Code 2019 Art. 76(1))', {
          reason: { key: 'vote_text_changed' },
        });
      const version = await versions.createSignedVersion(
        room,
        { participantId: by.recorded.participantId, name: `Thỏa ước đã ký ngày ${signing.signedOn.split('-').reverse().join('/')} — vòng ${round}` },
        tx,
      );
      await record(tx, loaded, to, { ...facts, signing: { ...signing, signedVersionId: version.id } }, by, caller);
    } else {
      await record(tx, loaded, to, facts, by, caller);
    }
  }

  /**
   * A sending that names one of the deployment's authorities by id (decision 0019) records its
   * name beside the id, as a sending naming it in words would; an unknown id is refused.
   */
  async function withAuthorityName(action: LifecycleAction): Promise<LifecycleAction> {
    if ((action.type !== 'send_to_authority' && action.type !== 'send_registration') || action.authorityId === undefined) return action;
    if (action.authority !== undefined)
      throw new ApiError('invalid_input', 'step: name the authority either by authorityId (one of authorities/list) or in words (authority), not both');
    const authority = await store.authorities.get(action.authorityId);
    if (!authority) throw new ApiError('invalid_input', `step.authorityId: this server has no authority "${action.authorityId}" (authorities/list names them)`);
    return { ...action, authority: authority.name };
  }

  /**
   * Takes a step: the rules decide, then the step is stored, audited, and the text frozen or
   * opened. Clients' edits wait meanwhile (room.exclusive), so that the rules, the versions and
   * the facts all read one text. The facts of the record after the step are written into the text
   * first (a version the step makes holds them: decision 0013), then the versions, the step and the
   * state in one transaction; should that fail, the facts are written back as the record has them.
   */
  async function take(documentId: string, requested: LifecycleAction, caller: Caller): Promise<LoadedLifecycle> {
    const document = await visibleDocument(context, caller, documentId);
    assertNotArchived(document);
    const action = await withAuthorityName(requested);
    const by = await resolveActor(caller);
    const loaded = await load(document);
    await rooms.withRoom(documentId, (room) =>
      room.exclusive(async () => {
        await room.flush();
        const decision = decideStep(loaded.record, loaded.state, action, by.actor, await environment(room, loaded), by.recorded.name);
        if (!decision.ok) throw refusalError(decision.refusal);
        const after = applyEvent(loaded.record, { to: decision.to, facts: decision.facts });
        const factsWritten = await writeRecordedFacts(room, document.kind, after);
        try {
          await store.transaction((tx) => storeStep(tx, room, loaded, decision.to, decision.facts, by, caller), { documentId });
        } catch (error) {
          if (factsWritten) await writeRecordedFacts(room, document.kind, loaded.record);
          throw error;
        }
      }),
    );
    await context.events.emit('documentChanged', { documentId });
    notifyParties(documentId, 'lifecycle');
    const updated = await store.documents.get(documentId);
    if (!updated) throw new ApiError('not_found', `no document with id "${documentId}"`, { reason: { key: 'document_not_found' } });
    return load(updated);
  }

  /** What is still open before the draft of an agreement goes to the vote. */
  async function openItems(documentId: string, caller: Caller): Promise<OpenItems> {
    const loaded = await load(await visibleDocument(context, caller, documentId));
    if (!isCollectiveAgreement(loaded.document.kind))
      throw new ApiError('conflict', 'labour regulations are not bargained article by article: they have no vote of the workers (Labour Code 2019 Art. 118)', {
        reason: { key: 'regulations_no_vote' },
      });
    const standing = await rooms.withRoom(documentId, (room) => standingIn(room, loaded));
    const readiness = voteReadiness(standing, loaded.record.current.leftOut);
    return {
      documentId,
      articleCount: readiness.articleCount,
      agreedCount: readiness.agreedCount,
      notAgreed: readiness.notAgreed.map((article) => ({
        clauseId: article.clauseId,
        number: article.number,
        title: article.title,
        status: article.status === 'disputed' ? 'disputed' : 'open',
        leftOut: article.leftOut,
      })),
      blockingCount: readiness.blocking.length,
      violations: [...readiness.violations],
    };
  }

  return {
    today,
    load,
    view,
    take,
    openItems,
    complianceInput,
    resolveActor,
    notifyParties,

    async get(documentId: string, caller: Caller): Promise<LifecycleView> {
      return view(await load(await visibleDocument(context, caller, documentId)), caller);
    },

    async step(documentId: string, action: LifecycleAction, caller: Caller): Promise<LifecycleView> {
      return view(await take(documentId, action, caller), caller);
    },

    /** Brings every open document's mirrored state up to today (at start-up). */
    async refreshAll(): Promise<void> {
      for (const document of await store.documents.list(false)) {
        try {
          await load(document);
        } catch (error) {
          context.logger.log('error', 'lifecycle.refresh_failed', { document: document.id, error });
        }
      }
    },
  };
}
