import type { SuggestedBlockType } from '#shared/document/elementRules';
import type { Language } from '#shared/format/locale';
import type { SuggestedBlock } from '#shared/negotiation/suggestions';
import { variableLabel, type VariableLookup } from '#shared/templates/variableValues';

/** What a block suggestion does (decision 0027), as the screen and the minutes tell it. */
export interface BlockChange {
  /** A move is a block both removed and added under one id. */
  change: 'new' | 'delete' | 'move';
  type: SuggestedBlockType;
  /** The block's first line, a chip read as its variable's name (its id is no one's word). */
  firstLine: string;
}

export function blockChangeOf(blocks: readonly SuggestedBlock[], lookup: VariableLookup, language: Language): BlockChange | null {
  const inserted = blocks.find((block) => block.change === 'insert');
  const deleted = blocks.find((block) => block.change === 'delete');
  const shown = inserted ?? deleted;
  if (!shown) return null;
  const firstLine = (shown.text.split('\n')[0] ?? '').replace(/\{\{([^}]+)\}\}/g, (_chip, id: string) => `[${variableLabel(lookup(id), language)}]`);
  return { change: inserted && deleted ? 'move' : inserted ? 'new' : 'delete', type: shown.type, firstLine };
}
