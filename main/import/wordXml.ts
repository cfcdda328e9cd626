import { isUtf8 } from 'node:buffer';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { stripXmlIllegal, xmlIllegalCharacters } from '#shared/text/safeText';
import { PackageError, type PackagePart, type ZipPackage } from '#main/import/docxPackage';

/**
 * The XML parts of a .docx read with saxes, a streaming parser that resolves namespaces and
 * refuses XML that is not well-formed, without building a DOM. A part with a DTD is refused
 * before anything is read from it: the parts of an Office Open XML package never have one
 * (ECMA-376 Part 2, Open Packaging Conventions), and without a DTD no entity can be declared, so
 * none is ever expanded.
 */

export type XmlElement = SaxesTagNS;

export interface XmlHandlers {
  open(element: XmlElement): void;
  /** Every element closes, a self-closing one right after it opens. */
  close(element: XmlElement): void;
  text?(text: string): void;
}

/** WordprocessingML's main namespace, transitional (what Word writes) and strict. */
const transitionalNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const strictNamespace = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const isWordNamespace = (uri: string): boolean => uri === transitionalNamespace || uri === strictNamespace;

const characterReference = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

/**
 * A part's text without the characters XML forbids, whether written as characters or as
 * references: Word never writes them, other programs sometimes do, and what is imported is
 * stripped of them like every text from a file (shared/text/safeText.ts).
 */
function withoutXmlIllegal(xml: string): string {
  return stripXmlIllegal(xml).replace(characterReference, (reference, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return point <= 0x10ffff && xmlIllegalCharacters(String.fromCodePoint(point)).length === 0 ? reference : '';
  });
}

/** Reads a part from start to end, calling the handlers in document order. */
export function readXmlPart(part: PackagePart, handlers: XmlHandlers): void {
  if (!isUtf8(part.bytes)) throw new PackageError('damaged', `${part.name} is not UTF-8 text`);
  const xml = withoutXmlIllegal(part.bytes.toString('utf8'));
  const parser = new SaxesParser({ xmlns: true });
  parser.on('doctype', () => {
    throw new PackageError('damaged', `${part.name} declares a DTD (<!DOCTYPE>), which a Word document never has`);
  });
  // saxes reports the first fault as "line:column: what"; reading stops there.
  parser.on('error', (error) => {
    throw new PackageError('damaged', `${part.name} is not well-formed XML (${error.message})`);
  });
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.write(xml).close();
}

/** The element's local name when it is WordprocessingML (w:p, w:r…), else null. */
export function wordName(element: XmlElement): string | null {
  return isWordNamespace(element.uri) ? element.local : null;
}

/** A WordprocessingML attribute (w:val, w:styleId…) of the element, whatever its prefix. */
export function wordAttribute(element: XmlElement, local: string): string | undefined {
  for (const name in element.attributes) {
    const attribute = element.attributes[name];
    if (attribute?.local === local && isWordNamespace(attribute.uri)) return attribute.value;
  }
  return undefined;
}

const relationshipsNamespace = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * The name of a Word package's main document part, from its relationships (_rels/.rels; by
 * default word/document.xml); refused when the package is not Word's or lacks that part.
 */
export function mainDocumentPartName(zip: ZipPackage): string {
  if (!zip.has('[Content_Types].xml')) throw new PackageError('not_word', 'it has no [Content_Types].xml');
  let target: string | null = null;
  const relationships = zip.read(['_rels/.rels']).get('_rels/.rels');
  if (relationships) {
    readXmlPart(relationships, {
      open(element) {
        const type = element.attributes.Type?.value ?? '';
        if (target === null && element.uri === relationshipsNamespace && element.local === 'Relationship' && type.endsWith('/officeDocument'))
          target = element.attributes.Target?.value ?? null;
      },
      close() {},
    });
  }
  const name = (target ?? 'word/document.xml').replace(/^\//, '');
  if (!zip.has(name)) throw new PackageError('not_word', `it has no ${name}`);
  return name;
}
