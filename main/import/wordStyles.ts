import type { PackagePart } from '#main/import/docxPackage';
import { readXmlPart, wordAttribute, wordName, type XmlElement } from '#main/import/wordXml';

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
function isOn(element: XmlElement): boolean {
  const value = wordAttribute(element, 'val');
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** Reads the run properties element's children into a look (called for w:b, w:i, w:u, w:caps). */
export function applyRunProperty(look: RunLook, localName: string, element: XmlElement): void {
  if (localName === 'b') look.bold = isOn(element);
  else if (localName === 'i') look.italic = isOn(element);
  else if (localName === 'u') look.underline = isOn(element);
  else if (localName === 'caps') look.caps = isOn(element);
}

export function readStyles(part: PackagePart | null): WordStyles {
  const styles = new Map<string, StyleEntry>();
  const defaults: RunLook = {};
  if (part) {
    let current: StyleEntry | null = null;
    let inDefaults = false;
    let inRunProperties = false;
    let numId: string | null = null;
    let level = 0;
    readXmlPart(part, {
      open(element) {
        const local = wordName(element);
        if (local === 'style') {
          current = { basedOn: null, look: {}, alignment: null, numbering: null };
          styles.set(wordAttribute(element, 'styleId') ?? '', current);
        } else if (local === 'rPrDefault') inDefaults = true;
        else if (local === 'rPr') inRunProperties = true;
        else if (local === 'basedOn' && current) current.basedOn = wordAttribute(element, 'val') ?? null;
        else if (local === 'jc' && current) current.alignment = wordAttribute(element, 'val') ?? null;
        else if (local === 'numPr') {
          numId = null;
          level = 0;
        } else if (local === 'numId') numId = wordAttribute(element, 'val') ?? null;
        else if (local === 'ilvl') level = Number(wordAttribute(element, 'val') ?? 0) || 0;
        else if (local !== null && inRunProperties) applyRunProperty(inDefaults ? defaults : (current?.look ?? {}), local, element);
      },
      close(element) {
        const local = wordName(element);
        if (local === 'style') current = null;
        else if (local === 'rPrDefault') inDefaults = false;
        else if (local === 'rPr') inRunProperties = false;
        else if (local === 'numPr' && current && numId !== null) current.numbering = { numId, level };
      },
    });
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
export function readNumbering(part: PackagePart | null): (numId: string, level: number) => boolean {
  const formats = new Map<string, Map<number, string>>();
  const abstractOf = new Map<string, string>();
  if (part) {
    let abstractId: string | null = null;
    let numId: string | null = null;
    let level = 0;
    readXmlPart(part, {
      open(element) {
        const local = wordName(element);
        const value = wordAttribute(element, 'val');
        if (local === 'abstractNum') {
          abstractId = wordAttribute(element, 'abstractNumId') ?? null;
          numId = null;
        } else if (local === 'num') {
          numId = wordAttribute(element, 'numId') ?? null;
          abstractId = null;
        } else if (local === 'lvl') level = Number(wordAttribute(element, 'ilvl') ?? 0) || 0;
        else if (local === 'numFmt' && abstractId !== null && value !== undefined) {
          const levels = formats.get(abstractId) ?? new Map<number, string>();
          levels.set(level, value);
          formats.set(abstractId, levels);
        } else if (local === 'abstractNumId' && numId !== null && value !== undefined) abstractOf.set(numId, value);
      },
      close() {},
    });
  }
  return (numId, level) => {
    const format = formats.get(abstractOf.get(numId) ?? '')?.get(level);
    return format !== 'bullet' && format !== 'none';
  };
}
