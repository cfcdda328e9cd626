import * as Y from 'yjs';
import type { ComplianceBasis } from '#shared/compliance/checkDocument';
import type { Finding } from '#shared/compliance/types';
import type { DocumentKind } from '#shared/documents/kinds';
import { vietnamDate } from '#shared/format/vietnamTime';
import type { RoundFacts } from '#shared/lifecycle/model';
import type { VariableDefinition } from '#shared/templates/schema';
import { lookupBuiltInVariable, type DocumentVariables } from '../variables/documentVariables';
import { IdleHandOver } from '../collab/idleHandOver';
import type { CheckFacts, ComplianceResult, ToComplianceWorker } from './complianceMessages';

/** How long the page waits after opening before handing the document to the checking worker. */
const startDelayMs = 500;
/** The longest changes wait for an idle moment of the page to be handed to the worker. */
const handOverWithinMs = 1000;

export interface ComplianceSnapshot {
  findings: Finding[];
  basis: ComplianceBasis | null;
  /** Article numbers and titles, to name the article of each finding. */
  articles: ReadonlyMap<string, { number: number; title: string }>;
  /** Violations by article, for the markers in the margin. */
  violationsByArticle: ReadonlyMap<string, number>;
}

const empty: ComplianceSnapshot = { findings: [], basis: null, articles: new Map(), violationsByArticle: new Map() };

/**
 * The compliance check of the open document, live: run on the document's text and values with
 * the dates and vote its lifecycle recorded (the same input the server builds for the reviewer).
 * The check runs in a worker (complianceWorker.ts) on a replica fed with the document's Yjs
 * updates, so that typing never waits for it. The worker gets the document 500 ms after opening
 * and checks it again once changes pause for a second (at least every 5 seconds while they go on).
 * Changes are handed to it together in an idle moment of the page, not one message per keystroke:
 * posting a message costs the page about half a millisecond, in the time a keystroke is drawn.
 */
export class ComplianceStore {
  private snapshot: ComplianceSnapshot = empty;
  private readonly listeners = new Set<() => void>();
  private readonly worker = new Worker(new URL('./complianceWorker.ts', import.meta.url), { type: 'module' });
  private readonly facts: CheckFacts;
  private started = false;
  private readonly startTimer: ReturnType<typeof setTimeout>;
  private readonly unsent = new IdleHandOver((updates) => this.send({ type: 'updates', updates }), handOverWithinMs);

  constructor(
    private readonly doc: Y.Doc,
    private readonly variables: DocumentVariables,
    kind: DocumentKind,
  ) {
    this.facts = { kind, round: undefined, today: vietnamDate(Date.now()), definitions: [] };
    this.worker.addEventListener('message', (event: MessageEvent<ComplianceResult>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) =>
      console.error(`Thỏa Ước: the compliance check stopped (${event.message}); its findings are no longer updated.`),
    );
    this.startTimer = setTimeout(() => this.start(), startDelayMs);
  }

  /** Hands the whole document to the worker, then every change to it. */
  private start(): void {
    this.started = true;
    this.sendFacts();
    this.send({ type: 'updates', updates: [Y.encodeStateAsUpdate(this.doc)] });
    this.doc.on('update', this.forward);
    this.variables.values.observe(this.onValues);
  }

  private readonly forward = (update: Uint8Array): void => this.unsent.add(update);

  /** A value may be of a variable the worker does not know (from a template pack): tell it the definitions. */
  private readonly onValues = (): void => {
    if (JSON.stringify(this.packDefinitions()) !== JSON.stringify(this.facts.definitions)) this.sendFacts();
  };

  private packDefinitions(): VariableDefinition[] {
    return [...this.variables.values.keys()].flatMap((id) => {
      const definition = lookupBuiltInVariable(id) ? undefined : this.variables.lookup(id);
      return definition ? [definition] : [];
    });
  }

  private sendFacts(): void {
    if (!this.started) return;
    this.facts.definitions = this.packDefinitions();
    this.send({ type: 'facts', facts: this.facts });
  }

  private send(message: ToComplianceWorker): void {
    this.worker.postMessage(message);
  }

  private receive(result: ComplianceResult): void {
    this.snapshot = {
      findings: result.findings,
      basis: result.basis,
      articles: new Map(result.articles),
      violationsByArticle: new Map(result.violationsByArticle),
    };
    for (const listener of this.listeners) listener();
  }

  /** The lifecycle's round and the server's today: the dates the check applies the law of. */
  setLifecycle(round: Pick<RoundFacts, 'signing' | 'votes' | 'salaryScale'> | undefined, today: string): void {
    if (this.facts.round === round && this.facts.today === today) return;
    this.facts.round = round;
    this.facts.today = today;
    this.sendFacts();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ComplianceSnapshot => this.snapshot;

  destroy(): void {
    clearTimeout(this.startTimer);
    this.unsent.discard();
    this.doc.off('update', this.forward);
    if (this.started) this.variables.values.unobserve(this.onValues);
    this.worker.terminate();
    this.listeners.clear();
  }
}
