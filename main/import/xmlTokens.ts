import { stripXmlIllegal } from '#shared/text/safeText';

/**
 * A small non-validating XML tokenizer for the parts of a .docx: start tags (with attributes),
 * end tags and text, in document order. Comments, processing instructions and the doctype are
 * skipped; CDATA is text. One regular expression over the whole string: a long agreement's
 * document.xml (a few MB) is read in tens of milliseconds, with no DOM built.
 */

export type XmlToken =
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const tokenPattern = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const attributePattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const entityPattern = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's character references and five named entities replaced. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entityPattern, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return namedEntities[name] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (source === '') return attributes;
  for (const match of source.matchAll(attributePattern)) attributes[match[1] ?? ''] = decodeEntities(match[2] ?? match[3] ?? '');
  return attributes;
}

/** The tokens of an XML text, lazily. */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  for (const match of xml.matchAll(tokenPattern)) {
    const [, cdata, slash, name, attributes, selfClosing, text] = match;
    if (name !== undefined) {
      if (slash === '/') yield { kind: 'close', name };
      else yield { kind: 'open', name, attributes: parseAttributes(attributes ?? ''), selfClosing: selfClosing === '/' };
    } else if (text !== undefined) {
      // Imported text loses what no document can hold (a character reference such as &#1; or
      // &#xFFFE;, or the character itself): the file is read, not refused, for what it can give.
      yield { kind: 'text', text: stripXmlIllegal(decodeEntities(text)) };
    } else if (cdata !== undefined) {
      yield { kind: 'text', text: stripXmlIllegal(cdata) };
    }
  }
}

/** The namespace prefix bound to `namespace` on the root element ("w" almost always). */
export function prefixOf(xml: string, namespaces: readonly string[], fallback: string): string {
  const head = xml.slice(0, 16_384);
  for (const match of head.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']+)["']/g)) {
    if (namespaces.includes(match[2] ?? '')) return match[1] ?? fallback;
  }
  return fallback;
}
