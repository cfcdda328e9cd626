import type { ComplianceBasis } from '#shared/compliance/checkDocument';
import { indexDocument } from '#shared/compliance/documentIndex';
import type { Finding } from '#shared/compliance/types';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { DocumentKind } from '#shared/documents/kinds';
import { complianceInputFor } from '#shared/lifecycle/complianceInput';
import { vietnamDate } from '#shared/lifecycle/dates';
import type { RoundFacts } from '#shared/lifecycle/model';
import type { ChangeSignal } from '../editor/changeSignal';
import type { DocumentEditor } from '../editor/customTypes';
import type { DocumentVariables } from '../variables/documentVariables';

// The checker brings the whole template library (half a megabyte): loaded apart from the page.
const loadChecker = () => import('#shared/compliance/checkDocument');

/** How long edits gather before the check runs again (it reads the whole document). */
export const complianceThrottleMs = 500;

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
 * The compliance check of the open document, live: run on the editor's text and the document's
 * values with the dates and vote its lifecycle recorded (the same input the server builds for the
 * reviewer), 500 ms after opening and again at most every 500 ms while the text or a value changes.
 */
export class ComplianceStore {
  private snapshot: ComplianceSnapshot = empty;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private round: Pick<RoundFacts, 'signing' | 'votes'> | undefined;
  private today: string;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly editor: DocumentEditor,
    changes: ChangeSignal,
    private readonly variables: DocumentVariables,
    private readonly kind: DocumentKind,
  ) {
    this.today = vietnamDate(Date.now());
    const offChanges = changes.subscribe(() => this.schedule());
    const onValues = () => this.schedule();
    variables.values.observe(onValues);
    this.unsubscribe = () => {
      offChanges();
      variables.values.unobserve(onValues);
    };
    // The first check waits too, so that it does not delay showing the document.
    this.schedule();
  }

  /** The lifecycle's round and the server's today: the dates the check applies the law of. */
  setLifecycle(round: Pick<RoundFacts, 'signing' | 'votes'> | undefined, today: string): void {
    if (this.round === round && this.today === today) return;
    this.round = round;
    this.today = today;
    this.schedule();
  }

  private destroyed = false;

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void loadChecker().then((checker) => {
        if (!this.destroyed) this.run(checker);
      });
    }, complianceThrottleMs);
  }

  private run({ checkDocument, complianceBasis }: Awaited<ReturnType<typeof loadChecker>>): void {
    const blocks = this.editor.children as TopLevelBlock[];
    const input = complianceInputFor({ kind: this.kind, blocks, variables: this.variables.values.toJSON(), language: this.variables.language }, this.round, this.today, this.variables.lookup);
    const findings = checkDocument(input);
    const violationsByArticle = new Map<string, number>();
    for (const finding of findings) {
      if (finding.severity === 'violation' && finding.clauseId) violationsByArticle.set(finding.clauseId, (violationsByArticle.get(finding.clauseId) ?? 0) + 1);
    }
    const articles = new Map(indexDocument(blocks).articles.map((article) => [article.clauseId, { number: article.number, title: article.title }]));
    this.snapshot = { findings, basis: complianceBasis(input), articles, violationsByArticle };
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ComplianceSnapshot => this.snapshot;

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }
}
