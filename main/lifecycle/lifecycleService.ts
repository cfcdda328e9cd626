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
import { vietnamDate } from '#shared/lifecycle/dates';
import { deadlinesOf, nextDeadline } from '#shared/lifecycle/deadlines';
import { decideStep, openSteps } from '#shared/lifecycle/lifecycle';
import type { EventActor, EventFacts, LifecycleAction, LifecycleEventRecord } from '#shared/lifecycle/model';
import type { LifecycleActor } from '#shared/lifecycle/permissions';
import { applyEvent, foldEvents, type LifecycleRecord } from '#shared/lifecycle/record';
import type { StepEnvironment, StepRefusal } from '#shared/lifecycle/refusals';
import { currentState, isSentToAuthority, isTextFrozen } from '#shared/lifecycle/timeStates';
import { negotiationStanding, voteReadiness, type NegotiationStanding } from '#shared/lifecycle/voteReadiness';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import type { VariableValue } from '#shared/templates/schema';
import { actorOf, assertNotArchived, visibleDocument } from '#main/services/access';
import type { DocumentRooms } from '#main/services/documentRooms';
import type { ServiceContext } from '#main/services/serviceContext';
import type { DocumentRecord } from '#main/store/records';
import { createSignedVersion, createVotedVersion, currentNegotiatedHash } from '#main/versions/versionHandlers';
import { createFactWriter } from '#main/lifecycle/factWriter';

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
  const facts = createFactWriter(store, rooms);

  /** Tells both sides' open pages that the lifecycle or the review changed (they fetch it again). */
  function notifyParties(documentId: string, topic: 'lifecycle' | 'review'): void {
    rooms.notifySide(documentId, 'employer', topic);
    rooms.notifySide(documentId, 'union', topic);
  }

  /** Mirrors the state into documents.lifecycle_state, recording a move the calendar made. */
  function mirror(document: DocumentRecord, record: LifecycleRecord, state: LifecycleState, events: readonly LifecycleEventRecord[]): DocumentRecord {
    if (events.length === 0 || document.lifecycleState === state || document.archivedAt !== null) return document;
    const at = context.now();
    store.transaction(() => {
      store.documents.setLifecycleState(document.id, state, at);
      store.lifecycle.append({ documentId: document.id, round: record.round, from: document.lifecycleState, to: state, facts: { type: 'time_passed' }, actor: { participantId: null, side: null, name: null }, at });
      store.audit.record({ at, actor: 'system', action: 'lifecycle.time_passed', documentId: document.id, details: { from: document.lifecycleState, to: state, round: record.round } });
    });
    if (isTextFrozen(document.kind, document.lifecycleState) !== isTextFrozen(document.kind, state)) context.events.emit('documentChanged', { documentId: document.id });
    return { ...document, lifecycleState: state, updatedAt: at };
  }

  /** A document's lifecycle today, its mirrored state brought up to date. */
  function load(document: DocumentRecord): LoadedLifecycle {
    const date = today();
    let events = store.lifecycle.listByDocument(document.id);
    const record = foldEvents(document.kind, events);
    const state = currentState(record, date);
    const mirrored = mirror(document, record, state, events);
    if (mirrored !== document) events = store.lifecycle.listByDocument(document.id);
    return { document: mirrored, record, events, state, today: date };
  }

  function resolveActor(caller: Caller): ResolvedActor {
    if (caller.kind === 'admin') return { actor: { kind: 'host' }, recorded: { participantId: null, side: null, name: null } };
    if (caller.kind !== 'participant') throw new ApiError('unauthorized', 'a participant token is required', { reason: { key: 'token_needed' } });
    const participant = store.participants.get(caller.participantId);
    if (!participant || participant.revokedAt !== null) throw new ApiError('unauthorized', 'this participant was removed from the document', { reason: { key: 'participant_removed' } });
    return { actor: { kind: 'participant', side: participant.side }, recorded: { participantId: participant.id, side: participant.side, name: participant.displayName } };
  }

  /** The input of the compliance check for a document: its text and values, with the dates and vote its lifecycle recorded. */
  function complianceInput(loaded: LoadedLifecycle): { input: CheckDocumentInput; blocks: TopLevelBlock[] } {
    const text = rooms.withRoom(loaded.document.id, (room) => ({ blocks: readContent(room.doc), variables: variablesMap(room.doc).toJSON() as Record<string, VariableValue>, language: documentLanguage(room.doc) }));
    return { input: complianceInputFor({ kind: loaded.document.kind, ...text }, loaded.record.current, loaded.today, context.lookupVariable), blocks: text.blocks };
  }

  /** The draft's articles as the negotiation stands (the server's copy) and the violations the compliance check finds in it. */
  function standingOf(loaded: LoadedLifecycle): NegotiationStanding {
    const { input, blocks } = complianceInput(loaded);
    const statuses = rooms.withRoom(loaded.document.id, (room) => negotiationMaps(room.doc).allArticles());
    return negotiationStanding(blocks, statuses, checkDocument(input), ruleTable);
  }

  /** The facts of the text and of the document's people the rules may need. */
  function environment(loaded: LoadedLifecycle): StepEnvironment {
    const documentId = loaded.document.id;
    const variables = rooms.withRoom(documentId, (room) => variablesMap(room.doc).toJSON() as Record<string, VariableValue>);
    const text = textFactsOf(variables);
    const effective = variables.effective_date;
    return {
      today: loaded.today,
      ...(typeof effective === 'string' && isIsoDate(effective) ? { textEffectiveDate: effective } : {}),
      ...(text.termYears === undefined ? {} : { textTermYears: text.termYears }),
      hasUnionParticipant: store.participants.listByDocument(documentId).some((participant) => participant.side === 'union' && participant.revokedAt === null),
      negotiation: () => standingOf(loaded),
      textHash: () => currentNegotiatedHash(context, rooms, documentId),
    };
  }

  function view(loaded: LoadedLifecycle, caller: Caller): LifecycleView {
    const { document, record, state, events } = loaded;
    const deadlines = deadlinesOf(record, loaded.today);
    const actor = caller.kind === 'admin' ? ({ kind: 'host' } as const) : caller.kind === 'participant' ? ({ kind: 'participant', side: caller.side } as const) : null;
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
      events: events.map((event) => ({ id: event.id, round: event.round, from: event.from, to: event.to, facts: event.facts, actor: event.actor, at: iso(event.at) })),
    };
  }

  /** Appends a step (and the calendar's move it may imply) and mirrors the state, in one transaction. */
  function record(loaded: LoadedLifecycle, to: LifecycleState, facts: EventFacts, by: ResolvedActor, caller: Caller): LifecycleState {
    const { document } = loaded;
    const at = context.now();
    const after = applyEvent(loaded.record, { to, facts });
    const state = currentState(after, loaded.today);
    store.lifecycle.append({ documentId: document.id, round: after.round, from: loaded.state, to, facts, actor: by.recorded, at });
    if (state !== to) store.lifecycle.append({ documentId: document.id, round: after.round, from: to, to: state, facts: { type: 'time_passed' }, actor: { participantId: null, side: null, name: null }, at });
    store.documents.setLifecycleState(document.id, state, at);
    store.audit.record({ at, actor: actorOf(caller), action: `lifecycle.${facts.type}`, documentId: document.id, details: { from: loaded.state, to: state, round: after.round, facts } });
    return state;
  }

  /**
   * Stores the facts of a step, with what it makes in the version history: putting the draft to
   * the vote makes a version of the text the workers vote on (its hash recorded with the step), and
   * the second signature makes the signed version, which must be that text.
   */
  function storeStep(loaded: LoadedLifecycle, to: LifecycleState, facts: EventFacts, by: ResolvedActor, caller: Caller): void {
    const documentId = loaded.document.id;
    const round = loaded.record.round;
    if (facts.type === 'open_vote' && facts.draft) {
      const voted = createVotedVersion(context, rooms, documentId, { participantId: by.recorded.participantId, name: `Dự thảo lấy ý kiến người lao động — vòng ${round}` });
      record(loaded, to, { ...facts, draft: { ...facts.draft, votedText: { versionId: voted.record.id, contentHash: voted.contentHash } } }, by, caller);
    } else if (facts.type === 'sign' && facts.signing) {
      const signing = facts.signing;
      const voted = loaded.record.current.putToVote?.votedText;
      // Checked inside the transaction, with nothing in between: the signed version is made of this text.
      if (voted && currentNegotiatedHash(context, rooms, documentId) !== voted.contentHash) throw new ApiError('conflict', 'the signed text differs from the text put to the workers’ vote: nothing was signed (Labour Code 2019 Art. 76(1))', { reason: { key: 'vote_text_changed' } });
      const version = createSignedVersion(context, rooms, documentId, { participantId: by.recorded.participantId, name: `Thỏa ước đã ký ngày ${signing.signedOn.split('-').reverse().join('/')} — vòng ${round}` });
      record(loaded, to, { ...facts, signing: { ...signing, signedVersionId: version.id } }, by, caller);
    } else {
      record(loaded, to, facts, by, caller);
    }
  }

  /** Takes a step: the rules decide, then the step is stored, audited, and the text frozen or opened. */
  function take(documentId: string, action: LifecycleAction, caller: Caller): LoadedLifecycle {
    const document = visibleDocument(context, caller, documentId);
    assertNotArchived(document);
    const by = resolveActor(caller);
    const loaded = load(document);
    const decision = decideStep(loaded.record, loaded.state, action, by.actor, environment(loaded), by.recorded.name);
    if (!decision.ok) throw refusalError(decision.refusal);
    // The procedural facts of the text (the vote, the signing) follow the record after the step,
    // written in the step's transaction (decision 0013).
    const after = applyEvent(loaded.record, { to: decision.to, facts: decision.facts });
    // Everything the room holds is stored first, so that a version made by the step is the text as
    // it stands; then the versions, the step, the state and the facts are written in one
    // transaction. No sync message is handled in between: all of this runs synchronously.
    rooms.withRoom(documentId, (room) => room.flush());
    facts.transaction(documentId, document.kind, after, () => storeStep(loaded, decision.to, decision.facts, by, caller));
    context.events.emit('documentChanged', { documentId });
    notifyParties(documentId, 'lifecycle');
    const updated = store.documents.get(documentId);
    if (!updated) throw new ApiError('not_found', `no document with id "${documentId}"`, { reason: { key: 'document_not_found' } });
    return load(updated);
  }

  /** What is still open before the draft of an agreement goes to the vote. */
  function openItems(documentId: string, caller: Caller): OpenItems {
    const loaded = load(visibleDocument(context, caller, documentId));
    if (!isCollectiveAgreement(loaded.document.kind)) throw new ApiError('conflict', 'labour regulations are not bargained article by article: they have no vote of the workers (Labour Code 2019 Art. 118)', { reason: { key: 'regulations_no_vote' } });
    const readiness = voteReadiness(standingOf(loaded), loaded.record.current.leftOut);
    return {
      documentId,
      articleCount: readiness.articleCount,
      agreedCount: readiness.agreedCount,
      notAgreed: readiness.notAgreed.map((article) => ({ clauseId: article.clauseId, number: article.number, title: article.title, status: article.status === 'disputed' ? 'disputed' : 'open', leftOut: article.leftOut })),
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

    get(documentId: string, caller: Caller): LifecycleView {
      return view(load(visibleDocument(context, caller, documentId)), caller);
    },

    step(documentId: string, action: LifecycleAction, caller: Caller): LifecycleView {
      return view(take(documentId, action, caller), caller);
    },

    /** Brings every open document's mirrored state up to today (at start-up). */
    refreshAll(): void {
      for (const document of store.documents.list(false)) {
        try {
          load(document);
        } catch (error) {
          context.logger.log('error', 'lifecycle.refresh_failed', { document: document.id, error });
        }
      }
    },
  };
}
