import type { ApiHandlers } from '#shared/api/contract';
import { indexDocument } from '#shared/compliance/documentIndex';
import { visibleDocument } from '#main/kernel/access';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { readDocumentSnapshot, type OpenDocument } from '#main/export/documentSnapshot';

/** documents/articles: a document's articles as it reads now (the live copy when it is open), numbered as the editor numbers them. */
export function createDocumentArticlesHandler(context: ServiceContext, openDocument: OpenDocument | undefined): Pick<ApiHandlers, 'documents/articles'> {
  return {
    'documents/articles': async (input, caller) => {
      const document = await visibleDocument(context, caller, input.documentId);
      const { blocks } = await readDocumentSnapshot(document.id, context.store.updates, openDocument);
      return indexDocument(blocks).articles.map(({ clauseId, number, title }) => ({ clauseId, number, title }));
    },
  };
}
