import { parentPort } from 'node:worker_threads';
import { answerFileJob, type FileJobRequest } from '#main/export/fileJobs';

/**
 * The file worker's entry (started by fileWorkers.ts): renders and reads .docx files, and reads
 * documents from the database to compare their versions and lay out their exports, off the
 * server's event loop. Jobs are answered as they finish; the server terminates the thread to stop
 * a job whose caller has gone.
 */

const port = parentPort;
if (!port) throw new Error('fileWorker.ts runs as a worker thread (see fileWorkers.ts)');

port.on('message', (request: FileJobRequest) => {
  void answerFileJob(request).then((response) => port.postMessage(response));
});
