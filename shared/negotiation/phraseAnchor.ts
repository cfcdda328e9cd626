import { relativePositionToSlatePoint, slatePointToRelativePosition } from '@slate-yjs/core';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { Node, Point, type Ancestor, type BaseRange, type Path } from 'slate';
import * as Y from 'yjs';
import { z } from 'zod';
import { isText, type DocumentNode } from '#shared/document/nodes';
import { contentRoot, readContent } from '#shared/document/yjsContent';

/**
 * Comments on a phrase. A thread may anchor to a range of an article's text: its two ends are Yjs
 * relative positions in the body (the Y.XmlText nodes slate-yjs binds to Slate), so the range
 * follows the text as anyone edits around it or inside it; the words it covered when the comment
 * was made are kept as its quote. When every word of the phrase is deleted (or the block holding
 * it, or the article) the range collapses or no longer resolves: the phrase is gone, and the thread
 * stays on its article with its quote. The anchor is never a mark in the text: comments do not
 * change the body.
 */

/** An end of the range as the API and the store carry it: an encoded Y.RelativePosition, in base64. */
const encodedPositionSchema = z
  .string()
  .min(4)
  .max(200)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/u, 'an anchor position is base64');

/** Where a comment is anchored, as the client sends it: the two ends of the selected range. */
export const phraseAnchorInputSchema = z.object({ start: encodedPositionSchema, end: encodedPositionSchema });
export type PhraseAnchorInput = z.infer<typeof phraseAnchorInputSchema>;

/** The longest quote kept: a comment is about a phrase, and a longer selection is cut with an ellipsis. */
export const longestQuote = 300;

/** An anchor as a thread keeps it: the range's ends and the words it covered when the comment was made. */
export const phraseAnchorSchema = phraseAnchorInputSchema.extend({ quote: z.string().min(1).max(longestQuote) });
export type PhraseAnchor = z.infer<typeof phraseAnchorSchema>;

/** The body as Slate sees it: the editor itself, or the blocks read from the Y.Doc (bodyOf) on the server. */
type SlateRoot = Ancestor;

/** A document's body as a Slate root, read from its Y.Doc, for finding phrases without an editor. */
export function bodyOf(doc: Y.Doc): SlateRoot {
  return { children: readContent(doc) } as unknown as SlateRoot;
}

function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** Whether a Yjs type is part of the body as it is now: every element holding it is still there. */
function isLiveInBody(type: Y.XmlText, root: Y.XmlText): boolean {
  let current: unknown = type;
  while (current !== root) {
    if (!(current instanceof Y.AbstractType)) return false;
    const item = current._item;
    if (item === null || item.deleted) return false;
    current = item.parent;
  }
  return true;
}

/**
 * A relative position anchored to a character of a text block of the body (or to an empty text
 * block), read as a Slate point; null when it names no such place in this document: a position of
 * another document, of another part of this one (its threads, its variables, an element's
 * attributes), or inside an element since deleted.
 */
function pointOf(doc: Y.Doc, slateRoot: SlateRoot, encoded: string): Point | null {
  const position = decodePosition(encoded);
  // A position naming a root type by name would make Y.Doc create that root: refused outright.
  if (!position || position.tname !== null || (position.item === null && position.type === null)) return null;
  if (position.item !== null) {
    if (Y.getState(doc.store, position.item.client) <= position.item.clock) return null;
    // A character of a text, not an attribute of an element.
    if (Y.getItem(doc.store, position.item).parentSub !== null) return null;
  }
  const root = contentRoot(doc);
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute || absolute.type === root || !(absolute.type instanceof Y.XmlText) || !isLiveInBody(absolute.type, root)) return null;
  try {
    return relativePositionToSlatePoint(root, slateRoot, position);
  } catch {
    return null;
  }
}

/** The article holding a point, by its clauseId. */
function articleAt(slateRoot: SlateRoot, path: Path): string | null {
  for (const [node] of Node.levels(slateRoot, path)) {
    const element = node as DocumentNode;
    if (!isText(element) && element.type === 'article') return element.clauseId;
  }
  return null;
}

/** Where an anchor's phrase is now: its range in the body and its article; null when it is gone. */
export interface PhrasePlace {
  range: BaseRange;
  clauseId: string;
}

/**
 * Finds an anchor's phrase in the body as it is now. Null when the phrase is gone (all of its
 * words deleted, or the block or article holding it) or when the anchor is not one of this
 * document's: both ends must lie in one article, in order, with at least one character between.
 */
export function placePhrase(doc: Y.Doc, slateRoot: SlateRoot, anchor: PhraseAnchorInput): PhrasePlace | null {
  const start = pointOf(doc, slateRoot, anchor.start);
  const end = pointOf(doc, slateRoot, anchor.end);
  if (!start || !end || !Point.isBefore(start, end)) return null;
  const clauseId = articleAt(slateRoot, start.path);
  if (clauseId === null || articleAt(slateRoot, end.path) !== clauseId) return null;
  return { range: { anchor: start, focus: end }, clauseId };
}

/**
 * The anchor of a selected range: its start sticks to the phrase's first character and its end to
 * its last, so that words typed just before or just after the phrase stay out of it and words
 * typed inside it are in.
 */
export function anchorOfRange(doc: Y.Doc, slateRoot: SlateRoot, range: BaseRange): PhraseAnchorInput {
  const [first, last] = Point.isBefore(range.focus, range.anchor) ? [range.focus, range.anchor] : [range.anchor, range.focus];
  const root = contentRoot(doc);
  const stick = (point: Point, assoc: number): string => {
    const absolute = Y.createAbsolutePositionFromRelativePosition(slatePointToRelativePosition(root, slateRoot, point), doc);
    if (!absolute) throw new Error('a point of the editor is not in the document');
    return encodePosition(Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc));
  };
  return { start: stick(first, 0), end: stick(last, -1) };
}

/** How a phrase reads in a quote: its words, a variable's chip as an ellipsis (a quote never shows an id), blocks on their own lines. */
function readable(nodes: readonly DocumentNode[]): string {
  const inline = nodes.some(isText);
  return nodes.map((node) => (isText(node) ? node.text : node.type === 'variable' ? '…' : readable(node.children as DocumentNode[]))).join(inline ? '' : '\n');
}

/** The words a range covers, as a quote (cut with an ellipsis past the longest quote). */
export function quoteOf(slateRoot: SlateRoot, range: BaseRange): string {
  const text = readable(Node.fragment(slateRoot, range) as DocumentNode[]).trim();
  return text.length > longestQuote ? `${text.slice(0, longestQuote - 1)}…` : text;
}
