import { ApiError } from '#shared/api/errors';
import { attributeProblem, childTypes, holdsText, isElementType, markNames, requiredAttributes, type ElementParent } from '#shared/document/elementRules';
import type { TopLevelBlock } from '#shared/document/nodes';
import { formatFromKey, isSuggestionId, isSuggestionMarkName, marksOfCode } from '#shared/document/suggestionMarks';

/**
 * A stored body that cannot be laid out (exported, reported, put in the minutes): its shape was
 * damaged before the sync server checked the shape of every change. The message names the place.
 */
export class DamagedBodyError extends ApiError {
  constructor(place: string, problem: string) {
    super('damaged_document', `the document's text is damaged ${place}: ${problem}; restore a version from before the damage`);
    this.name = 'DamagedBodyError';
  }
}

const textKeys = new Set<string>(['text', ...markNames]);

/** Walks a body in document order, naming places by article number as a reader counts them. */
class BodyWalk {
  private articles = 0;
  private place = 'at the start of the body';

  check(node: unknown, parent: ElementParent, topIndex: number): void {
    if (parent === 'body') this.place = `in block ${topIndex + 1} of the body`;
    if (typeof node !== 'object' || node === null || Array.isArray(node))
      throw new DamagedBodyError(this.place, 'something that is neither text nor an element');
    const fields = node as Record<string, unknown>;
    if (!('type' in fields)) return this.checkText(fields, parent);
    const { type } = fields;
    if (!isElementType(type)) throw new DamagedBodyError(this.place, `an element of unknown type (${JSON.stringify(type)?.slice(0, 40)})`);
    if (type === 'article') {
      this.articles += 1;
      this.place = `in Điều ${this.articles}`;
    }
    if (!childTypes[parent].includes(type)) throw new DamagedBodyError(this.place, `a ${type} inside ${parent === 'body' ? 'the body' : `a ${parent}`}`);
    for (const key of requiredAttributes(type)) if (!(key in fields)) throw new DamagedBodyError(this.place, `a ${type} without its ${key}`);
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'children') continue;
      const problem = attributeProblem(type, key, value);
      if (problem) throw new DamagedBodyError(this.place, problem);
    }
    if (!Array.isArray(fields.children)) throw new DamagedBodyError(this.place, `a ${type} without children`);
    for (const child of fields.children) this.check(child, type, topIndex);
  }

  private checkText(fields: Record<string, unknown>, parent: ElementParent): void {
    // A variable chip, being void, holds one empty text; text blocks hold text.
    if (!holdsText(parent) && parent !== 'variable')
      throw new DamagedBodyError(this.place, `text directly inside ${parent === 'body' ? 'the body' : `a ${parent}`}`);
    if (typeof fields.text !== 'string') throw new DamagedBodyError(this.place, 'a text that is not text');
    for (const [key, value] of Object.entries(fields)) {
      const known = isSuggestionMarkName(key) ? isSuggestionId(value) : key === formatFromKey ? marksOfCode(value) !== null : textKeys.has(key);
      if (!known) throw new DamagedBodyError(this.place, `text formatted with "${key}"`);
    }
  }
}

/** Returns a body as its shape allows it to be laid out, or throws DamagedBodyError naming the place. */
export function checkBodyShape(blocks: readonly unknown[]): TopLevelBlock[] {
  if (blocks.length === 0) throw new DamagedBodyError('as a whole', 'the body is empty');
  const walk = new BodyWalk();
  blocks.forEach((block, index) => walk.check(block, 'body', index));
  return blocks as TopLevelBlock[];
}
