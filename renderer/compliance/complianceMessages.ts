import type { ComplianceBasis } from '#shared/compliance/checkDocument';
import type { Finding } from '#shared/compliance/types';
import type { DocumentKind } from '#shared/documents/kinds';
import type { RoundFacts } from '#shared/lifecycle/model';
import type { VariableDefinition } from '#shared/templates/schema';

/** What the compliance check needs besides the document itself. */
export interface CheckFacts {
  kind: DocumentKind;
  /** The lifecycle's round in progress: its signing dates, votes and the salary scale's procedure. */
  round: Pick<RoundFacts, 'signing' | 'votes' | 'salaryScale'> | undefined;
  /** The server's today (YYYY-MM-DD), the date the law is taken at when the text has none. */
  today: string;
  /** The document's variables that are not built in (defined by imported template packs). */
  definitions: VariableDefinition[];
}

/** From the page to the checking worker. */
export type ToComplianceWorker = { type: 'updates'; updates: Uint8Array[] } | { type: 'facts'; facts: CheckFacts };

/** From the checking worker to the page: one complete check. */
export interface ComplianceResult {
  findings: Finding[];
  basis: ComplianceBasis;
  articles: [clauseId: string, article: { number: number; title: string }][];
  violationsByArticle: [clauseId: string, count: number][];
}
