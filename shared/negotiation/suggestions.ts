import { yTextToSlateElement } from '@slate-yjs/core';
import * as Y from 'yjs';
import { z } from 'zod';
import { holdsText, isElementType, isSuggestedBlockType, markNames, suggestedBlockTypes } from '#shared/document/elementRules';
import { isText, plainText, type DocumentNode, type Mark } from '#shared/document/nodes';
import { formatCode, formatFromKey, isSuggestionId, marksOfCode, withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import { contentRoot, settingsRootName, variablesRootName } from '#shared/document/yjsContent';
import { variablesShownIn } from '#shared/negotiation/agreedLock';
import { variableValueSchema } from '#shared/templates/schema';
import { bargainingSideOf, type Actor, type RuleRefusal } from '#shared/negotiation/proposalRules';
import { bargainingSides, type BargainingSide } from '#shared/negotiation/model';

/** The server-owned root holding who made each suggestion and what became of it (decision 0024). */
export const suggestionsRootName = 'suggestions';

const suggestionStatuses = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
type SuggestionStatus = (typeof suggestionStatuses)[number];

const at = z.iso.datetime();

/** A block a suggestion adds (or moves here) or suggests deleting (or moving away), with its text now (decision 0027). */
export const suggestedBlockSchema = z.object({
  change: z.enum(['insert', 'delete']),
  type: z.enum(suggestedBlockTypes),
  /**
   * Its text as accepted so far (its own pending suggestions left out), chips as {{id}}, its text
   * blocks one a line: a block that changes after it was shown is stale, such as the old place of
   * a moved article once a suggestion in it is accepted.
   */
  text: z.string(),
});
export type SuggestedBlock = z.infer<typeof suggestedBlockSchema>;

/** A mark a formatting suggestion adds or removes. */
export const markSchema = z.enum(['bold', 'italic', 'underline']) satisfies z.ZodType<Mark>;

/** A suggested formatting (decision 0028): the text it formats, the marks it adds and those it removes. */
export const formatChangeSchema = z.object({ text: z.string(), added: z.array(markSchema), removed: z.array(markSchema) });
export type FormatChange = z.infer<typeof formatChangeSchema>;

/**
 * A suggestion's record, written only by the server: its author and side come from the socket
 * that first brought the id, never from the client.
 */
export const suggestionRecordSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  side: z.enum(bargainingSides),
  createdAt: at,
  /** The article the suggestion was first made in (null outside articles). */
  clauseId: z.string().nullable(),
  status: z.enum(suggestionStatuses),
  decidedAt: at.nullable(),
  decidedByName: z.string().nullable(),
  /**
   * What it inserted and deleted when it was decided: a decision takes its marks out of the body,
   * and the minutes and the article's history still tell what was decided (decision 0029).
   */
  decidedText: z
    .object({
      inserted: z.string(),
      deleted: z.string(),
      /** A formatting suggestion's change (decision 0028). */
      format: formatChangeSchema.optional(),
      /** A block suggestion's blocks (decision 0027). */
      blocks: z.array(suggestedBlockSchema).optional(),
    })
    .optional(),
  /**
   * A suggested value of a variable (decision 0028): it lives in this record only, not in the
   * body; `from` is the value it changes (null: none yet), and it is stale once that changed.
   */
  value: z.object({ variableId: z.string(), from: variableValueSchema.nullable(), to: variableValueSchema }).optional(),
});
export type SuggestionRecord = z.infer<typeof suggestionRecordSchema>;

/** The key of the server-owned settings root saying whether every change of the body must be a suggestion. */
export const suggestingRequiredKey = 'suggestingRequired';

export function isSuggestingRequired(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(settingsRootName).get(suggestingRequiredKey) === true;
}

/** The settings key holding one side's request to require suggesting (or to stop requiring it). */
export const suggestingRequestKey = 'suggestingRequest';

const suggestingRequestSchema = z.object({ side: z.enum(bargainingSides), required: z.boolean(), byName: z.string(), at });

/** Whether suggesting is required, and one side's request to change that, awaiting the other side. */
export function suggestingSettings(doc: Y.Doc): { required: boolean; request: z.infer<typeof suggestingRequestSchema> | null } {
  const request = suggestingRequestSchema.safeParse(doc.getMap<unknown>(settingsRootName).get(suggestingRequestKey));
  return { required: isSuggestingRequired(doc), request: request.success ? request.data : null };
}

export type SuggestionDecision = 'accept' | 'reject' | 'withdraw';

/** What a decision makes of a suggestion. */
export const suggestionDecisionDone: Record<SuggestionDecision, Exclude<SuggestionStatus, 'pending'>> = {
  accept: 'accepted',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

/** The suggestion records of a shared document, by id. */
export function suggestionRecords(doc: Y.Doc): Map<string, SuggestionRecord> {
  const records = new Map<string, SuggestionRecord>();
  for (const [id, value] of doc.getMap<unknown>(suggestionsRootName)) {
    const parsed = suggestionRecordSchema.safeParse(value);
    if (parsed.success) records.set(id, parsed.data);
  }
  return records;
}

export function saveSuggestionRecord(doc: Y.Doc, record: SuggestionRecord): void {
  doc.getMap<unknown>(suggestionsRootName).set(record.id, record);
}

/**
 * A suggestion's text as the body holds it now: what it inserts and what it deletes, in order;
 * for a suggested formatting (decision 0028), what it formats and how; and its blocks, if it has
 * any (decision 0027).
 */
export interface SuggestionText {
  id: string;
  inserted: string;
  deleted: string;
  format?: FormatChange;
  blocks?: SuggestedBlock[];
}

/** What a suggestion changes, without its id and without the parts it has not (as a record keeps it once decided). */
export function suggestedChange({ inserted, deleted, format, blocks }: Omit<SuggestionText, 'id'>): Omit<SuggestionText, 'id'> {
  return { inserted, deleted, ...(format ? { format } : {}), ...(blocks ? { blocks } : {}) };
}

/** A suggestion found in the body, with the article it lies in (its first run's). */
export interface SuggestionInBody extends SuggestionText {
  clauseId: string | null;
}

/** One run of a text block: its text, its suggestion marks, and its formatting (a format code) now and before a suggested one. */
export interface MarkedRun {
  text: string;
  insertId: string | null;
  deleteId: string | null;
  formatId: string | null;
  formatting: string;
  formatFrom: string;
}

/** Every element of the body in document order (parents first), each with the article it is or lies in. */
function forEachElement(doc: Y.Doc, visit: (element: Y.XmlText, clauseId: string | null) => void): void {
  const walk = (parent: Y.XmlText, clauseId: string | null): void => {
    for (const part of parent.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const element = part.insert;
      const type: unknown = element.getAttribute('type');
      const own: unknown = type === 'article' ? element.getAttribute('clauseId') : null;
      const inArticle = typeof own === 'string' ? own : clauseId;
      visit(element, inArticle);
      if (!(isElementType(type) && holdsText(type))) walk(element, inArticle);
    }
  };
  walk(contentRoot(doc), null);
}

/** The text blocks of the body in document order, each with the article it lies in. */
export function forEachTextBlock(doc: Y.Doc, visit: (block: Y.XmlText, clauseId: string | null) => void): void {
  forEachElement(doc, (element, clauseId) => {
    const type: unknown = element.getAttribute('type');
    if (isElementType(type) && holdsText(type)) visit(element, clauseId);
  });
}

/** The suggestion marks an element carries as a whole (decision 0027). */
export function blockMarksOf(element: Y.XmlText): { insertId: string | null; deleteId: string | null } {
  const insertId: unknown = element.getAttribute('suggestInsert');
  const deleteId: unknown = element.getAttribute('suggestDelete');
  return { insertId: isSuggestionId(insertId) ? insertId : null, deleteId: isSuggestionId(deleteId) ? deleteId : null };
}

/** The runs of one text block, in order. */
export function runsOf(block: Y.XmlText): MarkedRun[] {
  return (block.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]).flatMap((part) => {
    if (typeof part.insert !== 'string') return [];
    const attributes = part.attributes ?? {};
    const { suggestInsert: insertId, suggestDelete: deleteId, suggestFormat: formatId } = attributes;
    const formatting = formatCode(attributes);
    const from = attributes[formatFromKey];
    return [
      {
        text: part.insert,
        insertId: isSuggestionId(insertId) ? insertId : null,
        deleteId: isSuggestionId(deleteId) ? deleteId : null,
        formatId: isSuggestionId(formatId) ? formatId : null,
        formatting,
        formatFrom: typeof from === 'string' && marksOfCode(from) !== null ? from : formatting,
      },
    ];
  });
}

/** A block's text as accepted so far, its runs marked with the block's own id read as the block's (decision 0027). */
function blockText(node: DocumentNode, id: string): string {
  const ownRunsPlain = (inner: DocumentNode): DocumentNode => {
    if (isText(inner)) {
      if (inner.suggestInsert !== id) return inner;
      const plain = { ...inner };
      delete plain.suggestInsert;
      return plain;
    }
    return { ...inner, children: (inner.children as DocumentNode[]).map(ownRunsPlain) } as DocumentNode;
  };
  return plainText(withoutPendingSuggestionsIn(ownRunsPlain(node)));
}

/**
 * The suggestions the body holds, in order of their first run or block. A run both inserted and
 * suggested for deletion (a deletion covering an insertion made inside it) counts for both; so
 * does the text of a block suggested as a whole, which counts as the block's. `onBlock` sees each
 * text block's runs on the way (the editor's live list keeps them, decision 0031).
 */
export function suggestionsInBody(doc: Y.Doc, onBlock?: (block: Y.XmlText, runs: readonly MarkedRun[]) => void): SuggestionInBody[] {
  const found = new Map<string, SuggestionInBody>();
  const entry = (id: string, clauseId: string | null): SuggestionInBody => {
    const known = found.get(id);
    if (known) return known;
    const created = { id, inserted: '', deleted: '', clauseId };
    found.set(id, created);
    return created;
  };
  forEachElement(doc, (element, clauseId) => {
    const type: unknown = element.getAttribute('type');
    if (!isElementType(type)) return;
    const { insertId, deleteId } = blockMarksOf(element);
    for (const [change, id] of [
      ['delete', deleteId],
      ['insert', insertId],
    ] as const) {
      if (id === null || !isSuggestedBlockType(type)) continue;
      const suggestion = entry(id, clauseId);
      const text = blockText(yTextToSlateElement(element) as unknown as DocumentNode, id);
      suggestion.blocks = [...(suggestion.blocks ?? []), { change, type, text }];
    }
    if (!holdsText(type)) return;
    const runs = runsOf(element);
    onBlock?.(element, runs);
    for (const run of runs) {
      if (run.deleteId !== null) entry(run.deleteId, clauseId).deleted += run.text;
      if (run.insertId !== null) entry(run.insertId, clauseId).inserted += run.text;
      if (run.formatId !== null) {
        const suggestion = entry(run.formatId, clauseId);
        const format = suggestion.format ?? { text: '', added: [], removed: [] };
        const now = marksOfCode(run.formatting) ?? [];
        const before = marksOfCode(run.formatFrom) ?? [];
        suggestion.format = {
          text: format.text + run.text,
          added: markNames.filter((mark) => format.added.includes(mark) || (now.includes(mark) && !before.includes(mark))),
          removed: markNames.filter((mark) => format.removed.includes(mark) || (before.includes(mark) && !now.includes(mark))),
        };
      }
    }
  });
  return [...found.values()];
}

/** Whether an element, or one holding it, is deleted. */
function isGone(element: Y.XmlText): boolean {
  for (let item = element._item; item !== null; item = item.parent instanceof Y.XmlText ? item.parent._item : null) if (item.deleted) return true;
  return false;
}

/** Removes an element from the element holding it. */
function removeElement(element: Y.XmlText): void {
  const parent = element.parent;
  if (!(parent instanceof Y.XmlText)) return;
  let offset = 0;
  for (const part of parent.toDelta() as { insert: unknown }[]) {
    if (part.insert === element) {
      parent.delete(offset, 1);
      return;
    }
    offset += typeof part.insert === 'string' ? part.insert.length : 1;
  }
}

/** The suggestion ids marking anything inside an element (not the element's own block marks). */
function idsInside(element: Y.XmlText, ids: Set<string>): void {
  for (const part of element.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (part.insert instanceof Y.XmlText) {
      const { insertId, deleteId } = blockMarksOf(part.insert);
      for (const id of [insertId, deleteId]) if (id !== null) ids.add(id);
      idsInside(part.insert, ids);
    } else for (const id of [part.attributes?.suggestInsert, part.attributes?.suggestDelete]) if (isSuggestionId(id)) ids.add(id);
  }
}

/**
 * The other suggestions a decision would take away with the blocks it removes (decision 0027):
 * those marking anything inside a block whose deletion it accepts or whose insertion it declines.
 * The decider has to decide them first, so that no suggestion vanishes undecided.
 */
export function suggestionsSwept(doc: Y.Doc, accepted: ReadonlySet<string>, declined: ReadonlySet<string>): Set<string> {
  const swept = new Set<string>();
  forEachElement(doc, (element) => {
    const { insertId, deleteId } = blockMarksOf(element);
    if ((deleteId !== null && accepted.has(deleteId)) || (insertId !== null && declined.has(insertId))) idsInside(element, swept);
  });
  for (const id of [...accepted, ...declined]) swept.delete(id);
  return swept;
}

/**
 * Applies decisions to the body, in the current transaction: accepting an insertion drops its
 * mark, accepting a deletion removes its run; rejecting (or withdrawing) does the opposite.
 * Accepting a formatting keeps it and drops its marks; declining it gives the run back the
 * formatting it had. Blocks the same (decision 0027): a block suggested as new loses its mark or
 * goes, a block suggested for deletion goes or loses its mark; a move, both under one id, is
 * decided whole.
 */
export function applySuggestionDecisions(doc: Y.Doc, accepted: ReadonlySet<string>, declined: ReadonlySet<string>): void {
  const decidedBlocks: { element: Y.XmlText; removes: boolean; unmark: string | null }[] = [];
  forEachElement(doc, (element) => {
    const { insertId, deleteId } = blockMarksOf(element);
    const removes = (deleteId !== null && accepted.has(deleteId)) || (insertId !== null && declined.has(insertId));
    if (removes) decidedBlocks.push({ element, removes, unmark: null });
    else {
      if (insertId !== null && accepted.has(insertId)) decidedBlocks.push({ element, removes, unmark: 'suggestInsert' });
      if (deleteId !== null && declined.has(deleteId)) decidedBlocks.push({ element, removes, unmark: 'suggestDelete' });
    }
  });
  for (const { element, removes, unmark } of decidedBlocks) {
    if (isGone(element)) continue;
    if (removes) removeElement(element);
    else if (unmark !== null) element.removeAttribute(unmark);
  }
  forEachTextBlock(doc, (block) => {
    const runs = runsOf(block);
    // Offsets count every item of the block, chips included (each is one), from the end backwards
    // so that a removal leaves the offsets before it as they were.
    const spans: { offset: number; length: number; run: MarkedRun }[] = [];
    let offset = 0;
    for (const part of block.toDelta() as { insert: unknown }[]) {
      const length = typeof part.insert === 'string' ? part.insert.length : 1;
      if (typeof part.insert === 'string') spans.push({ offset, length, run: runs[spans.length] as MarkedRun });
      offset += length;
    }
    for (const { offset: start, length, run } of spans.reverse()) {
      const { insertId, deleteId, formatId } = run;
      const removes = (deleteId !== null && accepted.has(deleteId)) || (insertId !== null && declined.has(insertId));
      if (removes) {
        block.delete(start, length);
        continue;
      }
      const unmark: Record<string, true | null> = {};
      if (insertId !== null && accepted.has(insertId)) unmark.suggestInsert = null;
      if (deleteId !== null && declined.has(deleteId)) unmark.suggestDelete = null;
      if (formatId !== null && (accepted.has(formatId) || declined.has(formatId))) {
        unmark.suggestFormat = null;
        unmark[formatFromKey] = null;
        const before = marksOfCode(run.formatFrom) ?? [];
        if (declined.has(formatId)) for (const mark of markNames) unmark[mark] = before.includes(mark) ? true : null;
      }
      if (Object.keys(unmark).length > 0) block.format(start, length, unmark);
    }
  });
}

/**
 * Whether an actor may take a decision on a suggestion: only a pending one; the other side
 * accepts or rejects it, the author's own side withdraws it; reviewers do neither.
 */
export function checkSuggestionDecision(record: SuggestionRecord, decision: SuggestionDecision, actor: Actor): RuleRefusal | null {
  const side = bargainingSideOf(actor);
  if (typeof side !== 'string') return side;
  if (record.status !== 'pending') return { code: 'conflict', message: `this suggestion is ${record.status} already`, reason: 'suggestion_not_pending' };
  if (decision === 'withdraw')
    return record.side === side
      ? null
      : {
          code: 'forbidden',
          message: 'a suggestion is withdrawn by its own side; the other side accepts or rejects it',
          reason: 'suggestion_withdrawn_by_own_side',
        };
  return record.side === side
    ? { code: 'forbidden', message: `a suggestion of the ${side} side is accepted or rejected by the other side`, reason: 'suggestion_decided_by_other_side' }
    : null;
}

/**
 * The articles holding pending suggestions, each with how many of each side; a suggested value
 * counts in every article showing its variable (decision 0028).
 */
export function pendingSuggestionsByArticle(doc: Y.Doc): Map<string, { employer: number; union: number }> {
  const records = suggestionRecords(doc);
  const counts = new Map<string, { employer: number; union: number }>();
  const count = (clauseId: string, side: BargainingSide): void => {
    const found = counts.get(clauseId) ?? { employer: 0, union: 0 };
    found[side] += 1;
    counts.set(clauseId, found);
  };
  for (const suggestion of suggestionsInBody(doc)) {
    const record = records.get(suggestion.id);
    if (!record || record.status !== 'pending' || suggestion.clauseId === null) continue;
    count(suggestion.clauseId, record.side);
  }
  const values = pendingValueSuggestions(records);
  if (values.length === 0) return counts;
  const shown = variablesShownIn(doc, everyArticle(doc));
  for (const record of values) for (const clauseId of shown.get(record.value?.variableId ?? '') ?? []) count(clauseId, record.side);
  return counts;
}

/** The articles showing a variable (as chips), in document order. */
export function articlesShowing(doc: Y.Doc, variableId: string): string[] {
  return variablesShownIn(doc, everyArticle(doc)).get(variableId) ?? [];
}

/** The clauseIds of every article of the body. */
function everyArticle(doc: Y.Doc): Set<string> {
  const clauseIds = new Set<string>();
  const walk = (parent: Y.XmlText): void => {
    for (const part of parent.toDelta() as { insert: unknown }[]) {
      if (!(part.insert instanceof Y.XmlText)) continue;
      const clauseId: unknown = part.insert.getAttribute('type') === 'article' ? part.insert.getAttribute('clauseId') : null;
      if (typeof clauseId === 'string') clauseIds.add(clauseId);
      else walk(part.insert);
    }
  };
  walk(contentRoot(doc));
  return clauseIds;
}

/** A variable's value in the document now (null: none). */
export function currentValue(doc: Y.Doc, variableId: string): z.infer<typeof variableValueSchema> | null {
  const parsed = variableValueSchema.safeParse(doc.getMap<unknown>(variablesRootName).get(variableId));
  return parsed.success ? parsed.data : null;
}

/** The pending value suggestions among a document's records (`suggestionRecords`). */
export function pendingValueSuggestions(records: ReadonlyMap<string, SuggestionRecord>): SuggestionRecord[] {
  return [...records.values()].filter((record) => record.status === 'pending' && record.value !== undefined);
}
