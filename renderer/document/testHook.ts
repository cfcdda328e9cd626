import { readContent } from '#shared/document/yjsContent';
import type { Collaboration } from '../collab/collaboration';

declare global {
  interface Window {
    /** The open document, in the test build only: end-to-end tests and benchmarks read it (they never write through it). */
    thoaUocDebug?: { content: () => unknown; status: () => unknown; doc: unknown };
  }
}

/**
 * Exposes the open document to end-to-end tests and benchmarks; returns what takes it away. Only
 * the test build (`vite build --mode test`) calls it: the production build leaves this module out.
 */
export function exposeForTests(collaboration: Collaboration): () => void {
  window.thoaUocDebug = { content: () => readContent(collaboration.doc), status: () => collaboration.getStatus(), doc: collaboration.doc };
  return () => {
    window.thoaUocDebug = undefined;
  };
}
