import type { Logger } from '#main/logger';
import type { RedemptionLimiter } from '#main/kernel/redemptionLimiter';
import type { ServiceEvents } from '#main/kernel/serviceEvents';
import type { Timers } from '#main/kernel/timers';
import type { WorkspaceVariables } from '#main/kernel/variableLookup';
import type { Store } from '#main/store/port';

/** What every service needs; clocks and ids are injected so that tests are deterministic. */
export interface ServiceContext {
  store: Store;
  logger: Logger;
  now: () => number;
  newId: () => string;
  appVersion: string;
  events: ServiceEvents;
  /** Definitions of the variables the documents of a workspace may hold (built-in library, the workspace's template packs). */
  variables: WorkspaceVariables;
  /** The limits on guessing invitation codes, counted where every server process sees the same counts. */
  redemptionLimiter: RedemptionLimiter;
  /** Automatic versions: after how long without edits a person's edits become a version (default 3 minutes), and the timers that wait for it. */
  versioning?: VersioningOptions;
}

export interface VersioningOptions {
  idleMs?: number;
  timers?: Timers;
}
