// The file worker's entry when the server runs as TypeScript (tsx, vitest). Node 20 gives a worker
// thread none of its parent's module hooks, and `execArgv: ['--import', 'tsx']` does not load .ts
// there: tsx is registered in the thread itself before the TypeScript entry is imported.
import { register } from 'tsx/esm/api';

register();
await import('./fileWorker.ts');
