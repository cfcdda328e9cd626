import { describeOperatorCommands } from '../cli/operatorSuite';
import { createTestDatabase } from '../helpers/postgres';
import { createTempFolder } from '../helpers/tempFolder';

describeOperatorCommands({
  name: '--store postgres://… (hosted)',
  async open() {
    const database = await createTestDatabase();
    const folder = createTempFolder('thoa-uoc-operator-');
    return {
      args: ['--store', database.url],
      location: { kind: 'postgres', url: database.url },
      dataFolder: folder.path,
      async dispose() {
        await database.drop();
        folder.remove();
      },
    };
  },
});
