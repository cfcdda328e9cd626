import { yTextToSlateElement } from '@slate-yjs/core';
import * as Y from 'yjs';
import type { DocumentNode } from '#shared/document/nodes';
import { isSuggestionMarkName, withoutPendingSuggestionsIn } from '#shared/document/suggestionMarks';
import { contentRoot } from '#shared/document/yjsContent';
import { blockMarksOf } from '#shared/negotiation/suggestions';
import type { SharedType } from '#main/sync/updateInspection';

const unmarked = { insertId: null, deleteId: null };

/** The block suggestion marks of a type (decision 0027): none unless it is an element. */
function marksOf(type: SharedType): ReturnType<typeof blockMarksOf> {
  return type instanceof Y.XmlText ? blockMarksOf(type) : unmarked;
}

/** The element holding a type, or null at the body's root. */
function holderOf(type: SharedType): SharedType | null {
  const parent: unknown = type._item?.parent;
  return parent instanceof Y.AbstractType ? (parent as SharedType) : null;
}

/**
 * The suggestion a type belongs to as part of a block suggested as new (the type itself, or a
 * block holding it), or null: text and blocks inside such a block are that suggestion's.
 */
export function insertionAround(type: SharedType): string | null {
  for (let current: SharedType | null = type; current !== null; current = holderOf(current)) {
    const { insertId } = marksOf(current);
    if (insertId !== null) return insertId;
  }
  return null;
}

/** Whether a type, or a block holding it, carries a block suggestion mark. */
export function withinMarkedBlock(type: SharedType): boolean {
  for (let current: SharedType | null = type; current !== null; current = holderOf(current)) {
    const { insertId, deleteId } = marksOf(current);
    if (insertId !== null || deleteId !== null) return true;
  }
  return false;
}

/** The elements a type holds, at every depth (itself first when it is one). */
export function elementsIn(type: SharedType): Y.XmlText[] {
  const found: Y.XmlText[] = type instanceof Y.XmlText && type._item !== null ? [type] : [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType) found.push(...elementsIn(item.content.type as SharedType));
  }
  return found;
}

/** The same type in a copy of the document (found by the item holding it; the body's root is the root), or null when the copy deleted it. */
export function sameTypeIn(copy: Y.Doc, type: SharedType): SharedType | null {
  const holder = type._item;
  if (holder === null) return contentRoot(copy) as unknown as SharedType;
  const item = Y.getItem(copy.store, holder.id);
  return item instanceof Y.Item && !item.deleted && item.content instanceof Y.ContentType ? (item.content.type as SharedType) : null;
}

/** An element's attributes other than suggestion marks, as a comparable key (a paragraph made a clause changes it). */
export function plainAttributesKey(type: SharedType): string {
  if (!(type instanceof Y.XmlText)) return '';
  const attributes = Object.entries(type.getAttributes() as Record<string, unknown>).filter(([key]) => !isSuggestionMarkName(key));
  return JSON.stringify(attributes.sort(([a], [b]) => a.localeCompare(b)));
}

/** A type of the body as the accepted text reads it (no pending suggestion accepted), as a comparable key. */
export function acceptedKey(type: SharedType): string {
  const element = yTextToSlateElement(type as unknown as Y.XmlText) as unknown as DocumentNode;
  return JSON.stringify(withoutPendingSuggestionsIn(element));
}

export interface BlockRules {
  required: boolean;
  isOwn: (id: string) => boolean;
  mayWrite: (id: string) => boolean;
}

/**
 * The block rules (S32, decision 0027) for an element the document has, which the update deletes
 * (`now` null) or whose marks it may change: a block suggested for deletion goes only by
 * accepting it; a block suggested as new (or anything in it) is removed only by its author; an
 * existing block is never marked as new; nobody changes another's marks nor marks with an id
 * not theirs to use; while suggesting is required, a block is removed only by a suggestion.
 */
export function existingBlockRefusal(was: Y.XmlText, now: SharedType | null, rules: BlockRules): string | null {
  const before = blockMarksOf(was);
  if (now === null) {
    if (before.deleteId !== null) return 'a block suggested for deletion is removed only when the other side accepts the suggestion';
    const insertion = insertionAround(was as unknown as SharedType);
    if (insertion !== null && !rules.isOwn(insertion)) return 'this change removes a block another participant suggested: only its author withdraws it';
    if (insertion === null && rules.required) return 'suggesting is required in this document: a block is removed by suggesting its deletion';
    return null;
  }
  const after = marksOf(now);
  if (before.insertId !== after.insertId) {
    if (before.insertId !== null && !rules.isOwn(before.insertId)) return 'this change alters another participant’s suggestion: only its author changes it';
    if (before.insertId === null) return 'a block is suggested as new only when it is added';
    if (rules.required) return 'suggesting is required in this document: a suggested block joins the text when the other side accepts it';
  }
  if (before.deleteId !== after.deleteId) {
    if (before.deleteId !== null && !rules.isOwn(before.deleteId)) return 'this change alters another participant’s suggestion: only its author changes it';
    if (after.deleteId !== null && !rules.mayWrite(after.deleteId)) return 'this change uses a suggestion of another participant, or one already decided';
    if (after.deleteId !== null && insertionAround(now) !== null) return 'a block suggested as new is withdrawn or declined, not suggested for deletion';
  }
  return null;
}

/**
 * The block rules for an element an update creates: never suggested for deletion at birth; part
 * of a block suggested as new (itself or one holding it) only under an id the sender may use; and
 * while suggesting is required, always part of one.
 */
export function createdBlockRefusal(created: Y.XmlText, rules: BlockRules): string | null {
  if (blockMarksOf(created).deleteId !== null) return 'a new block cannot be suggested for deletion';
  const insertion = insertionAround(created as unknown as SharedType);
  if (insertion !== null && !rules.mayWrite(insertion))
    return 'this change writes into another participant’s suggestion, or one already decided: only its author changes a pending suggestion';
  if (insertion === null && rules.required) return 'suggesting is required in this document: a block is added by suggesting it';
  return null;
}
