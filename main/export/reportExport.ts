import { throwIfCancelled, type CallContext } from '#shared/api/cancellation';
import type { Caller } from '#shared/api/caller';
import type { ApiHandlers, ApiParsedInput } from '#shared/api/contract';
import { ApiError } from '#shared/api/errors';
import type { LifecycleView } from '#shared/api/lifecycle';
import { indexDocument } from '#shared/compliance/documentIndex';
import { ruleNameById } from '#shared/compliance/ruleNames';
import { buildComplianceReportDocument } from '#shared/export/complianceReportModel';
import { buildMinutesDocument } from '#shared/export/minutesModel';
import { partyNames } from '#shared/export/parties';
import type { RenderDocument } from '#shared/export/renderModel';
import { buildReviewDecisionDocument } from '#shared/export/reviewDecisionModel';
import type { RoundFacts } from '#shared/lifecycle/model';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { DocumentRecord } from '#main/store/records';
import { readDocumentSnapshot, type OpenDocument } from '#main/export/documentSnapshot';

/**
 * Where the reports' data comes from: the API's own handlers, so that an export shows exactly what
 * the caller may read through them (the same access checks, the same errors, no internal notes).
 */
export interface ReportSources {
  minutes: ApiHandlers['negotiation/minutes'];
  complianceReport: ApiHandlers['compliance/report'];
  lifecycle: ApiHandlers['lifecycle/get'];
  review: ApiHandlers['review/get'];
}

type ReportInput = ApiParsedInput<'documents/exportReport'>;

/** The authority a round was sent to and when it received it, as the parties recorded them. */
function authorityOf(round: RoundFacts | undefined): { authority: string | null; receivedOn: string | null } {
  return {
    authority: round?.sentToAuthority?.authority ?? round?.registration?.authority ?? null,
    receivedOn: round?.sentToAuthority?.sentOn ?? round?.registration?.filedOn ?? null,
  };
}

function roundFacts(lifecycle: LifecycleView, round: number): RoundFacts | undefined {
  return [lifecycle.current, ...lifecycle.previous].find((facts) => facts.round === round);
}

/**
 * Builds the minutes, the compliance report or the authority's decision of a document as the
 * render model, in the language asked for (else the document's). A decision is refused until the
 * authority has answered.
 */
export async function buildReport(
  context: ServiceContext,
  sources: ReportSources,
  openDocument: OpenDocument | undefined,
  input: ReportInput,
  caller: Caller,
  call: CallContext | undefined,
): Promise<RenderDocument> {
  const { documentId } = input;
  const snapshot = () => {
    throwIfCancelled(call?.signal);
    return readDocumentSnapshot(documentId, context.store.updates, openDocument);
  };
  // Read after the source's own access check: the document exists and the caller may see it.
  const stored = async (): Promise<DocumentRecord> => {
    const document = await context.store.documents.get(documentId);
    if (!document) throw new ApiError('not_found', `no document with id "${documentId}"`, { reason: { key: 'document_not_found' } });
    return document;
  };
  switch (input.report) {
    case 'minutes': {
      const minutes = await sources.minutes({ documentId, since: input.since }, caller, call);
      const { variables, language } = await snapshot();
      const document = await stored();
      return buildMinutesDocument({
        minutes,
        kind: document.kind,
        parties: partyNames(variables),
        language: input.language ?? language,
        lookupVariable: context.variables(document.workspaceId),
      });
    }
    case 'compliance': {
      const report = await sources.complianceReport({ documentId }, caller, call);
      const lifecycle = await sources.lifecycle({ documentId }, caller, call);
      const reviewer = caller.kind === 'participant' && caller.side === 'reviewer' ? await context.store.participants.get(caller.participantId) : undefined;
      return buildComplianceReportDocument({
        report,
        kind: lifecycle.kind,
        authority: authorityOf(lifecycle.current).authority,
        checker: reviewer?.displayName ?? null,
        language: input.language ?? (await snapshot()).language,
      });
    }
    case 'decision': {
      const review = await sources.review({ documentId }, caller, call);
      if (!review.decision) {
        throw new ApiError(
          'conflict',
          review.lifecycle.sentToAuthority
            ? 'the labour authority has not decided on this document yet: there is no decision to export'
            : 'the document has not been sent to the labour authority: there is no decision to export (Labour Code Art. 77, 119)',
          { reason: review.lifecycle.sentToAuthority ? { key: 'decision_not_yet' } : { key: 'decision_not_sent' } },
        );
      }
      const { round, answer } = review.decision;
      const recorded = new Map((await context.store.reviewFindings.listByDocument(documentId)).map((finding) => [finding.id, finding]));
      const { blocks, variables, language } = await snapshot();
      return buildReviewDecisionDocument({
        documentTitle: (await stored()).title,
        kind: review.lifecycle.kind,
        parties: partyNames(variables),
        ...authorityOf(roundFacts(review.lifecycle, round)),
        round,
        answer,
        // The findings the decision recorded as part of its reasons, as they were written.
        findings: answer.findingIds
          .flatMap((id) => recorded.get(id) ?? [])
          .map(({ clauseId, ruleId, body }) => ({ clauseId, rule: ruleId === null ? null : ruleNameById(ruleId), body })),
        articles: indexDocument(blocks).articles,
        language: input.language ?? language,
      });
    }
  }
}
