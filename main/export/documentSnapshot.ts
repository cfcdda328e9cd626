import * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { documentLanguage, readContent, readMarkedContent, variablesMap } from '#shared/document/yjsContent';
import type { RedlineProposal } from '#shared/export/redline';
import type { Language } from '#shared/format/locale';
import { proposalSchema, proposalsRootName } from '#shared/negotiation/model';
import type { SalaryScale } from '#shared/salaryScale/model';
import { suggestionRecords, type SuggestionRecord } from '#shared/negotiation/suggestions';
import { readSalaryScales } from '#shared/salaryScale/yjsSalaryScale';
import type { VariableValue } from '#shared/templates/schema';
import type { UpdateLogStore } from '#main/store/port';

/** What an export reads of a document's Y.Doc. */
export interface DocumentSnapshot {
  blocks: TopLevelBlock[];
  variables: Record<string, VariableValue>;
  language: Language;
  /** The open amendment proposals, for a redline. */
  openProposals: RedlineProposal[];
  salaryScales: SalaryScale[];
  /** Read only when asked: the body with its suggestion marks, and every suggestion's record (decision 0030). */
  suggestions?: { blocks: TopLevelBlock[]; records: SuggestionRecord[] };
}

/** The live Y.Doc of a document the sync server has loaded, if it has. */
export type OpenDocument = (documentId: string) => Y.Doc | undefined;

function openProposals(doc: Y.Doc): RedlineProposal[] {
  const proposals: RedlineProposal[] = [];
  for (const value of doc.getMap<unknown>(proposalsRootName).values()) {
    const parsed = proposalSchema.safeParse(value instanceof Y.Map ? value.toJSON() : value);
    if (!parsed.success || parsed.data.status !== 'open') continue;
    const { clauseId, kind, article, values, side, authorName, rationale, createdAt } = parsed.data;
    proposals.push({ clauseId, kind, article, values, side, authorName, rationale, createdAt });
  }
  // Oldest first, so that counter-proposals follow what they answer.
  return proposals.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
}

/** What an export reads of a Y.Doc; with its suggestions for an export carrying them as tracked changes. */
export function readSnapshot(doc: Y.Doc, withSuggestions = false): DocumentSnapshot {
  return {
    blocks: readContent(doc),
    variables: variablesMap(doc).toJSON() as Record<string, VariableValue>,
    language: documentLanguage(doc),
    openProposals: openProposals(doc),
    salaryScales: readSalaryScales(doc),
    ...(withSuggestions ? { suggestions: { blocks: readMarkedContent(doc), records: [...suggestionRecords(doc).values()] } } : {}),
  };
}

/**
 * The document as it is now: the sync server's live copy when the document is open (it holds
 * every accepted update, stored or about to be), otherwise the stored state, the checkpoint
 * merged with the updates logged after it (updateLog.ts: that is the document, by invariant).
 */
export async function readDocumentSnapshot(documentId: string, log: UpdateLogStore, openDocument?: OpenDocument): Promise<DocumentSnapshot> {
  const live = openDocument?.(documentId);
  if (live) return readSnapshot(live);
  const stored = await log.load(documentId);
  const doc = new Y.Doc({ gc: false });
  try {
    const updates = [...(stored.checkpoint ? [stored.checkpoint.state] : []), ...stored.tail];
    if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
    return readSnapshot(doc);
  } finally {
    doc.destroy();
  }
}
