import type { ApiHandlers } from '#shared/api/contract';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createSuggestionsService } from '#main/negotiation/suggestionsService';

/** The suggestion methods of the API: decisions on suggestions, and whether suggesting is required. */
export function createSuggestionHandlers(context: ServiceContext, rooms: DocumentRooms): Pick<ApiHandlers, 'suggestions/decide' | 'suggestions/suggestValue' | 'suggestions/setRequired'> {
  const suggestions = createSuggestionsService(context, rooms);
  return {
    'suggestions/decide': async ({ documentId, decision, suggestions: seen }, caller) => ({
      decided: await suggestions.decide(documentId, decision, seen, caller),
    }),
    'suggestions/suggestValue': async ({ documentId, variableId, value }, caller) => ({
      suggestion: await suggestions.suggestValue(documentId, variableId, value, caller),
    }),
    'suggestions/setRequired': async ({ documentId, required }, caller) => suggestions.setRequired(documentId, required, caller),
  };
}
