import type { ApiHandlers } from '#shared/api/contract';
import type { DocumentRooms } from '#main/kernel/documentRooms';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createCostingExport } from '#main/export/costingExport';
import { createChromiumPrinter, type PdfPrinter } from '#main/export/pdf';
import { createCostingService } from '#main/negotiation/costingService';

type CostingMethod = 'costing/scenarios' | 'costing/saveScenario' | 'costing/deleteScenario' | 'costing/publishScenario' | 'costing/export';

/** The costing half of the negotiation's API: each side's scenarios, their publication, and the exports of costings (decision 0023). */
export function createCostingHandlers(context: ServiceContext, rooms: DocumentRooms, printPdf: PdfPrinter | undefined): Pick<ApiHandlers, CostingMethod> {
  const costing = createCostingService(context, rooms);
  // Without a printer of the caller's, one is made on the first PDF asked for.
  let printer = printPdf;
  const exportCosting = createCostingExport(context, rooms, costing, () => (printer ??= createChromiumPrinter().print));
  return {
    'costing/scenarios': async ({ documentId }, caller) => costing.list(documentId, caller),
    'costing/saveScenario': async (input, caller) => costing.save(input, caller),
    'costing/deleteScenario': async ({ documentId, scenarioId }, caller) => ({ deleted: await costing.remove(documentId, scenarioId, caller) }),
    'costing/publishScenario': async ({ documentId, scenarioId }, caller) => costing.publish(documentId, scenarioId, caller),
    'costing/export': async (input, caller, call) => exportCosting(input, caller, call),
  };
}
