import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { SuggestingRequired } from '#shared/api/suggestions';
import { articleText, readArticle } from '#shared/document/articles';
import { settingsRootName } from '#shared/document/yjsContent';
import { bargainingSides, type BargainingSide } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { bargainingSideOf } from '#shared/negotiation/proposalRules';
import {
  applySuggestionDecisions,
  checkSuggestionDecision,
  saveSuggestionRecord,
  suggestingRequestKey,
  suggestingRequiredKey,
  suggestingSettings,
  suggestionDecisionDone,
  suggestionRecords,
  suggestionsInBody,
  suggestionsSwept,
  type SuggestedBlock,
  type SuggestionDecision,
  type SuggestionRecord,
  type SuggestionText,
} from '#shared/negotiation/suggestions';
import { actorOf, assertTextOpen, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { negotiationActor, refuse } from '#main/negotiation/negotiationAccess';

const iso = (ms: number): string => new Date(ms).toISOString();

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;

/**
 * Decisions on suggestions (decision 0024): the other side accepts or rejects, the author's side
 * withdraws, each on the text its caller saw; and whether suggesting is required, which the host
 * sets, or both sides agree on.
 */
export function createSuggestionsService(context: ServiceContext, rooms: DocumentRooms) {
  return {
    /**
     * Takes one decision on the named suggestions in one server change: all of them, or none when
     * one may not be decided by this caller, is no longer pending, or no longer reads as the
     * caller saw it. An agreed article a decision changes stays agreed on its new text (0015).
     */
    async decide(documentId: string, decision: SuggestionDecision, seen: readonly SuggestionText[], caller: Caller): Promise<SuggestionRecord[]> {
      assertTextOpen(await visibleDocument(context, caller, documentId));
      const actor = await negotiationActor(context, caller, documentId, true);
      const decided = await rooms.withRoom(documentId, async (room) => {
        // Read, checked and changed without a pause: no update comes in between (the room applies
        // updates in the event loop's turns, and this runs in one).
        const records = suggestionRecords(room.doc);
        const inBody = new Map(suggestionsInBody(room.doc).map((suggestion) => [suggestion.id, suggestion]));
        const chosen = seen.map((view) => {
          const record = records.get(view.id);
          const current = inBody.get(view.id);
          if (!record) throw new ApiError('not_found', `no suggestion "${view.id}" in this document`, { reason: { key: 'suggestion_not_found' } });
          refuse(checkSuggestionDecision(record, decision, actor));
          if (!current || current.inserted !== view.inserted || current.deleted !== view.deleted || !sameBlocks(current.blocks, view.blocks))
            throw new ApiError('conflict', `the suggestion "${view.id}" changed since it was shown: nothing was decided`, {
              reason: { key: 'suggestion_stale' },
            });
          return { record, clauseId: current.clauseId };
        });
        const ids = new Set(chosen.map(({ record }) => record.id));
        const swept = suggestionsSwept(room.doc, decision === 'accept' ? ids : new Set(), decision === 'accept' ? new Set() : ids);
        if ([...swept].some((id) => records.get(id)?.status === 'pending'))
          throw new ApiError('conflict', 'a block this decision removes holds other pending suggestions: decide them first', {
            reason: { key: 'suggestion_holds_others' },
          });
        const authors = new Set(chosen.map(({ record }) => record.authorId));
        const now = iso(context.now());
        const done = chosen.map(({ record }) => ({
          ...record,
          status: suggestionDecisionDone[decision],
          decidedAt: now,
          decidedByName: actor.participant.displayName,
        }));
        const agreedTouched = [...new Set(chosen.flatMap(({ clauseId }) => (clauseId === null ? [] : [clauseId])))].filter(
          (clauseId) => negotiationMaps(room.doc).article(clauseId).status === 'agreed',
        );
        // Written as the suggestions' author when they share one, so that what it removes is theirs in the history.
        const [onlyAuthor] = authors;
        await room.change(authors.size === 1 && onlyAuthor !== undefined ? onlyAuthor : null, (doc) => {
          applySuggestionDecisions(doc, decision === 'accept' ? ids : new Set(), decision === 'accept' ? new Set() : ids);
          for (const record of done) saveSuggestionRecord(doc, record);
          const maps = negotiationMaps(doc);
          for (const clauseId of agreedTouched) {
            const article = readArticle(doc, clauseId);
            if (article) maps.saveArticle({ ...maps.article(clauseId), agreedText: articleText(article) });
          }
        });
        return done;
      });
      await context.store.audit.record({
        at: context.now(),
        actor: `participant:${actor.participantId}`,
        action: `suggestion.${suggestionDecisionDone[decision]}`,
        documentId,
        details: { suggestionIds: decided.map((record) => record.id), authors: [...new Set(decided.map((record) => record.authorId))] },
      });
      return decided;
    },

    /**
     * Requires suggesting, or stops requiring it: the host does it at once; a side asks, and it
     * takes effect when the other side asks the same.
     */
    async setRequired(documentId: string, required: boolean, caller: Caller): Promise<SuggestingRequired> {
      assertTextOpen(await visibleDocument(context, caller, documentId));
      const actor = caller.kind === 'admin' ? null : await negotiationActor(context, caller, documentId, true);
      const side = actor ? bargainingSideOf(actor) : null;
      if (side !== null && typeof side !== 'string') throw new ApiError(side.code, side.message, { reason: { key: side.reason } });
      const result = await rooms.withRoom(documentId, async (room) => {
        const current = suggestingSettings(room.doc);
        if (current.required === required)
          throw new ApiError('conflict', `suggesting is ${required ? 'already' : 'not'} required in this document`, {
            reason: { key: 'suggesting_required_unchanged' },
          });
        const agreedByBoth = side === null || (current.request !== null && current.request.side === otherSide(side) && current.request.required === required);
        const next: SuggestingRequired = agreedByBoth
          ? { required, request: null }
          : { required: current.required, request: { side, required, byName: actor?.participant.displayName ?? '', at: iso(context.now()) } };
        await room.change(actor?.participantId ?? null, (doc) => {
          const settings = doc.getMap<unknown>(settingsRootName);
          settings.set(suggestingRequiredKey, next.required);
          if (next.request === null) settings.delete(suggestingRequestKey);
          else settings.set(suggestingRequestKey, next.request);
        });
        return next;
      });
      await context.store.audit.record({
        at: context.now(),
        actor: actorOf(caller),
        action: result.request === null ? 'suggestions.required_set' : 'suggestions.required_requested',
        documentId,
        details: { required },
      });
      return result;
    },
  };
}

/** Whether a suggestion's blocks are those its decider saw (decision 0027): same changes, types and texts, in order. */
function sameBlocks(current: readonly SuggestedBlock[] | undefined, seen: readonly SuggestedBlock[] | undefined): boolean {
  return JSON.stringify(current ?? []) === JSON.stringify((seen ?? []).map(({ change, type, text }) => ({ change, type, text })));
}

function otherSide(side: BargainingSide): BargainingSide {
  return bargainingSides.find((candidate) => candidate !== side) as BargainingSide;
}
