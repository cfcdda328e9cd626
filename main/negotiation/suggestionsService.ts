import type { Caller } from '#shared/api/caller';
import { ApiError } from '#shared/api/errors';
import type { SuggestingRequired, WordSuggestionsReport } from '#shared/api/suggestions';
import { articleText, readArticle } from '#shared/document/articles';
import { documentLanguage, settingsRootName, variablesMap, variablesRootName } from '#shared/document/yjsContent';
import { variableText } from '#shared/export/blockRender';
import type { VariableValue } from '#shared/templates/schema';
import { isProceduralFact } from '#shared/lifecycle/proceduralFacts';
import { bargainingSides, type BargainingSide } from '#shared/negotiation/model';
import { negotiationMaps } from '#shared/negotiation/negotiationDocument';
import { bargainingSideOf } from '#shared/negotiation/proposalRules';
import {
  applySuggestionDecisions,
  articlesShowing,
  checkSuggestionDecision,
  currentValue,
  saveSuggestionRecord,
  suggestingRequestKey,
  suggestingRequiredKey,
  suggestingSettings,
  suggestionDecisionDone,
  suggestionRecords,
  suggestionsInBody,
  suggestedChange,
  suggestionsSwept,
  type SuggestedBlock,
  type SuggestionDecision,
  type SuggestionRecord,
  type SuggestionText,
} from '#shared/negotiation/suggestions';
import { validateVariableValue, variableNames } from '#shared/templates/variableValues';
import { actorOf, assertTextOpen, visibleDocument } from '#main/kernel/access';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createStoredVariableLookup } from '#main/kernel/variableLookup';
import type { TrackedParagraph } from '#main/import/wordRevisions';
import { negotiationActor, refuse } from '#main/negotiation/negotiationAccess';
import { applyWordSuggestions, planWordSuggestions } from '#main/negotiation/wordSuggestions';
import { recordNewSuggestions } from '#main/sync/suggestionMarks';

const iso = (ms: number): string => new Date(ms).toISOString();

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;

/**
 * Decisions on suggestions (decision 0024): the other side accepts or rejects, the author's side
 * withdraws, each on the text its caller saw; and whether suggesting is required, which the host
 * sets, or both sides agree on.
 */
export function createSuggestionsService(context: ServiceContext, rooms: DocumentRooms) {
  /** Only a bargaining participant imports suggestions, into an open text: not the host, not a reviewer. */
  async function checkImporter(documentId: string, caller: Caller) {
    const document = await visibleDocument(context, caller, documentId);
    assertTextOpen(document);
    const actor = await negotiationActor(context, caller, documentId, true);
    const side = bargainingSideOf(actor);
    if (typeof side !== 'string') throw new ApiError(side.code, side.message, { reason: { key: side.reason } });
    return { document, actor, side };
  }

  return {
    checkImporter,

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
          // A suggested value is stale once the value it changes is no longer the document's (decision
          // 0028): it may no longer be accepted, only rejected or withdrawn.
          if (record.value !== undefined) {
            if (decision === 'accept' && currentValue(room.doc, record.value.variableId) !== record.value.from)
              throw new ApiError('conflict', `the value that "${view.id}" changes is no longer the document's: nothing was decided`, {
                reason: { key: 'suggestion_stale' },
              });
            return { record, clauseId: null };
          }
          if (
            !current ||
            current.inserted !== view.inserted ||
            current.deleted !== view.deleted ||
            !sameFormat(current, view) ||
            !sameBlocks(current.blocks, view.blocks)
          )
            throw new ApiError('conflict', `the suggestion "${view.id}" changed since it was shown: nothing was decided`, {
              reason: { key: 'suggestion_stale' },
            });
          return { record, clauseId: current.clauseId, text: suggestedChange(current) };
        });
        const ids = new Set(chosen.map(({ record }) => record.id));
        const swept = suggestionsSwept(room.doc, decision === 'accept' ? ids : new Set(), decision === 'accept' ? new Set() : ids);
        if ([...swept].some((id) => records.get(id)?.status === 'pending'))
          throw new ApiError('conflict', 'a block this decision removes holds other pending suggestions: decide them first', {
            reason: { key: 'suggestion_holds_others' },
          });
        const authors = new Set(chosen.map(({ record }) => record.authorId));
        const now = iso(context.now());
        const done = chosen.map(({ record, text }) => ({
          ...record,
          status: suggestionDecisionDone[decision],
          decidedAt: now,
          decidedByName: actor.participant.displayName,
          decidedText: text,
        }));
        const agreedTouched = [...new Set(chosen.flatMap(({ clauseId }) => (clauseId === null ? [] : [clauseId])))].filter(
          (clauseId) => negotiationMaps(room.doc).article(clauseId).status === 'agreed',
        );
        // An accepted value is the other side's consent: the agreed articles showing it stay agreed on it.
        const acceptedValues = decision === 'accept' ? chosen.flatMap(({ record }) => (record.value === undefined ? [] : [record.value])) : [];
        // Written as the suggestions' author when they share one, so that what it removes is theirs in the history.
        const [onlyAuthor] = authors;
        await room.change(authors.size === 1 && onlyAuthor !== undefined ? onlyAuthor : null, (doc) => {
          applySuggestionDecisions(doc, decision === 'accept' ? ids : new Set(), decision === 'accept' ? new Set() : ids);
          for (const { variableId, to } of acceptedValues) doc.getMap<unknown>(variablesRootName).set(variableId, to);
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
     * Makes a party's Word tracked changes the caller's suggestions (decision 0030), in one server
     * change attributed to the caller: author and side are the caller's, never the file's
     * w:author. The paragraphs that cannot be mapped are reported, each untouched.
     */
    async importWord(documentId: string, fileName: string, paragraphs: readonly TrackedParagraph[], caller: Caller): Promise<WordSuggestionsReport> {
      const { document, actor, side } = await checkImporter(documentId, caller);
      const lookupVariable = await createStoredVariableLookup(context.store, document.workspaceId);
      const report = await rooms.withRoom(documentId, async (room) => {
        const textContext = { values: variablesMap(room.doc).toJSON() as Record<string, VariableValue>, lookupVariable };
        const language = documentLanguage(room.doc);
        const { plans, skipped } = planWordSuggestions(room.doc, paragraphs, (variableId) => variableText(variableId, language, textContext), context.newId);
        const ids = new Set(plans.flatMap((plan) => plan.ids));
        if (ids.size > 0) {
          const author = { id: actor.participantId, displayName: actor.participant.displayName, side };
          await room.change(actor.participantId, (doc) => {
            applyWordSuggestions(plans);
            recordNewSuggestions(doc, ids, author, iso(context.now()));
          });
        }
        return { fileName, made: ids.size, paragraphs: plans.length, skipped };
      });
      await context.store.audit.record({
        at: context.now(),
        actor: `participant:${actor.participantId}`,
        action: 'suggestion.imported_from_word',
        documentId,
        details: { fileName, made: report.made, skipped: report.skipped.length },
      });
      return report;
    },

    /**
     * Suggests a value for a variable (decision 0028): validated as a value written through sync
     * is (S13), recorded with the caller's participant as author, and written only when the other
     * side accepts it. Not by reviewers, nor once the text is frozen.
     */
    async suggestValue(documentId: string, variableId: string, value: VariableValue, caller: Caller): Promise<SuggestionRecord> {
      const document = await visibleDocument(context, caller, documentId);
      assertTextOpen(document);
      const actor = await negotiationActor(context, caller, documentId, true);
      const side = bargainingSideOf(actor);
      if (typeof side !== 'string') throw new ApiError(side.code, side.message, { reason: { key: side.reason } });
      const definition = context.variables(document.workspaceId)(variableId);
      if (isProceduralFact(variableId))
        throw new ApiError('invalid_input', `${variableId}: this fact is filled from the lifecycle record when its step is recorded, never suggested`, {
          reason: { key: 'fact_from_lifecycle', values: { label: variableNames(definition) } },
        });
      if (!definition) throw new ApiError('invalid_input', `${variableId}: unknown variable`, { reason: { key: 'unknown_variable' } });
      const problem = validateVariableValue(definition, value);
      if (problem) throw new ApiError('invalid_input', `${variableId}: ${problem.en}`, { reason: { key: 'explained', text: problem } });
      const record = await rooms.withRoom(documentId, async (room) => {
        const from = currentValue(room.doc, variableId);
        if (from === value)
          throw new ApiError('invalid_input', `${variableId}: this is its value already`, {
            reason: { key: 'explained', text: { vi: 'Giá trị đề nghị trùng với giá trị hiện có.', en: 'The suggested value is the value it has already.' } },
          });
        const created: SuggestionRecord = {
          id: context.newId(),
          authorId: actor.participantId,
          authorName: actor.participant.displayName,
          side,
          createdAt: iso(context.now()),
          clauseId: articlesShowing(room.doc, variableId)[0] ?? null,
          status: 'pending',
          decidedAt: null,
          decidedByName: null,
          value: { variableId, from, to: value },
        };
        await room.change(actor.participantId, (doc) => saveSuggestionRecord(doc, created));
        return created;
      });
      await context.store.audit.record({
        at: context.now(),
        actor: `participant:${actor.participantId}`,
        action: 'suggestion.value_suggested',
        documentId,
        details: { suggestionId: record.id, variableId },
      });
      return record;
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

/** Whether a suggestion reads, in its format change, as its decider saw it (both without one, or the same one). */
function sameFormat(current: SuggestionText, seen: SuggestionText): boolean {
  return JSON.stringify(current.format ?? null) === JSON.stringify(seen.format ?? null);
}

/** Whether a suggestion's blocks are those its decider saw (decision 0027): same changes, types and texts, in order. */
function sameBlocks(current: readonly SuggestedBlock[] | undefined, seen: readonly SuggestedBlock[] | undefined): boolean {
  return JSON.stringify(current ?? []) === JSON.stringify((seen ?? []).map(({ change, type, text }) => ({ change, type, text })));
}

function otherSide(side: BargainingSide): BargainingSide {
  return bargainingSides.find((candidate) => candidate !== side) as BargainingSide;
}
