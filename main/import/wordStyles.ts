import { xmlTokens } from '#main/import/xmlTokens';

/**
 * What the import needs of styles.xml and numbering.xml: the character formatting and alignment
 * a paragraph or character style gives (through its basedOn chain), and whether a numbering
 * level is a list of numbers or of bullets.
 */

export interface RunLook {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  caps?: boolean;
}

interface StyleEntry {
  basedOn: string | null;
  look: RunLook;
  alignment: string | null;
  numbering: { numId: string; level: number } | null;
}

export interface WordStyles {
  defaults: RunLook;
  /** The formatting a style gives, its basedOn styles included. */
  look(styleId: string | null): RunLook;
  alignment(styleId: string | null): string | null;
  numbering(styleId: string | null): { numId: string; level: number } | null;
}

/** A toggle property (w:b, w:i, w:caps): on unless its val says off. */
export function isOn(attributes: Record<string, string>, prefix: string): boolean {
  const value = attributes[`${prefix}:val`];
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** Reads the run properties element's children into a look (called for w:b, w:i, w:u, w:caps). */
export function applyRunProperty(look: RunLook, localName: string, attributes: Record<string, string>, prefix: string): void {
  if (localName === 'b') look.bold = isOn(attributes, prefix);
  else if (localName === 'i') look.italic = isOn(attributes, prefix);
  else if (localName === 'u') look.underline = isOn(attributes, prefix);
  else if (localName === 'caps') look.caps = isOn(attributes, prefix);
}

export function readStyles(xml: string | null, prefix: string): WordStyles {
  const styles = new Map<string, StyleEntry>();
  const defaults: RunLook = {};
  if (xml) {
    let current: StyleEntry | null = null;
    let inDefaults = false;
    let inRunProperties = false;
    let numId: string | null = null;
    let level = 0;
    for (const token of xmlTokens(xml)) {
      if (token.kind === 'text') continue;
      const local = token.name.startsWith(`${prefix}:`) ? token.name.slice(prefix.length + 1) : null;
      if (local === null) continue;
      if (token.kind === 'close') {
        if (local === 'style') current = null;
        else if (local === 'rPrDefault') inDefaults = false;
        else if (local === 'rPr') inRunProperties = false;
        else if (local === 'numPr' && current && numId !== null) current.numbering = { numId, level };
        continue;
      }
      if (local === 'style') {
        const id = token.attributes[`${prefix}:styleId`] ?? '';
        const entry: StyleEntry = { basedOn: null, look: {}, alignment: null, numbering: null };
        styles.set(id, entry);
        current = token.selfClosing ? null : entry;
      } else if (local === 'rPrDefault') inDefaults = !token.selfClosing;
      else if (local === 'rPr' && !token.selfClosing) inRunProperties = true;
      else if (local === 'basedOn' && current) current.basedOn = token.attributes[`${prefix}:val`] ?? null;
      else if (local === 'jc' && current) current.alignment = token.attributes[`${prefix}:val`] ?? null;
      else if (local === 'numPr') {
        numId = null;
        level = 0;
      } else if (local === 'numId') numId = token.attributes[`${prefix}:val`] ?? null;
      else if (local === 'ilvl') level = Number(token.attributes[`${prefix}:val`] ?? 0) || 0;
      else if (inRunProperties) applyRunProperty(inDefaults ? defaults : (current?.look ?? {}), local, token.attributes, prefix);
    }
  }
  const resolve = <T>(styleId: string | null, pick: (entry: StyleEntry) => T | null | undefined): T | null => {
    const seen = new Set<string>();
    for (let id = styleId; id !== null && !seen.has(id); ) {
      seen.add(id);
      const entry = styles.get(id);
      if (!entry) return null;
      const value = pick(entry);
      if (value !== null && value !== undefined) return value;
      id = entry.basedOn;
    }
    return null;
  };
  const looks = new Map<string | null, RunLook>();
  return {
    defaults,
    look(styleId) {
      let look = looks.get(styleId);
      if (!look) {
        look = {
          bold: resolve(styleId, (entry) => entry.look.bold) ?? undefined,
          italic: resolve(styleId, (entry) => entry.look.italic) ?? undefined,
          underline: resolve(styleId, (entry) => entry.look.underline) ?? undefined,
          caps: resolve(styleId, (entry) => entry.look.caps) ?? undefined,
        };
        looks.set(styleId, look);
      }
      return look;
    },
    alignment: (styleId) => resolve(styleId, (entry) => entry.alignment),
    numbering: (styleId) => resolve(styleId, (entry) => entry.numbering),
  };
}

/** Whether each numbering (numId) level counts (1, a, I…) or bullets. */
export function readNumbering(xml: string | null, prefix: string): (numId: string, level: number) => boolean {
  const formats = new Map<string, Map<number, string>>();
  const abstractOf = new Map<string, string>();
  if (xml) {
    let abstractId: string | null = null;
    let numId: string | null = null;
    let level = 0;
    for (const token of xmlTokens(xml)) {
      if (token.kind !== 'open') continue;
      const value = token.attributes[`${prefix}:val`];
      if (token.name === `${prefix}:abstractNum`) {
        abstractId = token.attributes[`${prefix}:abstractNumId`] ?? null;
        numId = null;
      } else if (token.name === `${prefix}:num`) {
        numId = token.attributes[`${prefix}:numId`] ?? null;
        abstractId = null;
      } else if (token.name === `${prefix}:lvl`) level = Number(token.attributes[`${prefix}:ilvl`] ?? 0) || 0;
      else if (token.name === `${prefix}:numFmt` && abstractId !== null && value !== undefined) {
        const levels = formats.get(abstractId) ?? new Map<number, string>();
        levels.set(level, value);
        formats.set(abstractId, levels);
      } else if (token.name === `${prefix}:abstractNumId` && numId !== null && value !== undefined) abstractOf.set(numId, value);
    }
  }
  return (numId, level) => {
    const format = formats.get(abstractOf.get(numId) ?? '')?.get(level);
    return format !== 'bullet' && format !== 'none';
  };
}
