import * as Y from 'yjs';
import { holdsText } from '#shared/document/elementRules';
import { contentRootName } from '#shared/document/yjsContent';
import { agreedArticles } from '#shared/negotiation/agreedLock';
import { elementAttribute } from '#main/sync/elementAttributes';
import { rootOfType, type SharedType } from '#main/sync/updateInspection';

/**
 * A move is a deletion and an insertion of a copy (slate-yjs's moveNodes): text typed in the old
 * copy by someone who had not seen the move is deleted with it. This module finds that text, as a
 * transaction applying a client's update leaves it, and where it belongs in the moved copy
 * (decision 0026). It only reads the document; the server writes the carries.
 */

/** Text lost to a move and where it goes: `index` in `block` (null: appended to its end). */
export interface Carry {
  block: Y.XmlText;
  index: number | null;
  text: string;
  /** The Yjs client id that typed it (its participant is the carry's author). */
  client: number;
}

/** Stands for a variable chip (or any other one-place content) in the texts compared. */
const onePlace = '\uFFFC';

/** A delete set (Yjs does not export its type). */
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** Which characters of which client: a set of clocks per client id. */
type Clocks = Map<number, Set<number>>;

function has(clocks: Clocks, client: number, clock: number): boolean {
  return clocks.get(client)?.has(clock) ?? false;
}

/** The element type of a Y.XmlText of the body (its Slate `type`), if any. */
function typeOf(element: Y.XmlText): unknown {
  return elementAttribute(element, 'type');
}

function isTextBlock(type: unknown): type is Y.XmlText {
  if (!(type instanceof Y.XmlText) || type._item === null) return false;
  const elementType = typeOf(type);
  return typeof elementType === 'string' && holdsText(elementType as Parameters<typeof holdsText>[0]);
}

/** The element a type sits in (its parent), or null at the top of a root. */
function parentOf(type: Y.XmlText): Y.XmlText | null {
  const parent = type._item?.parent;
  return parent instanceof Y.XmlText ? parent : null;
}

/** The elements directly inside an element, in order; with `withDeleted`, those deleted too. */
function childElements(element: Y.XmlText, withDeleted: boolean): Y.XmlText[] {
  const children: Y.XmlText[] = [];
  for (let item = element._start; item !== null; item = item.right) {
    if ((withDeleted || !item.deleted) && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) children.push(item.content.type);
  }
  return children;
}

/** The text blocks inside an element (itself, if it is one), in document order. */
function textBlocksOf(element: Y.XmlText, withDeleted: boolean): Y.XmlText[] {
  if (isTextBlock(element)) return [element];
  return childElements(element, withDeleted).flatMap((child) => textBlocksOf(child, withDeleted));
}

/** The live (not deleted) article with this clauseId: articles stand at the top of the body or in chapters. */
function liveArticle(doc: Y.Doc, clauseId: string): Y.XmlText | null {
  const content = doc.get(contentRootName, Y.XmlText) as Y.XmlText;
  for (const top of childElements(content, false)) {
    const candidates = typeOf(top) === 'chapter' ? childElements(top, false) : [top];
    for (const candidate of candidates) if (typeOf(candidate) === 'article' && elementAttribute(candidate, 'clauseId') === clauseId) return candidate;
  }
  return null;
}

/** A block's content as a string of places: text as it is, anything else one place wide. */
interface BlockText {
  text: string;
  /** For each lost run: where it starts in `text` (which excludes lost text), its text and client. */
  runs: { offset: number; text: string; client: number }[];
}

/**
 * Reads an old block: the text that stays to compare (characters `kept` accepts) and the runs of
 * lost characters, each at its place in that text.
 */
function readOldBlock(block: Y.XmlText, lost: Clocks, kept: (client: number, clock: number) => boolean): BlockText {
  let text = '';
  const runs: BlockText['runs'] = [];
  let run: BlockText['runs'][number] | null = null;
  for (let item = block._start; item !== null; item = item.right) {
    const { content } = item;
    if (content instanceof Y.ContentFormat) continue;
    const characters = content instanceof Y.ContentString ? content.str : onePlace.repeat(item.length);
    for (let i = 0; i < item.length; i += 1) {
      const clock = item.id.clock + i;
      const character = characters[i] ?? onePlace;
      if (content instanceof Y.ContentString && has(lost, item.id.client, clock)) {
        if (run === null || run.client !== item.id.client || run.offset !== text.length) {
          run = { offset: text.length, text: '', client: item.id.client };
          runs.push(run);
        }
        run.text += character;
      } else if (kept(item.id.client, clock)) {
        text += character;
        run = null;
      }
    }
  }
  return { text, runs };
}

/** A live block's content as a string of places (see readOldBlock). */
function liveText(block: Y.XmlText): string {
  let text = '';
  for (let item = block._start; item !== null; item = item.right) {
    if (item.deleted || item.content instanceof Y.ContentFormat) continue;
    text += item.content instanceof Y.ContentString ? item.content.str : onePlace.repeat(item.length);
  }
  return text;
}

/**
 * Where a place of `before` is in `after`, when the text on one side of it is unchanged: from the
 * start (a common prefix reaching it) or from the end (a common suffix); null otherwise.
 */
export function mapOffset(before: string, after: string, offset: number): number | null {
  if (before === after) return offset;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  if (offset <= prefix) return offset;
  let suffix = 0;
  const most = Math.min(before.length, after.length) - prefix;
  while (suffix < most && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  return before.length - offset <= suffix ? after.length - (before.length - offset) : null;
}

/**
 * The characters a transaction deleted that the update it applied did not delete itself: text in
 * an element the update deleted whole (a move) that its author had not seen, or text the update
 * typed into an element deleted before it arrived. Only text in the body's text blocks counts.
 */
function lostCharacters(transaction: Y.Transaction, updateDeletions: DeleteSet): { lost: Clocks; blocks: Set<Y.XmlText> } {
  const lost: Clocks = new Map();
  const blocks = new Set<Y.XmlText>();
  const { store } = transaction.doc;
  for (const [client, ranges] of transaction.deleteSet.clients) {
    for (const range of ranges) {
      const end = range.clock + range.len;
      for (let clock = range.clock; clock < end; ) {
        const item = Y.getItem(store, new Y.ID(client, clock));
        const itemEnd = item.id.clock + item.length;
        const parent = item instanceof Y.Item ? item.parent : null;
        const inBody = parent instanceof Y.XmlText && isTextBlock(parent) && rootOfType(parent as unknown as SharedType) === contentRootName;
        if (inBody && item instanceof Y.Item && item.content instanceof Y.ContentString) {
          for (let at = clock; at < Math.min(end, itemEnd); at += 1) {
            if (Y.isDeleted(updateDeletions, new Y.ID(client, at))) continue;
            const clocks = lost.get(client) ?? new Set<number>();
            clocks.add(at);
            lost.set(client, clocks);
            blocks.add(parent);
          }
        }
        clock = itemEnd;
      }
    }
  }
  return { lost, blocks };
}

/** Whether an ID was written by the transaction's update (it was not in the document before). */
function isNew(transaction: Y.Transaction, client: number, clock: number): boolean {
  return clock >= (transaction.beforeState.get(client) ?? 0);
}

/** Whether an element's own item was deleted by this transaction (rather than before it). */
function deletedNow(transaction: Y.Transaction, element: Y.XmlText): boolean {
  const item = element._item;
  return item !== null && item.deleted && Y.isDeleted(transaction.deleteSet, item.id) && !isNew(transaction, item.id.client, item.id.clock);
}

/** The nearest deleted article holding a block, with its clauseId. */
function deletedArticleOf(block: Y.XmlText): { article: Y.XmlText; clauseId: string } | null {
  for (let element: Y.XmlText | null = parentOf(block); element !== null; element = parentOf(element)) {
    if (typeOf(element) !== 'article') continue;
    const clauseId = elementAttribute(element, 'clauseId');
    return element._item?.deleted && typeof clauseId === 'string' ? { article: element, clauseId } : null;
  }
  return null;
}

/** The only block among `candidates` of `type` whose text is `text`, if exactly one is. */
function onlyMatch(candidates: Iterable<Y.XmlText>, type: unknown, text: string): Y.XmlText | null {
  let found: Y.XmlText | null = null;
  for (const candidate of candidates) {
    if (candidate._item?.deleted || typeOf(candidate) !== type || liveText(candidate) !== text) continue;
    if (found !== null && found !== candidate) return null;
    found = candidate;
  }
  return found;
}

/** The blocks the transaction inserted (inside the types it changed): where a moved block's copy is. */
function blocksInserted(transaction: Y.Transaction): Y.XmlText[] {
  const inserted: Y.XmlText[] = [];
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlText)) continue;
    for (const child of childElements(type, false)) {
      const item = child._item;
      if (item !== null && isNew(transaction, item.id.client, item.id.clock)) inserted.push(...textBlocksOf(child, false));
    }
  }
  return inserted;
}

/**
 * What of the text a transaction deleted without its update deleting it belongs in a moved copy,
 * and where. An article moved is found by its clauseId (stable for its whole life); a block moved
 * on its own (a clause, a point) by its type and text, among the blocks the same update inserted
 * or, when the move came first, the blocks of its article. Text deleted with an element that
 * was not moved (deleted for good) is not carried. Reads the article concerned only, and the
 * document's articles to find one by clauseId.
 */
export function editsLostToMoves(transaction: Y.Transaction, updateDeletions: DeleteSet): LostToMoves {
  if (transaction.deleteSet.clients.size === 0) return { carries: [], intoAgreed: [] };
  const { lost, blocks } = lostCharacters(transaction, updateDeletions);
  const carries: Carry[] = [];
  for (const block of blocks) {
    const moved = deletedArticleOf(block);
    if (moved !== null) carries.push(...carriesInArticle(transaction, updateDeletions, block, moved.article, moved.clauseId, lost));
    else if (block._item?.deleted) carries.push(...carriesInBlock(transaction, block, lost));
  }
  // What both sides agreed changes only through a position the other side accepts (S23): text
  // typed in an older copy of an article agreed since (a position accepted replaced it) is not
  // carried into the agreed text; it becomes its author's draft, as a refused edit would.
  if (carries.length === 0) return { carries, intoAgreed: [] };
  const agreed = agreedArticles(transaction.doc);
  const intoAgreed = (carry: Carry): boolean => {
    const clauseId = carriedArticle(carry);
    return clauseId !== null && agreed.has(clauseId);
  };
  return { carries: carries.filter((carry) => !intoAgreed(carry)), intoAgreed: carries.filter(intoAgreed) };
}

/** Text a move deleted unseen: what goes into the moved copies, and what would go into an article agreed since. */
export interface LostToMoves {
  carries: Carry[];
  intoAgreed: Carry[];
}

/** The clauseId of the article a carry goes into, or null. */
export function carriedArticle(carry: Carry): string | null {
  return articleClauseIdOf(carry.block);
}

/**
 * Carries in the order they are written: those with a place from the end of their block to its
 * start (two at one place, the later first), so that each lands where it was found; then those
 * appended to the end of their block.
 */
export function inWritingOrder(carries: readonly Carry[]): Carry[] {
  const placed = [...carries.entries()]
    .filter(([, carry]) => carry.index !== null)
    .sort(([first, a], [second, b]) => (b.index ?? 0) - (a.index ?? 0) || second - first)
    .map(([, carry]) => carry);
  return [...placed, ...carries.filter((carry) => carry.index === null)];
}

/** The same carry in a copy of the document (its block found by the Yjs item holding it), or null. */
export function carryInCopy(carry: Carry, copy: Y.Doc): Carry | null {
  const holder = carry.block._item;
  const item = holder === null ? null : Y.getItem(copy.store, holder.id);
  return item instanceof Y.Item && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText
    ? { ...carry, block: item.content.type }
    : null;
}

/** The clauseId of the article a block lies in, or null. */
function articleClauseIdOf(block: Y.XmlText): string | null {
  let element: Y.XmlText | null = block;
  while (element !== null && typeOf(element) !== 'article') element = parentOf(element);
  const clauseId = element === null ? null : elementAttribute(element, 'clauseId');
  return typeof clauseId === 'string' ? clauseId : null;
}

/** Carries for a block of a moved article: into the block at the same place in the live copy. */
function carriesInArticle(
  transaction: Y.Transaction,
  updateDeletions: DeleteSet,
  block: Y.XmlText,
  article: Y.XmlText,
  clauseId: string,
  lost: Clocks,
): Carry[] {
  const live = liveArticle(transaction.doc, clauseId);
  if (live === null) return [];
  const movedNow = deletedNow(transaction, article);
  // The mover's view: text and blocks its update deleted (when the move is this update), or all that
  // was there before this update (when the move came first; text deleted earlier still counts).
  const kept = (client: number, clock: number): boolean =>
    !has(lost, client, clock) && (movedNow ? Y.isDeleted(transaction.deleteSet, new Y.ID(client, clock)) : !isNew(transaction, client, clock));
  const keptBlock = (candidate: Y.XmlText): boolean => {
    const item = candidate._item;
    if (item === null) return false;
    // A block typed in the old copy unseen by the mover is no block of the mover's view.
    return movedNow ? Y.isDeleted(updateDeletions, item.id) && Y.isDeleted(transaction.deleteSet, item.id) : !isNew(transaction, item.id.client, item.id.clock);
  };
  const oldBlocks = textBlocksOf(article, true).filter(keptBlock);
  const liveBlocks = textBlocksOf(live, false);
  const position = oldBlocks.indexOf(block);
  const target = oldBlocks.length === liveBlocks.length && position >= 0 ? liveBlocks[position] : undefined;
  const { text, runs } = readOldBlock(block, lost, kept);
  if (target === undefined) {
    const last = liveBlocks.at(-1);
    return last === undefined ? [] : runs.map((run) => ({ block: last, index: null, text: run.text, client: run.client }));
  }
  const after = liveText(target);
  return runs.map((run) => ({ block: target, index: mapOffset(text, after, run.offset), text: run.text, client: run.client }));
}

/** Carries for a block moved on its own (a clause, a point): into its copy, found by type and text. */
function carriesInBlock(transaction: Y.Transaction, block: Y.XmlText, lost: Clocks): Carry[] {
  const movedNow = deletedNow(transaction, block);
  const kept = (client: number, clock: number): boolean =>
    !has(lost, client, clock) && (movedNow ? Y.isDeleted(transaction.deleteSet, new Y.ID(client, clock)) : !isNew(transaction, client, clock));
  const { text, runs } = readOldBlock(block, lost, kept);
  if (runs.length === 0 || text.length === 0) return [];
  let candidates: Y.XmlText[];
  if (movedNow) candidates = blocksInserted(transaction);
  else {
    let article = parentOf(block);
    while (article !== null && typeOf(article) !== 'article') article = parentOf(article);
    candidates = article === null || article._item?.deleted ? [] : textBlocksOf(article, false);
  }
  const target = onlyMatch(candidates, typeOf(block), text);
  if (target === null) return [];
  return runs.map((run) => ({ block: target, index: run.offset, text: run.text, client: run.client }));
}

/** Writes a carry into its block: at its place, or at the block's end (apart from what ends it). */
export function insertCarry(carry: Carry): void {
  if (carry.index !== null) {
    carry.block.insert(carry.index, carry.text);
    return;
  }
  const last = liveText(carry.block).at(-1);
  const apart = last === undefined || /\s/.test(last) || /^\s/.test(carry.text);
  carry.block.insert(carry.block.length, apart ? carry.text : ` ${carry.text}`);
}
