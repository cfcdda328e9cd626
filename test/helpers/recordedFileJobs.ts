import type { ApiHandlers } from '#shared/api/contract';
import type { TopLevelBlock } from '#shared/document/nodes';
import { createFileWorkers, type FileWorkers } from '#main/export/fileWorkers';
import { createMemoryLogger } from '#main/logger';
import { openServices } from '#main/server/services';
import { createApiHandlers } from '#main/wiring/apiHandlers';
import type { ServiceContext } from '#main/kernel/serviceContext';
import { createSyncServer } from '#main/sync/syncServer';
import { createTempFolder } from './tempFolder';

/** A call the server made to its file worker: which job, with what. */
export interface FileJobCall {
  method: string;
  args: unknown[];
}

/** The real file worker, every job the server gives it written down (and told to `onJob`) first. */
function recording(workers: FileWorkers, calls: FileJobCall[], onJob: (call: FileJobCall) => void): FileWorkers {
  return new Proxy(workers, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]): unknown => {
        const call = { method: String(property), args };
        calls.push(call);
        onJob(call);
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export interface RecordedServer {
  context: ServiceContext;
  sync: ReturnType<typeof createSyncServer>;
  handlers: ApiHandlers;
  /** The jobs given to the file worker so far. */
  calls: FileJobCall[];
  /** A document created by the host with this body. */
  createDocument(content: TopLevelBlock[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The server's services in process, as Electron runs them (store, sync rooms, API handlers), over
 * a temporary data folder, with a real file worker whose jobs are recorded: what the event loop
 * hands over, and what it keeps. `onJob` hears of each job at the moment it is handed over.
 */
export async function startRecordedServer(onJob: (call: FileJobCall) => void = () => {}): Promise<RecordedServer> {
  const folder = createTempFolder();
  const { context, authentication } = await openServices(folder.path, createMemoryLogger());
  const sync = createSyncServer({ context, authentication });
  const workers = createFileWorkers();
  const calls: FileJobCall[] = [];
  const handlers = createApiHandlers(context, sync, { fileWorkers: recording(workers, calls, onJob) });
  return {
    context,
    sync,
    handlers,
    calls,
    async createDocument(content) {
      return (
        await handlers['documents/create'](
          { kind: 'enterprise_agreement', title: 'Thỏa ước lao động tập thể 2027', variables: {}, language: 'vi', content },
          { kind: 'admin' },
        )
      ).id;
    },
    async close() {
      await sync.close();
      await workers.close();
      await context.store.close();
      folder.remove();
    },
  };
}
