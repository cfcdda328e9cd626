import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readAppVersion } from '#main/appVersion';
import type { Logger } from '#main/logger';
import { randomId } from '#main/secrets';
import { createAuthentication } from '#main/services/authentication';
import type { ServiceContext } from '#main/services/serviceContext';
import { createServiceEvents } from '#main/services/serviceEvents';
import { databaseFileName } from '#main/server/dataFolder';
import { openStore } from '#main/store/store';

/** Opens the data folder's database and builds the service context over it. */
export function openServices(dataFolder: string, logger: Logger) {
  mkdirSync(dataFolder, { recursive: true });
  const store = openStore(join(dataFolder, databaseFileName));
  const context: ServiceContext = {
    store,
    logger,
    now: () => Date.now(),
    newId: () => randomId(),
    appVersion: readAppVersion(),
    events: createServiceEvents(),
  };
  return { context, authentication: createAuthentication(context) };
}
