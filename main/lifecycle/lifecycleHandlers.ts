import type { ApiHandlers } from '#shared/api/contract';
import type { lifecycleMethods } from '#shared/api/lifecycle';
import type { reviewMethods } from '#shared/api/review';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createLifecycleService } from '#main/lifecycle/lifecycleService';
import { createReviewService } from '#main/lifecycle/reviewService';

type LifecycleMethod = keyof typeof lifecycleMethods | keyof typeof reviewMethods;

/**
 * The lifecycle and review half of the API: steps through the procedure of the Labour Code, the
 * compliance report run on the server, and the labour authority's queue, findings and decisions.
 * The mirrored states of every document are brought up to today when the server starts.
 */
export function createLifecycleHandlers(context: ServiceContext, rooms: DocumentRooms): Pick<ApiHandlers, LifecycleMethod> {
  const lifecycle = createLifecycleService(context, rooms);
  const review = createReviewService(context, rooms, lifecycle);
  // Calls wait for it: the state they would see is today's.
  const refreshed = lifecycle.refreshAll();
  return {
    'lifecycle/get': async ({ documentId }, caller) => {
      await refreshed;
      return lifecycle.get(documentId, caller);
    },
    'lifecycle/step': async ({ documentId, step }, caller) => {
      await refreshed;
      return lifecycle.step(documentId, step, caller);
    },
    'lifecycle/openItems': async ({ documentId }, caller) => lifecycle.openItems(documentId, caller),
    'compliance/report': async ({ documentId }, caller) => review.report(documentId, caller),
    'review/queue': async (_input, caller) => review.queue(caller),
    'review/open': async ({ documentId }, caller) => review.open(documentId, caller),
    'review/get': async ({ documentId }, caller) => review.get(documentId, caller),
    'review/addFinding': async (input, caller) => review.addFinding(input, caller),
    'review/withdrawFinding': async ({ documentId, findingId }, caller) => review.withdrawFinding(documentId, findingId, caller),
    'review/decide': async ({ documentId, decision, reasons }, caller) => review.decide(documentId, decision, reasons, caller),
  };
}
