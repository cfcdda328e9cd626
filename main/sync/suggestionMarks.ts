import * as Y from 'yjs';
import { holdsText, isElementType } from '#shared/document/elementRules';
import { formatCode, formatFromKey, isSuggestionId, isSuggestionMarkName, marksOfCode } from '#shared/document/suggestionMarks';
import { contentRoot, contentRootName, variablesRootName } from '#shared/document/yjsContent';
import type { BargainingSide } from '#shared/negotiation/model';
import { isSuggestingRequired, saveSuggestionRecord, suggestionRecords, suggestionsInBody } from '#shared/negotiation/suggestions';
import {
  acceptedKey,
  createdBlockRefusal,
  elementsIn,
  existingBlockRefusal,
  insertionAround,
  plainAttributesKey,
  sameTypeIn,
  withinMarkedBlock,
} from '#main/sync/blockSuggestions';
import { rootOfType, type SharedType, type UpdateEffects } from '#main/sync/updateInspection';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** An update from a participant's socket, as the admission check sees it. */
export interface ClientUpdate {
  bytes: Uint8Array;
  decoded: DecodedUpdate;
  /** The participant whose socket sent it (null: the host or the server). */
  participantId: string | null;
}

/** What the suggestion rules make of an update: why to refuse it, or the text blocks it only suggested changes in. */
export type SuggestionJudgement = { refusal: string } | { suggestionOnly: ReadonlySet<SharedType> };

/**
 * The marks of one character: its suggestions, its other formatting (as a comparable key), and
 * the formatting readers see (a format code): under a format suggestion, the one it had before.
 */
interface CharacterMarks {
  insertId: string | null;
  deleteId: string | null;
  formatId: string | null;
  formatting: string;
  accepted: string;
}

/**
 * The suggestion ids an update's formatting items and block attributes write (decisions 0024,
 * 0027), leaving out the items `isKnown` says the document has already: the server records each
 * new id as the sender's. Yjs does not repeat an attribute's key in an update when the element had
 * a value under it before: `applied`, a document holding the update, tells it; without one (before
 * the update is applied), any attribute value shaped like an id counts.
 */
export function suggestionIdsWritten(decoded: DecodedUpdate, isKnown: (item: Y.Item) => boolean, applied: Y.Doc | null): Set<string> {
  const ids = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || isKnown(struct)) continue;
    if (struct.content instanceof Y.ContentFormat) {
      const { key, value } = struct.content;
      if (isSuggestionMarkName(key) && isSuggestionId(value)) ids.add(value);
    } else if (struct.content instanceof Y.ContentAny) {
      const value: unknown = struct.content.arr[0];
      if (!isSuggestionId(value)) continue;
      const placed = applied === null ? null : Y.getItem(applied.store, struct.id);
      const key = struct.parentSub ?? (placed instanceof Y.Item ? placed.parentSub : null);
      if (key === null ? applied === null : isSuggestionMarkName(key)) ids.add(value);
    }
  }
  return ids;
}

/**
 * Records the suggestions an accepted update brought that the document has no record of, as its
 * sender's: author, name and side from the socket's participant, the time from the server (call
 * inside a server change).
 */
export function recordNewSuggestions(
  doc: Y.Doc,
  ids: ReadonlySet<string>,
  author: { id: string; displayName: string; side: BargainingSide },
  at: string,
): void {
  const records = suggestionRecords(doc);
  if ([...ids].every((id) => records.has(id))) return;
  const places = new Map(suggestionsInBody(doc).map((suggestion) => [suggestion.id, suggestion.clauseId]));
  // An id only written, marking no text (Yjs ending a run), makes no suggestion.
  for (const id of [...ids].filter((candidate) => !records.has(candidate) && places.has(candidate))) {
    saveSuggestionRecord(doc, {
      id,
      authorId: author.id,
      authorName: author.displayName,
      side: author.side,
      createdAt: at,
      clauseId: places.get(id) ?? null,
      status: 'pending',
      decidedAt: null,
      decidedByName: null,
    });
  }
}

/** Whether an item writes a suggestion mark: a formatting item, or an element's attribute, named as one. */
function writesSuggestionMark(item: Y.Item): boolean {
  if (item.content instanceof Y.ContentFormat) return isSuggestionMarkName(item.content.key) && item.content.value !== null;
  return item.parentSub !== null && isSuggestionMarkName(item.parentSub);
}

/** Per document: whether its body may hold a suggestion mark (once true, it stays so). */
const marksSeen = new WeakMap<Y.Doc, { seen: boolean }>();

/**
 * Whether a document's body may hold suggestion marks: false until any change (a client's, the
 * server's, another instance's) writes one. It lets the suggestion rules skip the scan of the
 * touched blocks for keystrokes in documents nobody ever suggested in (the sync benchmark's
 * 2-client ratio); the watch costs a look at each transaction's new items until the first mark.
 */
function mayHoldSuggestionMarks(doc: Y.Doc): boolean {
  const known = marksSeen.get(doc);
  if (known) return known.seen;
  const watch = { seen: holdsSuggestionMarks(contentRoot(doc) as unknown as SharedType) };
  marksSeen.set(doc, watch);
  if (watch.seen) return true;
  const onTransaction = (transaction: Y.Transaction): void => {
    if (!transactionWritesMarks(transaction)) return;
    watch.seen = true;
    doc.off('afterTransaction', onTransaction);
  };
  doc.on('afterTransaction', onTransaction);
  return false;
}

/** Whether a transaction added an item writing a suggestion mark. */
function transactionWritesMarks(transaction: Y.Transaction): boolean {
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client) ?? [];
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index += 1) {
      const struct = structs[index];
      if (struct instanceof Y.Item && writesSuggestionMark(struct)) return true;
    }
  }
  return false;
}

/**
 * While suggesting is required, a participant changes a variable's value only by suggesting it
 * through the API (decision 0028): why to refuse an update writing or removing one, or null.
 */
export function valueWriteRefusal(update: ClientUpdate, doc: Y.Doc, effects: UpdateEffects): string | null {
  if (update.participantId === null || !effects.roots.has(variablesRootName) || !isSuggestingRequired(doc)) return null;
  return [...effects.mapWrites, ...effects.mapDeletions].some((change) => change.root === variablesRootName)
    ? 'suggesting is required in this document: a variable’s value changes by suggesting it, and the other side accepting it'
    : null;
}

/** Whether a type (or any element inside it) carries a block suggestion mark or holds text carrying a suggestion mark. */
function holdsSuggestionMarks(type: SharedType): boolean {
  if (withinMarkedBlock(type)) return true;
  for (const [key, item] of type._map) if (!item.deleted && isSuggestionMarkName(key)) return true;
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (writesSuggestionMark(item)) return true;
    if (item.content instanceof Y.ContentType && holdsSuggestionMarks(item.content.type as SharedType)) return true;
  }
  return false;
}

/** The body's text block a type is, or null. */
function asTextBlock(type: SharedType): Y.XmlText | null {
  if (!(type instanceof Y.XmlText) || type._item === null) return null;
  const elementType: unknown = type.getAttribute('type');
  return isElementType(elementType) && holdsText(elementType) && rootOfType(type as unknown as SharedType) === contentRootName ? type : null;
}

/** Each character of a text block (by its Yjs id) with its marks, read from the block's items. */
function charactersOf(block: Y.XmlText): Map<string, CharacterMarks> {
  const characters = new Map<string, CharacterMarks>();
  const current = new Map<string, unknown>();
  for (let item = block._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentFormat) {
      if (item.content.value === null) current.delete(item.content.key);
      else current.set(item.content.key, item.content.value);
    } else if (item.content instanceof Y.ContentString) {
      const insertId = current.get('suggestInsert');
      const deleteId = current.get('suggestDelete');
      const formatId = current.get('suggestFormat');
      const from = current.get(formatFromKey);
      const formatting = JSON.stringify(
        [...current].filter(([key]) => !isSuggestionMarkName(key) && key !== formatFromKey).sort(([a], [b]) => a.localeCompare(b)),
      );
      const suggested = isSuggestionId(formatId) && typeof from === 'string' && marksOfCode(from) !== null;
      const marks = {
        insertId: isSuggestionId(insertId) ? insertId : null,
        deleteId: isSuggestionId(deleteId) ? deleteId : null,
        formatId: isSuggestionId(formatId) ? formatId : null,
        formatting,
        accepted: suggested ? from : formatCode(Object.fromEntries(current)),
      };
      for (let offset = 0; offset < item.length; offset += 1) characters.set(`${item.id.client}:${item.id.clock + offset}`, marks);
    }
  }
  return characters;
}

/** The text blocks a type is or holds. */
function textBlocksIn(type: SharedType): Y.XmlText[] {
  const block = asTextBlock(type);
  if (block) return [block];
  const blocks: Y.XmlText[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType) blocks.push(...textBlocksIn(item.content.type as SharedType));
  }
  return blocks;
}

/**
 * The suggestion rules (S30, decision 0024), judged by what an update does to each character's
 * marks rather than by its Yjs items (peers delete redundant formatting items on their own):
 * a suggestion belongs to the participant whose socket first brought its id; nobody else writes,
 * changes or removes its marks or deletes its text; text suggested for deletion is removed only
 * by accepting it; and while suggesting is required, a participant changes the body only by
 * suggestions. Updates that write no suggestion mark and touch no marked text, with suggesting
 * not required, are not examined further.
 */
export function judgeSuggestions(update: ClientUpdate, doc: Y.Doc, effects: UpdateEffects): SuggestionJudgement {
  const none = { suggestionOnly: new Set<SharedType>() };
  if (!effects.roots.has(contentRootName)) return none;
  const isKnown = (item: Y.Item): boolean => item.id.clock + item.length <= Y.getState(doc.store, item.id.client);
  // The ids its formatting items and attributes write, to know whether it concerns suggestions at
  // all. Yjs writes another author's id when text is typed next to their suggestion (the item that
  // ends the new run restores the marks after it): what counts is the marks characters end up with.
  const written = suggestionIdsWritten(update.decoded, isKnown, null);
  const required = isSuggestingRequired(doc);
  if (!required && written.size === 0 && !mayHoldSuggestionMarks(doc)) return none;
  const inBody = [...effects.touchedTypes].filter((type) => rootOfType(type) === contentRootName);
  const touched = inBody.flatMap((type) => asTextBlock(type) ?? []);
  const deleted = [...effects.deletedTypes].filter((type) => rootOfType(type) === contentRootName);
  if (
    !required &&
    written.size === 0 &&
    !touched.some((block) => holdsSuggestionMarks(block as unknown as SharedType)) &&
    !inBody.some(withinMarkedBlock) &&
    !deleted.some(holdsSuggestionMarks)
  )
    return none;

  const records = suggestionRecords(doc);
  const { participantId } = update;
  /** Whether an id may mark text the sender writes: theirs and still pending, or new (it becomes theirs). */
  const mayWrite = (id: string): boolean => {
    const record = records.get(id);
    return record === undefined || (record.authorId === participantId && record.status === 'pending');
  };
  const isOwn = (id: string): boolean => records.get(id)?.authorId === participantId && participantId !== null;
  const isPending = (id: string): boolean => records.get(id)?.status === 'pending';
  const rules = { required, isOwn, mayWrite, isPending };
  /** Whose block suggestion a type is part of (decision 0027): the sender's, another's, or none. */
  const blockOwner = (type: SharedType): BlockOwner => {
    const insertion = insertionAround(type);
    return insertion === null ? null : mayWrite(insertion) ? 'own' : 'other';
  };
  // The document as the update would leave it, to read each character's marks after it.
  const after = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(after, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(after, update.bytes);
    const suggestionOnly = new Set<SharedType>();
    // Blocks it deletes (with all they hold) or whose attributes it may change, which makes them touched (S32).
    const existing = new Set([...inBody.flatMap((type) => (type instanceof Y.XmlText && type._item !== null ? [type] : [])), ...deleted.flatMap(elementsIn)]);
    for (const element of existing) {
      const now = sameTypeIn(after, element as unknown as SharedType);
      const refusal = existingBlockRefusal(element, now, rules);
      if (refusal !== null) return { refusal };
      // Removing one's own suggested block changes nothing accepted (the lock lets it through).
      if (now === null && insertionAround(element as unknown as SharedType) !== null) suggestionOnly.add(element as unknown as SharedType);
    }
    for (const type of deleted) {
      if (insertionAround(type) !== null) continue;
      for (const block of textBlocksIn(type)) {
        for (const marks of charactersOf(block).values())
          if ((marks.insertId !== null && !isOwn(marks.insertId)) || (marks.formatId !== null && !isOwn(marks.formatId)) || marks.deleteId !== null)
            return { refusal: 'this change deletes text that is part of a pending suggestion: accept, reject or withdraw it instead' };
      }
    }
    // Blocks the update creates hold new characters only.
    for (const struct of update.decoded.structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType) || isKnown(struct)) continue;
      const created = Y.getItem(after.store, struct.id);
      if (!(created instanceof Y.Item) || created.deleted || !(created.content instanceof Y.ContentType)) continue;
      const type = created.content.type as SharedType;
      const blockRefusal = created.content.type instanceof Y.XmlText ? createdBlockRefusal(created.content.type, rules) : null;
      if (blockRefusal !== null) return { refusal: blockRefusal };
      for (const block of textBlocksIn(type)) {
        const refusal = compareCharacters(new Map(), charactersOf(block), rules, blockOwner(block as unknown as SharedType));
        if (typeof refusal === 'string') return { refusal };
      }
    }
    for (const block of touched) {
      const copy = sameTypeIn(after, block as unknown as SharedType);
      const owner = blockOwner(block as unknown as SharedType);
      const refusal = compareCharacters(charactersOf(block), copy instanceof Y.XmlText ? charactersOf(copy) : new Map(), rules, owner);
      if (typeof refusal === 'string') return { refusal };
      const sameAttributes = copy === null || plainAttributesKey(block as unknown as SharedType) === plainAttributesKey(copy);
      if (!sameAttributes && owner === null && required)
        return { refusal: 'suggesting is required in this document: a block changes its kind through a proposal until it can be suggested' };
      if (refusal.acceptedUnchanged && (sameAttributes || owner !== null)) suggestionOnly.add(block as unknown as SharedType);
    }
    // Blocks added, removed or moved under an element (an article, a table, the body): judged by
    // the accepted text it holds, which suggestions leave as it was.
    for (const container of inBody) {
      if (asTextBlock(container) !== null) continue;
      const copy = sameTypeIn(after, container);
      if (copy !== null && acceptedKey(container) === acceptedKey(copy)) suggestionOnly.add(container);
      else if (required && copy !== null) return { refusal: 'suggesting is required in this document: blocks are added, removed or moved by suggesting it' };
    }
    return { suggestionOnly };
  } finally {
    after.destroy();
  }
}

/** Whose suggested block some text lies in (decision 0027): the sender's (new or pending), another's, or none. */
type BlockOwner = 'own' | 'other' | null;

interface CharacterRules {
  required: boolean;
  isOwn: (id: string) => boolean;
  mayWrite: (id: string) => boolean;
  isPending: (id: string) => boolean;
}

/**
 * Compares a block's characters before and after an update under the suggestion rules: a refusal,
 * or whether the block's accepted text (its characters not pending insertion, their formatting)
 * stayed as it was. Text in a block suggested as new is that suggestion's (decision 0027): its
 * author writes and deletes it freely, nobody else touches it, and it is no accepted text.
 */
function compareCharacters(
  before: Map<string, CharacterMarks>,
  after: Map<string, CharacterMarks>,
  rules: CharacterRules,
  owner: BlockOwner,
): string | { acceptedUnchanged: boolean } {
  const { required, isOwn, mayWrite, isPending } = rules;
  if (owner === 'other' && (before.size !== after.size || [...after.keys()].some((key) => !before.has(key))))
    return 'this change writes into a block another participant suggested: only its author changes it';
  let acceptedUnchanged = true;
  for (const [key, was] of before) {
    const is = after.get(key);
    if (is === undefined) {
      if (was.deleteId !== null) return 'text suggested for deletion is removed only when the other side accepts the suggestion';
      if (was.insertId !== null && !isOwn(was.insertId)) return 'this change deletes text another participant suggested: only its author withdraws it';
      if (was.formatId !== null && !isOwn(was.formatId))
        return 'this change deletes text another participant suggested formatting for: accept, reject or withdraw it first';
      if (was.insertId === null && owner === null) {
        if (required) return 'suggesting is required in this document: text is deleted by suggesting its deletion';
        acceptedUnchanged = false;
      }
      continue;
    }
    if (was.insertId !== is.insertId) {
      // Dropping the mark of one's own insertion makes it plain text, as typing it directly would.
      if (was.insertId === null || !isOwn(was.insertId) || is.insertId !== null || required)
        return was.insertId !== null && !isOwn(was.insertId)
          ? 'this change alters another participant’s suggestion: only its author changes it'
          : 'a suggested insertion marks new text only';
      acceptedUnchanged = false;
    }
    if (was.deleteId !== is.deleteId) {
      if (was.deleteId !== null && !isOwn(was.deleteId)) return 'this change alters another participant’s suggestion: only its author changes it';
      if (is.deleteId !== null && !mayWrite(is.deleteId)) return 'this change uses a suggestion of another participant, or one already decided';
    }
    const formatRefusal = formatChangeRefusal(was, is, rules);
    if (formatRefusal !== null) return formatRefusal;
    if (was.accepted !== is.accepted && is.insertId === null) {
      if (required) return 'suggesting is required in this document: formatting is changed by suggesting it';
      acceptedUnchanged = false;
    }
  }
  for (const [key, is] of after) {
    if (before.has(key)) continue;
    if (is.insertId !== null && !mayWrite(is.insertId))
      return 'this change writes into another participant’s suggestion, or one already decided: only its author changes a pending suggestion';
    // New text lands inside a suggested deletion when both are made at once: it may carry that
    // deletion's mark (accepting the deletion takes it too), never a new one of its own.
    if (is.deleteId !== null && (is.insertId === null || !(mayWrite(is.deleteId) || isPending(is.deleteId))))
      return 'new text is suggested for deletion only by a pending suggestion';
    // Likewise new text may land inside a formatting suggested at the same time.
    if (is.formatId !== null && !(mayWrite(is.formatId) || isPending(is.formatId)))
      return 'new text carries a formatting suggestion only of its own author, or a pending one';
    if (is.insertId === null && owner === null) {
      if (required) return 'suggesting is required in this document: new text is typed as a suggestion';
      acceptedUnchanged = false;
    }
  }
  return { acceptedUnchanged };
}

/**
 * The formatting rules (S33, decision 0028): nobody changes another participant's format
 * suggestion (its id, the formatting it records as before, the formatting it suggests) or formats
 * their inserted text; a format suggestion is the writer's own (new, or theirs and pending) and
 * records the formatting readers saw before it. Whether the readers' formatting changed is the
 * caller's to judge.
 */
function formatChangeRefusal(was: CharacterMarks, is: CharacterMarks, rules: CharacterRules): string | null {
  const { isOwn, mayWrite } = rules;
  const suggestionChanged = was.formatId !== is.formatId || was.formatting !== is.formatting || was.accepted !== is.accepted;
  if (!suggestionChanged) return null;
  if (was.formatId !== null && !isOwn(was.formatId)) return 'this change alters another participant’s suggestion: only its author changes it';
  if (was.formatting !== is.formatting && is.insertId !== null && !mayWrite(is.insertId))
    return 'this change formats text another participant suggested: only its author changes it';
  if (is.formatId === null) return null;
  if (!mayWrite(is.formatId)) return 'this change uses a suggestion of another participant, or one already decided';
  if (is.accepted !== was.accepted) return 'a formatting suggestion records the formatting its text had before it';
  return null;
}
