/**
 * The live compliance check, away from the page's thread: it reads the whole document, which at
 * a few hundred articles takes longer than a frame, and typing must not wait for it. The worker
 * keeps its own replica of the document from the page's Yjs updates and checks it at most every
 * 500 ms while updates arrive.
 */
import * as Y from 'yjs';
import { checkDocument, complianceBasis } from '#shared/compliance/checkDocument';
import { indexDocument } from '#shared/compliance/documentIndex';
import { documentLanguage, readContent, variablesMap } from '#shared/document/yjsContent';
import { complianceInputFor } from '#shared/lifecycle/complianceInput';
import type { CheckFacts, ComplianceResult, ToComplianceWorker } from './complianceMessages';

/** How long updates gather before the check runs again. */
const throttleMs = 500;

const doc = new Y.Doc();
let facts: CheckFacts | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function check(current: CheckFacts): ComplianceResult {
  const blocks = readContent(doc);
  const definitions = new Map(current.definitions.map((definition) => [definition.id, definition]));
  const document = { kind: current.kind, blocks, variables: variablesMap(doc).toJSON(), language: documentLanguage(doc) };
  const input = complianceInputFor(document, current.round, current.today, (id) => definitions.get(id));
  const findings = checkDocument(input);
  const violations = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity === 'violation' && finding.clauseId) violations.set(finding.clauseId, (violations.get(finding.clauseId) ?? 0) + 1);
  }
  const articles = indexDocument(blocks).articles.map((article): [string, { number: number; title: string }] => [article.clauseId, { number: article.number, title: article.title }]);
  return { findings, basis: complianceBasis(input), articles, violationsByArticle: [...violations] };
}

function schedule(): void {
  timer ??= setTimeout(() => {
    timer = undefined;
    if (facts) postMessage(check(facts));
  }, throttleMs);
}

addEventListener('message', (event: MessageEvent<ToComplianceWorker>) => {
  const message = event.data;
  if (message.type === 'update') Y.applyUpdate(doc, message.update);
  else facts = message.facts;
  schedule();
});
