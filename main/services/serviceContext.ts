import type { VariableLookup } from '#shared/templates/variableValues';
import type { Logger } from '#main/logger';
import type { ServiceEvents } from '#main/services/serviceEvents';
import type { Store } from '#main/store/store';

/** What every service needs; clocks and ids are injected so that tests are deterministic. */
export interface ServiceContext {
  store: Store;
  logger: Logger;
  now: () => number;
  newId: () => string;
  appVersion: string;
  events: ServiceEvents;
  /** Definitions of the variables a document may hold (built-in library, user templates). */
  lookupVariable: VariableLookup;
}
