import { markNames, stableIdPattern } from '#shared/document/elementRules';
import { isText, type DocumentNode, type FormattedText, type Mark } from '#shared/document/nodes';

/**
 * Suggestions live in the body as text marks (decision 0024): an inserted run carries
 * `suggestInsert`, a run suggested for deletion stays with `suggestDelete`, each naming the
 * suggestion's id; a replacement is both under one id.
 */
export const suggestionMarkNames = ['suggestInsert', 'suggestDelete', 'suggestFormat'] as const;
type SuggestionMarkName = (typeof suggestionMarkNames)[number];

export function isSuggestionMarkName(key: string): key is SuggestionMarkName {
  return (suggestionMarkNames as readonly string[]).includes(key);
}

/** A suggestion id as clients choose them: the shape of the body's other stable ids. */
export function isSuggestionId(value: unknown): value is string {
  return typeof value === 'string' && stableIdPattern.test(value);
}

/**
 * A run whose formatting is suggested (decision 0028) carries its new formatting, `suggestFormat`
 * naming the suggestion, and under this key the formatting it had before, as a format code.
 */
export const formatFromKey = 'suggestFormatFrom';

const plainCode = 'plain';

/**
 * A formatting as one canonical string, the marks in their fixed order joined by "+" ("bold+italic"),
 * or "plain": equal formattings have equal codes, so the server compares them as strings.
 */
export function formatCode(marks: Partial<Record<Mark, unknown>>): string {
  const on = markNames.filter((mark) => marks[mark] === true);
  return on.length === 0 ? plainCode : on.join('+');
}

/** The marks a format code names, or null when it is no canonical code. */
export function marksOfCode(code: unknown): Mark[] | null {
  if (code === plainCode) return [];
  if (typeof code !== 'string') return null;
  const marks = markNames.filter((mark) => code.split('+').includes(mark));
  return marks.length > 0 && marks.join('+') === code ? marks : null;
}

/** The formatting a text shows: its own marks, or, under a pending format suggestion, those it had before. */
function acceptedFormatting(text: FormattedText): FormattedText {
  const plain: FormattedText = { ...text };
  delete plain.suggestDelete;
  if (text.suggestFormat === undefined) return plain;
  delete plain.suggestFormat;
  delete plain.suggestFormatFrom;
  delete plain.bold;
  delete plain.italic;
  delete plain.underline;
  const before = marksOfCode(text.suggestFormatFrom) ?? [];
  return { ...plain, ...Object.fromEntries(before.map((mark) => [mark, true])) };
}

/** The marks of a text other than suggestions, as a key comparing equal for equal formatting. */
function formattingKey(text: FormattedText): string {
  return formatCode(text);
}

/**
 * The text as it is while no pending suggestion is accepted: pending insertions left out, runs
 * suggested for deletion kept, runs with suggested formatting in the formatting they had, unmarked;
 * so are blocks (decision 0027): a block suggested as new, or as the new place of a moved one, is
 * left out, a block suggested for deletion stays. Every reader of the body but the editor reads
 * this one text (exports, the compliance check, the minutes, agreement and the voted text's hash).
 */
export function withoutPendingSuggestions<T extends DocumentNode>(nodes: readonly T[]): T[] {
  return nodes.filter((node) => !isSuggestedBlock(node)).map(withoutPendingSuggestionsIn);
}

/** One node (an article, say) as withoutPendingSuggestions reads it. */
export function withoutPendingSuggestionsIn<T extends DocumentNode>(node: T): T {
  return acceptedNode(node) as T;
}

/**
 * The body with only its pending text insertions and deletions left marked: blocks suggested as
 * new (or as a moved block's new place) left out and deletion marks of blocks dropped, as the
 * accepted text reads them, and suggested formatting read as it was. What an export carries as
 * Word tracked changes (decision 0030): its blocks are the accepted body's, in the same places.
 */
export function withTextSuggestionsOnly<T extends DocumentNode>(nodes: readonly T[]): T[] {
  return nodes.filter((node) => !isSuggestedBlock(node)).map((node) => textSuggestionsOnly(node) as T);
}

function textSuggestionsOnly(node: DocumentNode): DocumentNode {
  if (isText(node)) {
    if (node.suggestFormat === undefined) return node;
    const formatting = acceptedFormatting(node);
    return node.suggestDelete === undefined ? formatting : { ...formatting, suggestDelete: node.suggestDelete };
  }
  const element = withoutDeletionMark(node);
  return { ...element, children: withTextSuggestionsOnly(element.children as DocumentNode[]) } as DocumentNode;
}

/** Whether a node is a block suggested as new (or as a moved block's new place): no part of the accepted text. */
export function isSuggestedBlock(node: DocumentNode): boolean {
  return !isText(node) && 'suggestInsert' in node && node.suggestInsert !== undefined;
}

/** An element without its own deletion mark: until accepted, a block suggested for deletion is read as it is. */
function withoutDeletionMark(node: Exclude<DocumentNode, FormattedText>): Exclude<DocumentNode, FormattedText> {
  if (!('suggestDelete' in node) || node.suggestDelete === undefined) return node;
  const plain = { ...node };
  delete plain.suggestDelete;
  return plain;
}

function acceptedNode(node: DocumentNode): DocumentNode {
  if (isText(node)) return node;
  const element = withoutDeletionMark(node);
  const all = element.children as DocumentNode[];
  const children = all.some(isSuggestedBlock) ? all.filter((child) => !isSuggestedBlock(child)) : all;
  if (!children.some((child) => isText(child) && (child.suggestInsert !== undefined || child.suggestDelete !== undefined || child.suggestFormat !== undefined)))
    return children.some((child) => !isText(child)) ? ({ ...element, children: children.map(acceptedNode) } as DocumentNode) : element;
  const kept: DocumentNode[] = [];
  for (const child of children) {
    if (!isText(child)) {
      kept.push(acceptedNode(child));
      continue;
    }
    if (child.suggestInsert !== undefined) continue;
    const plain = acceptedFormatting(child);
    const previous = kept[kept.length - 1];
    // Runs that only a suggestion set apart join again, as Slate would keep them.
    if (previous !== undefined && isText(previous) && formattingKey(previous) === formattingKey(plain))
      kept[kept.length - 1] = { ...previous, text: previous.text + plain.text };
    else kept.push(plain);
  }
  // Slate keeps a text at each end of a block and between two chips: one left out leaves an empty one.
  const spaced: DocumentNode[] = [];
  for (const child of kept) {
    const previous = spaced[spaced.length - 1];
    if (!isText(child) && (previous === undefined || !isText(previous))) spaced.push({ text: '' });
    spaced.push(child);
  }
  const last = spaced[spaced.length - 1];
  if (last === undefined || !isText(last)) spaced.push({ text: '' });
  return { ...element, children: spaced } as DocumentNode;
}
