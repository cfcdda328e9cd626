import { join } from 'node:path';
import { openSqliteStore } from '#main/store/sqlite/sqliteStore';
import { createTempFolder } from '../../helpers/tempFolder';
import { describeStoreContract } from './storeContract';

describeStoreContract('SQLite (embedded)', async () => {
  const folder = createTempFolder();
  const store = openSqliteStore(join(folder.path, 'thoa-uoc.sqlite'));
  return {
    store,
    async dispose() {
      await store.close();
      folder.remove();
    },
  };
});
