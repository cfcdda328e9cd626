import { hostWorkspaceOf, type Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { ComplianceReport } from '#shared/api/lifecycle';
import type { ReviewFinding, ReviewQueueItem, ReviewSeat, ReviewView } from '#shared/api/review';
import { UnknownHolidayYearError } from '#shared/calendar/publicHolidays';
import { weekendRestCalendar, workingDaysLeft } from '#shared/calendar/workingDays';
import { checkDocument, complianceBasis } from '#shared/compliance/checkDocument';
import { indexDocument } from '#shared/compliance/documentIndex';
import { countFindings } from '#shared/compliance/report';
import { ruleNameById } from '#shared/compliance/ruleNames';
import type { TopLevelBlock } from '#shared/document/nodes';
import { readContent, variablesMap } from '#shared/document/yjsContent';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import { proceduralChecklist } from '#shared/lifecycle/checklist';
import { textFactsOf } from '#shared/lifecycle/complianceInput';
import { answerDeadline } from '#shared/lifecycle/deadlines';
import type { ReviewDecision } from '#shared/lifecycle/model';
import { latestAnswer, type LifecycleRecord } from '#shared/lifecycle/record';
import { isSentToAuthority, sentToAuthorityOn } from '#shared/lifecycle/timeStates';
import type { VariableValue } from '#shared/templates/schema';
import { actorOf, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import { toDocumentMeta, toParticipant } from '#main/kernel/dto';
import { reviewerSeat } from '#main/kernel/reviewerSeats';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { ReviewFindingRecord } from '#main/store/records';
import type { LifecycleService, LoadedLifecycle, ResolvedActor } from '#main/lifecycle/lifecycleService';
import { workspaceDialogueChecks } from '#main/dialogue/dialogueChecks';

const iso = (ms: number): string => new Date(ms).toISOString();

function toFinding(record: ReviewFindingRecord): ReviewFinding {
  return {
    id: record.id,
    documentId: record.documentId,
    round: record.round,
    clauseId: record.clauseId,
    ruleId: record.ruleId,
    rule: record.ruleId === null ? null : ruleNameById(record.ruleId),
    body: record.body,
    authorName: record.authorName,
    createdAt: iso(record.createdAt),
    withdrawnAt: record.withdrawnAt === null ? null : iso(record.withdrawnAt),
  };
}

/** The latest answer of the authority: in the round in progress, else in the latest round that had one. */
function latestDecision(record: LifecycleRecord): ReviewView['decision'] {
  for (const round of [record.current, ...[...record.previous].reverse()]) {
    const answer = latestAnswer(round);
    if (answer) return { round: round.round, answer };
  }
  return null;
}

export type ReviewService = ReturnType<typeof createReviewService>;

/**
 * The labour authority's side: the queue of documents sent to it, the compliance report and the
 * procedural checklist of each, the findings a reviewer writes on articles, and the decision.
 * Reviewers never change the text: findings and decisions live beside it, in SQLite.
 */
export function createReviewService(context: ServiceContext, rooms: DocumentRooms, lifecycle: LifecycleService) {
  const { store } = context;

  /** The caller as a reviewer participant of the document; anyone else is refused. */
  async function reviewerOf(caller: Caller, documentId: string): Promise<ResolvedActor> {
    await visibleDocument(context, caller, documentId);
    const resolved = await lifecycle.resolveActor(caller);
    if (resolved.actor.kind !== 'participant' || resolved.actor.side !== 'reviewer' || !resolved.recorded.participantId) {
      throw new ApiError('forbidden', 'only a reviewer of the labour authority writes findings and decides; the parties answer them by amending the text', {
        reason: { key: 'review_reviewer_only' },
      });
    }
    return resolved;
  }

  function sentOrRefuse(loaded: LoadedLifecycle): void {
    if (!isSentToAuthority(loaded.record)) {
      throw new ApiError(
        'conflict',
        `the document has not been sent to the authority (it is "${loaded.state}"): there is nothing to review yet (Labour Code Art. 77, 119)`,
        { reason: { key: 'review_not_sent' } },
      );
    }
  }

  function answerDeadlineOf(loaded: LoadedLifecycle): ReviewView['answerDeadline'] {
    const filedOn = isCollectiveAgreement(loaded.record.kind) ? undefined : loaded.record.current.registration?.filedOn;
    if (!filedOn) return null;
    try {
      const due = answerDeadline(filedOn);
      return { due, workingDaysLeft: workingDaysLeft(loaded.today, due, weekendRestCalendar) };
    } catch (error) {
      if (error instanceof UnknownHolidayYearError) return { reason: error.reason };
      throw error;
    }
  }

  function readBlocks(documentId: string): Promise<TopLevelBlock[]> {
    return rooms.withRoom(documentId, (room) => readContent(room.doc));
  }

  async function activeFindings(documentId: string): Promise<ReviewFindingRecord[]> {
    return (await store.reviewFindings.listByDocument(documentId)).filter((finding) => finding.withdrawnAt === null);
  }

  async function reviewView(loaded: LoadedLifecycle, caller: Caller): Promise<ReviewView> {
    const { document, record } = loaded;
    const variables = await rooms.withRoom(document.id, (room) => variablesMap(room.doc).toJSON() as Record<string, VariableValue>);
    return {
      lifecycle: lifecycle.view(loaded, caller),
      checklist: [
        ...proceduralChecklist(record, loaded.today, textFactsOf(variables)),
        // The workspace's dialogue records, checked as the compliance check reads them (decision 0022).
        ...(await workspaceDialogueChecks(context, document.workspaceId, loaded.today)).map((check, index) => ({
          id: `${check.ruleId}:${check.dialogueId ?? 'workspace'}:${index}`,
          status: check.status,
          citation: check.citation,
          message: check.message,
        })),
      ],
      findings: (await activeFindings(document.id)).map(toFinding),
      decision: latestDecision(record),
      answerDeadline: answerDeadlineOf(loaded),
      canReview: caller.kind === 'participant' && caller.side === 'reviewer' && document.archivedAt === null && isSentToAuthority(record),
    };
  }

  return {
    /**
     * Documents sent to the authority: those of their workspace for a host, the reviewer's own for
     * a reviewer token, and for an authority's reviewer those whose round in progress was sent to
     * their authority, from every workspace.
     */
    async queue(caller: Caller): Promise<ReviewQueueItem[]> {
      if (caller.kind === 'participant' && caller.side !== 'reviewer')
        throw new ApiError('forbidden', 'the review queue is the labour authority’s: reviewer tokens and the host read it', {
          reason: { key: 'review_queue_authority' },
        });
      const documents =
        caller.kind === 'admin'
          ? await store.documents.listInWorkspace(hostWorkspaceOf(caller), false)
          : caller.kind === 'participant'
            ? [await visibleDocument(context, caller, caller.documentId)].filter((document) => document.archivedAt === null)
            : caller.kind === 'authorityReviewer'
              ? await store.documents.listSentTo(caller.authorityId)
              : [];
      const items: ReviewQueueItem[] = [];
      for (const document of documents) {
        const loaded = await lifecycle.load(document);
        const sentOn = sentToAuthorityOn(loaded.record);
        if (!isSentToAuthority(loaded.record) || !sentOn) continue;
        items.push({
          document: toDocumentMeta(loaded.document),
          round: loaded.record.round,
          sentOn,
          answerDeadline: answerDeadlineOf(loaded),
          decision: latestAnswer(loaded.record.current)?.decision ?? null,
          findings: (await activeFindings(document.id)).filter((finding) => finding.round === loaded.record.round).length,
        });
      }
      // Undecided first, the earliest sent first.
      return items.sort((a, b) => Number(a.decision !== null) - Number(b.decision !== null) || a.sentOn.localeCompare(b.sentOn));
    },

    /** An authority's reviewer opens a document sent to their authority: the reviewer participant they review it as. */
    async open(documentId: string, caller: Caller): Promise<ReviewSeat> {
      if (caller.kind !== 'authorityReviewer')
        throw new ApiError(
          'forbidden',
          'only a reviewer of a labour authority opens a document from the authority’s queue; the host invites a reviewer participant instead',
        );
      const seat = await reviewerSeat(context, caller, documentId);
      const document = await store.documents.get(documentId);
      if (!document) throw new ApiError('not_found', `no document with id "${documentId}"`);
      return { participant: toParticipant(seat), document: toDocumentMeta(document) };
    },

    /** The review as the reviewer and both parties see it. */
    async get(documentId: string, caller: Caller): Promise<ReviewView> {
      return reviewView(await lifecycle.load(await visibleDocument(context, caller, documentId)), caller);
    },

    /** The compliance check run here, on the server's copy, with the lifecycle's dates and vote. */
    async report(documentId: string, caller: Caller): Promise<ComplianceReport> {
      const loaded = await lifecycle.load(await visibleDocument(context, caller, documentId));
      const { input, blocks } = await lifecycle.complianceInput(loaded);
      const findings = checkDocument({ ...input, dialogueChecks: await workspaceDialogueChecks(context, loaded.document.workspaceId, loaded.today) });
      const basis = complianceBasis(input);
      return {
        documentId,
        title: loaded.document.title,
        findings,
        counts: countFindings(findings),
        basis: {
          legalDate: basis.legalDate,
          legalDateSource: basis.legalDateSource,
          ...(basis.region ? { region: basis.region } : {}),
          ...(basis.minimumWage ? { minimumWage: basis.minimumWage.decree } : {}),
          publicHolidayDays: basis.publicHolidayDays.total,
        },
        articles: indexDocument(blocks).articles.map((article) => ({ clauseId: article.clauseId, number: article.number, title: article.title })),
        checkedOn: loaded.today,
      };
    },

    async addFinding(input: { documentId: string; clauseId: string; body: string; ruleId?: string | undefined }, caller: Caller): Promise<ReviewFinding> {
      const reviewer = await reviewerOf(caller, input.documentId);
      const loaded = await lifecycle.load(await visibleDocument(context, caller, input.documentId));
      sentOrRefuse(loaded);
      if (input.ruleId !== undefined && ruleNameById(input.ruleId) === null)
        throw new ApiError('invalid_input', `ruleId: no compliance rule "${input.ruleId}"`, { reason: { key: 'rule_unknown' } });
      const articles = indexDocument(await readBlocks(input.documentId)).articles;
      if (!articles.some((article) => article.clauseId === input.clauseId))
        throw new ApiError('not_found', `no article "${input.clauseId}" in this document`, { reason: { key: 'article_not_found' } });
      const record: ReviewFindingRecord = {
        id: context.newId(),
        documentId: input.documentId,
        round: loaded.record.round,
        clauseId: input.clauseId,
        ruleId: input.ruleId ?? null,
        body: input.body,
        authorId: reviewer.recorded.participantId ?? '',
        authorName: reviewer.recorded.name ?? '',
        createdAt: context.now(),
        withdrawnAt: null,
      };
      await store.transaction(async (tx) => {
        await tx.reviewFindings.insert(record);
        await tx.audit.record({
          at: record.createdAt,
          actor: actorOf(caller),
          action: 'review.finding_added',
          documentId: input.documentId,
          details: { findingId: record.id, clauseId: record.clauseId, ruleId: record.ruleId, round: record.round },
        });
      });
      lifecycle.notifyParties(input.documentId, 'review');
      return toFinding(record);
    },

    async withdrawFinding(documentId: string, findingId: string, caller: Caller): Promise<ReviewFinding> {
      await reviewerOf(caller, documentId);
      const at = context.now();
      const finding = await store.transaction(
        async (tx) => {
          const found = await tx.reviewFindings.get(documentId, findingId);
          if (!found) throw new ApiError('not_found', `no finding "${findingId}" on this document`, { reason: { key: 'finding_not_found' } });
          if (found.withdrawnAt !== null) throw new ApiError('conflict', 'this finding has already been withdrawn', { reason: { key: 'finding_withdrawn' } });
          await tx.reviewFindings.withdraw(findingId, at);
          await tx.audit.record({ at, actor: actorOf(caller), action: 'review.finding_withdrawn', documentId, details: { findingId } });
          return found;
        },
        { documentId },
      );
      lifecycle.notifyParties(documentId, 'review');
      return toFinding({ ...finding, withdrawnAt: at });
    },

    /** The authority's answer, with the findings of the round as part of its reasons. */
    async decide(documentId: string, decision: ReviewDecision, reasons: string[], caller: Caller): Promise<ReviewView> {
      await reviewerOf(caller, documentId);
      const before = await lifecycle.load(await visibleDocument(context, caller, documentId));
      const findingIds = (await activeFindings(documentId)).filter((finding) => finding.round === before.record.round).map((finding) => finding.id);
      const loaded = await lifecycle.take(documentId, { type: 'record_authority_answer', decidedOn: before.today, decision, reasons, findingIds }, caller);
      lifecycle.notifyParties(documentId, 'review');
      return reviewView(loaded, caller);
    },
  };
}
