import type { TopLevelBlock } from '#shared/document/nodes';
import type { DocumentEditor } from '../../renderer/editor/customTypes';

/** One collaboration scenario: a start state, what each peer does concurrently, and the outcome. */
export interface EditorFixture {
  description: string;
  initial: TopLevelBlock[];
  /** Peer i runs steps[i] on its own copy before any peer has seen the others' changes. */
  steps: ((editor: DocumentEditor) => void)[];
  /**
   * When set, the peers' changes go through the sync server (see syncThroughServer), reaching it in
   * this order of peers; otherwise the peers exchange them directly.
   */
  arrivalAtServer?: number[];
  /** The converged document as documentText() prints it. */
  expected: string;
}
