import { textBlockTypes, type ElementType, type Mark } from '#shared/document/nodes';

/**
 * The shape of nodes.ts as rules on one element at a time: which elements may stand in which,
 * which attributes each carries. The sync server's write policy checks every update with them,
 * and whoever reads a stored body checks it with them before laying it out.
 */

/** Where an element may stand: the body's top level, or inside an element of a type. */
export type ElementParent = ElementType | 'body';

const inlineOnly: readonly ElementType[] = ['variable'];

/** The element types each parent may hold (text blocks also hold text). */
export const childTypes: Readonly<Record<ElementParent, readonly ElementType[]>> = {
  body: ['chapter', 'article', 'paragraph'],
  chapter: ['chapter-title', 'article'],
  article: ['article-title', 'paragraph', 'clause', 'point', 'bulleted-list', 'table'],
  'bulleted-list': ['list-item'],
  table: ['table-row'],
  'table-row': ['table-cell'],
  paragraph: inlineOnly,
  clause: inlineOnly,
  point: inlineOnly,
  'list-item': inlineOnly,
  'table-cell': inlineOnly,
  'article-title': inlineOnly,
  'chapter-title': inlineOnly,
  variable: [],
};

/** Every element type there is. */
export const elementTypes = Object.keys(childTypes).filter((type): type is ElementType => type !== 'body');

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && (elementTypes as readonly string[]).includes(value);
}

/** Whether an element of this type holds text (and variable chips). */
export function holdsText(type: ElementParent): boolean {
  return (textBlockTypes as readonly string[]).includes(type);
}

/** Text formatting a body may carry (Slate marks). */
export const markNames: readonly Mark[] = ['bold', 'italic', 'underline'];

/** Article and chapter ids: 1 to 64 letters, digits, "_", "-" or ".". */
export const stableIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;

type AttributeRule = { required: boolean; accepts: (value: unknown) => boolean };

const stableId: AttributeRule = { required: true, accepts: (value) => typeof value === 'string' && stableIdPattern.test(value) };
const shortText = (required: boolean): AttributeRule => ({
  required,
  accepts: (value) => typeof value === 'string' && value.length >= 1 && value.length <= 80,
});

/** A block suggested as a whole names the suggestion's id (decision 0027). */
const suggestionId: AttributeRule = { required: false, accepts: (value) => typeof value === 'string' && stableIdPattern.test(value) };
const blockSuggestion = { suggestInsert: suggestionId, suggestDelete: suggestionId };

/** The element types a block suggestion marks: the blocks one adds, removes or moves (decision 0027). */
export const suggestedBlockTypes = [
  'article',
  'paragraph',
  'clause',
  'point',
  'bulleted-list',
  'list-item',
  'table',
  'table-row',
] as const satisfies readonly ElementType[];
export type SuggestedBlockType = (typeof suggestedBlockTypes)[number];

export function isSuggestedBlockType(value: unknown): value is SuggestedBlockType {
  return typeof value === 'string' && (suggestedBlockTypes as readonly string[]).includes(value);
}

/** The attributes of each element type besides `type`, and what each accepts. */
export const elementAttributes: Readonly<Record<ElementType, Readonly<Record<string, AttributeRule>>>> = {
  chapter: { chapterId: stableId },
  article: { clauseId: stableId, templateId: shortText(false), ...blockSuggestion },
  variable: { variableId: shortText(true) },
  'table-cell': { header: { required: false, accepts: (value) => value === true } },
  paragraph: blockSuggestion,
  clause: blockSuggestion,
  point: blockSuggestion,
  'list-item': blockSuggestion,
  'bulleted-list': blockSuggestion,
  table: blockSuggestion,
  'table-row': blockSuggestion,
  'article-title': {},
  'chapter-title': {},
};

/** Why an attribute cannot be set to this value on an element of this type, or null. */
export function attributeProblem(type: ElementType, key: string, value: unknown): string | null {
  if (key === 'type') return null;
  const rule = elementAttributes[type][key];
  if (!rule) return `a ${type} has no attribute "${key}"`;
  return rule.accepts(value) ? null : `invalid ${key} on a ${type}`;
}

/** The attributes an element of this type must have besides `type`. */
export function requiredAttributes(type: ElementType): string[] {
  return Object.entries(elementAttributes[type])
    .filter(([, rule]) => rule.required)
    .map(([key]) => key);
}
