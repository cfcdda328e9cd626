import type * as Y from 'yjs';
import { isText, type ArticleElement, type DocumentNode } from '#shared/document/nodes';
import { withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import type { ArticleNegotiation, ArticleStatus, BargainingSide } from '#shared/negotiation/model';
import { articleLines, type RedlineSide } from '#shared/negotiation/positionRedline';
import {
  articlesShowing,
  pendingValueSuggestions,
  suggestionRecords,
  suggestionsInBody,
  suggestedChange,
  type SuggestionInBody,
  type FormatChange,
  type SuggestedBlock,
  type SuggestionRecord,
} from '#shared/negotiation/suggestions';
import type { VariableValue } from '#shared/templates/schema';

/**
 * Suggestions and positions are one negotiation model (decision 0029): a side's pending
 * suggestions on an article are that side's current position on it, shown in the ledger beside
 * its formal proposals, counted as an open position by every status view, and told with the
 * proposals in the minutes and the article's history. Everything here is read from the body and
 * the server-owned records, never from what a client says.
 */

/** One side's pending suggestions on one article: its position there. */
export interface SuggestionPosition {
  clauseId: string;
  side: BargainingSide;
  /** Who made them, each once, in the order of their suggestions in the text. */
  authorNames: string[];
  /** When the latest of them was made. */
  latestAt: string;
  /** The suggestions, in the order of the text. */
  ids: string[];
  /**
   * The values its suggested values set and those they change (decision 0028), by variable id, as a
   * proposal carries them: the redline shows them and the costing measures them (a value none had
   * before is absent from `previousValues`).
   */
  values: Record<string, VariableValue>;
  previousValues: Record<string, VariableValue>;
}

/** One side's pending suggestions per article, and every suggestion made in an article. */
export interface SuggestionsAsPositions {
  /**
   * One position per article and side, in the order of the text (an article whose only suggestion
   * is a value after those), the employer's first.
   */
  positions: SuggestionPosition[];
  /**
   * Every suggestion made in an article, pending or decided, in the order they were made. A pending
   * one whose marks its author took back (undone before anyone decided) is no longer told.
   */
  history: SuggestionHistoryEntry[];
}

/** What the body holds of suggestions and the server's records of them. */
export interface SuggestionsReading {
  inBody: readonly SuggestionInBody[];
  records: ReadonlyMap<string, SuggestionRecord>;
}

/**
 * The suggestions of a document as positions and history, from a reading of them (by default one
 * walk of the body now; the editor passes the reading it keeps, decision 0031).
 */
export function suggestionsAsPositions(doc: Y.Doc, { inBody, records }: SuggestionsReading = readSuggestions(doc)): SuggestionsAsPositions {
  // A suggested value (decision 0028) is a position in every article showing its variable.
  const values = pendingValueSuggestions(records).flatMap((record) =>
    articlesShowing(doc, record.value?.variableId ?? '').map((clauseId) => ({ id: record.id, inserted: '', deleted: '', clauseId })),
  );
  return { positions: positionsOf([...inBody, ...values], records), history: historyOf(inBody, records) };
}

/**
 * The document's suggestion records and what its body holds of them. Only what the server recorded
 * is a position or in the history: without a record the body is not walked (a walk of every block,
 * some 75 ms at 300 articles, on the server's thread as a document opens).
 */
function readSuggestions(doc: Y.Doc): SuggestionsReading {
  const records = suggestionRecords(doc);
  return { inBody: records.size === 0 ? [] : suggestionsInBody(doc), records };
}

function positionsOf(suggestions: readonly SuggestionInBody[], records: ReadonlyMap<string, SuggestionRecord>): SuggestionPosition[] {
  const positions = new Map<string, SuggestionPosition>();
  for (const suggestion of suggestions) {
    const record = records.get(suggestion.id);
    if (!record || record.status !== 'pending' || suggestion.clauseId === null) continue;
    const key = `${suggestion.clauseId} ${record.side}`;
    let known = positions.get(key);
    if (!known) {
      known = { clauseId: suggestion.clauseId, side: record.side, authorNames: [], latestAt: record.createdAt, ids: [], values: {}, previousValues: {} };
      positions.set(key, known);
    }
    known.ids.push(record.id);
    if (record.value) {
      const change = suggestedValueChange(record.value);
      Object.assign(known.values, change.values);
      Object.assign(known.previousValues, change.previousValues);
    }
    if (!known.authorNames.includes(record.authorName)) known.authorNames.push(record.authorName);
    if (Date.parse(record.createdAt) > Date.parse(known.latestAt)) known.latestAt = record.createdAt;
  }
  // Found in the order of the text: the first position of each article gives the article's place.
  const articleOrder = new Map<string, number>();
  for (const { clauseId } of positions.values()) if (!articleOrder.has(clauseId)) articleOrder.set(clauseId, articleOrder.size);
  const place = (position: SuggestionPosition): number => (articleOrder.get(position.clauseId) ?? 0) * 2 + (position.side === 'employer' ? 0 : 1);
  return [...positions.values()].sort((a, b) => place(a) - place(b));
}

/**
 * A suggested value (decision 0028) as a proposal carries its values: the value it sets, and the
 * value it changes (absent when the variable had none). What its cost is measured on.
 */
export function suggestedValueChange(value: NonNullable<SuggestionRecord['value']>): Pick<SuggestionPosition, 'values' | 'previousValues'> {
  return { values: { [value.variableId]: value.to }, previousValues: value.from === null ? {} : { [value.variableId]: value.from } };
}

/** The sides holding a position of suggestions on each article. */
export function suggestingSidesByArticle(positions: readonly SuggestionPosition[]): Map<string, BargainingSide[]> {
  const sides = new Map<string, BargainingSide[]>();
  for (const position of positions) sides.set(position.clauseId, [...(sides.get(position.clauseId) ?? []), position.side]);
  return sides;
}

/** An article's status as every view shows it, and the sides whose pending suggestions reopened it. */
export interface ShownArticleStatus {
  status: ArticleStatus;
  /** Non-empty when the article is agreed but these sides' pending suggestions hold it open. */
  reopenedBySuggestion: BargainingSide[];
}

/**
 * A pending suggestion in an agreed article opens a position on it: the article reads open,
 * reopened by that side's suggestion, until every suggestion there is decided; then it reads
 * agreed again, on the text the decisions left (the agreed text follows an accepted one).
 */
export function shownArticleStatus(status: Pick<ArticleNegotiation, 'status'>, suggestingSides: readonly BargainingSide[]): ShownArticleStatus {
  if (status.status === 'agreed' && suggestingSides.length > 0) return { status: 'open', reopenedBySuggestion: [...suggestingSides] };
  return { status: status.status, reopenedBySuggestion: [] };
}

/**
 * An article (read with its marks) as it would be if the given suggestions were accepted and no
 * other: their insertions kept, the runs and blocks they delete removed, their new blocks and
 * formatting kept (decisions 0027, 0028), every other pending suggestion left out as the accepted
 * text leaves it.
 */
export function articleWithSuggestions(article: ArticleElement, ids: ReadonlySet<string>): ArticleElement {
  const applied = (node: DocumentNode): DocumentNode[] => {
    const marks = node as { suggestInsert?: string; suggestDelete?: string; suggestFormat?: string };
    if (marks.suggestDelete !== undefined && ids.has(marks.suggestDelete)) return [];
    const kept = { ...node } as DocumentNode & typeof marks & { suggestFormatFrom?: string };
    if (marks.suggestInsert !== undefined && ids.has(marks.suggestInsert)) delete kept.suggestInsert;
    if (marks.suggestFormat !== undefined && ids.has(marks.suggestFormat)) {
      delete kept.suggestFormat;
      delete kept.suggestFormatFrom;
    }
    if (isText(kept)) return [kept];
    return [{ ...kept, children: (kept.children as DocumentNode[]).flatMap(applied) } as DocumentNode];
  };
  return withoutPendingSuggestionsIn(applied(article)[0] as ArticleElement);
}

/**
 * The redline of a suggestion position: the article's accepted text and the values now against the
 * text with that side's suggestions accepted and the values it suggests.
 */
export function suggestionPositionSides(
  position: Pick<SuggestionPosition, 'ids' | 'values'>,
  marked: ArticleElement,
  values: Readonly<Record<string, VariableValue>>,
): { before: RedlineSide; after: RedlineSide } {
  return {
    before: { lines: articleLines(withoutPendingSuggestionsIn(marked)), isMarked: true, values },
    after: { lines: articleLines(articleWithSuggestions(marked, new Set(position.ids))), isMarked: true, values: { ...values, ...position.values } },
  };
}

/** One suggestion as the history and the minutes tell it: its record, its article and its text. */
export interface SuggestionHistoryEntry {
  record: SuggestionRecord;
  clauseId: string;
  /** What it inserts and deletes: as the body holds it while pending, as it was when decided. */
  inserted: string;
  deleted: string;
  /** A formatting suggestion's change, likewise (decision 0028). */
  format?: FormatChange;
  /** A block suggestion's blocks, likewise (decision 0027). */
  blocks?: SuggestedBlock[];
}

function historyOf(inBody: readonly SuggestionInBody[], records: ReadonlyMap<string, SuggestionRecord>): SuggestionHistoryEntry[] {
  const byId = new Map(inBody.map((suggestion) => [suggestion.id, suggestion]));
  const entries: SuggestionHistoryEntry[] = [];
  for (const record of records.values()) {
    const current = byId.get(record.id);
    const clauseId = current?.clauseId ?? record.clauseId;
    if (clauseId === null) continue;
    if (record.status === 'pending') {
      if (current) entries.push({ record, clauseId, ...suggestedChange(current) });
      else if (record.value !== undefined) entries.push({ record, clauseId, inserted: '', deleted: '' });
    } else {
      entries.push({ record, clauseId, ...suggestedChange(record.decidedText ?? { inserted: '', deleted: '' }) });
    }
  }
  return entries.sort((a, b) => Date.parse(a.record.createdAt) - Date.parse(b.record.createdAt));
}

/** The side that decided a suggestion: its own when withdrawn, the other when accepted or rejected. */
export function decidingSide(record: Pick<SuggestionRecord, 'side' | 'status'>): BargainingSide {
  if (record.status === 'withdrawn') return record.side;
  return record.side === 'employer' ? 'union' : 'employer';
}
