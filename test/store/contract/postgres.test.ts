import { openPostgresStore } from '#main/store/postgres/postgresStore';
import { createTestDatabase } from '../../helpers/postgres';
import { describeStoreContract } from './storeContract';

describeStoreContract('PostgreSQL (hosted)', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresStore(database.url);
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});
