import type { ApiHandlers } from '#shared/api/contract';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import type { FileWorkers } from '#main/export/fileWorkers';
import { createSuggestionsService } from '#main/negotiation/suggestionsService';

/**
 * The suggestion methods of the API: decisions on suggestions, values suggested, whether suggesting is required, and
 * a party's Word tracked changes imported as suggestions (the file read in the file worker).
 */
export function createSuggestionHandlers(
  context: ServiceContext,
  rooms: DocumentRooms,
  fileWorkers: FileWorkers,
): Pick<ApiHandlers, 'suggestions/decide' | 'suggestions/suggestValue' | 'suggestions/setRequired' | 'suggestions/importWord'> {
  const suggestions = createSuggestionsService(context, rooms);
  return {
    'suggestions/decide': async ({ documentId, decision, suggestions: seen }, caller) => ({
      decided: await suggestions.decide(documentId, decision, seen, caller),
    }),
    'suggestions/suggestValue': async ({ documentId, variableId, value }, caller) => ({
      suggestion: await suggestions.suggestValue(documentId, variableId, value, caller),
    }),
    'suggestions/setRequired': async ({ documentId, required }, caller) => suggestions.setRequired(documentId, required, caller),
    'suggestions/importWord': async ({ documentId, fileBase64, fileName }, caller, call) => {
      // Who may import is settled before the file is read: a refused caller costs no worker time.
      await suggestions.checkImporter(documentId, caller);
      const paragraphs = await fileWorkers.readTrackedChanges(fileBase64, call?.signal);
      return suggestions.importWord(documentId, fileName, paragraphs, caller);
    },
  };
}
