/**
 * The live compliance check, away from the page's thread: it reads the whole document, which at
 * a few hundred articles takes longer than a frame, and typing must not wait for it. The worker
 * keeps its own replica of the document from the page's Yjs updates and checks it once they
 * pause for a second, or every 5 seconds while they keep coming (at 300 articles a check costs
 * about 150 ms of a processor that the person typing and their peers share).
 */
import * as Y from 'yjs';
import { checkDocument, complianceBasis } from '#shared/compliance/checkDocument';
import { indexDocument } from '#shared/compliance/documentIndex';
import { documentLanguage, readContent, variablesMap } from '#shared/document/yjsContent';
import { complianceInputFor } from '#shared/lifecycle/complianceInput';
import { readSalaryScales } from '#shared/salaryScale/yjsSalaryScale';
import type { CheckFacts, ComplianceResult, ToComplianceWorker } from './complianceMessages';

/** The pause in updates after which the check runs. */
const quietMs = 1000;
/** The longest a change waits for its check while updates keep coming. */
const maxWaitMs = 5000;

const doc = new Y.Doc();
let facts: CheckFacts | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** When the oldest change not yet checked arrived. */
let waitingSince: number | undefined;

function check(current: CheckFacts): ComplianceResult {
  const blocks = readContent(doc);
  const definitions = new Map(current.definitions.map((definition) => [definition.id, definition]));
  const document = { kind: current.kind, blocks, variables: variablesMap(doc).toJSON(), language: documentLanguage(doc), salaryScales: readSalaryScales(doc) };
  const input = complianceInputFor(document, current.round, current.today, (id) => definitions.get(id));
  const findings = checkDocument(input);
  const violations = new Map<string, number>();
  for (const finding of findings) {
    if (finding.severity === 'violation' && finding.clauseId) violations.set(finding.clauseId, (violations.get(finding.clauseId) ?? 0) + 1);
  }
  const articles = indexDocument(blocks).articles.map((article): [string, { number: number; title: string }] => [
    article.clauseId,
    { number: article.number, title: article.title },
  ]);
  return { findings, basis: complianceBasis(input), articles, violationsByArticle: [...violations] };
}

function run(): void {
  waitingSince = undefined;
  if (facts) postMessage(check(facts));
}

function schedule(): void {
  clearTimeout(timer);
  waitingSince ??= Date.now();
  timer = setTimeout(run, Math.max(0, Math.min(quietMs, waitingSince + maxWaitMs - Date.now())));
}

addEventListener('message', (event: MessageEvent<ToComplianceWorker>) => {
  const message = event.data;
  if (message.type === 'updates') Y.transact(doc, () => message.updates.forEach((update) => Y.applyUpdate(doc, update)));
  else facts = message.facts;
  schedule();
});
