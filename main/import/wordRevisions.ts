import type { WordSkipReason } from '#shared/api/suggestions';
import { PackageError, type PackagePart, type ZipPackage } from '#main/import/docxPackage';
import { mainDocumentPartName, readXmlPart, wordAttribute, wordName, type XmlElement } from '#main/import/wordXml';

/**
 * Reads the paragraphs of a .docx with their tracked changes (w:ins, w:del: ECMA-376 part 1
 * §17.13.5), for importing a party's Word file into a document as suggestions (decision 0030).
 * Each paragraph is its text in pieces unchanged, inserted or deleted, and what it holds that
 * cannot become a text suggestion (a table or text box around it, formatting changes, moves,
 * comments, an inserted or deleted paragraph mark), so that the import maps all of a paragraph's
 * changes or none.
 */

export type RevisionChange = 'none' | 'insert' | 'delete';

export interface RevisionSegment {
  text: string;
  change: RevisionChange;
}

/** What in a paragraph keeps its changes from becoming suggestions, as the import's report names it. */
export type UnmappableRevision = Extract<WordSkipReason, 'in_table' | 'in_header' | 'formatting' | 'moved' | 'comment' | 'paragraph_mark'>;

export interface TrackedParagraph {
  /** Its place among the body's paragraphs, from 1; 0 in a header or footer. */
  paragraph: number;
  segments: RevisionSegment[];
  /** The w:author of its changes, for the report only: the suggestions are the importer's. */
  authors: string[];
  unmappable: UnmappableRevision[];
}

const compatibilityNamespace = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Content that is not the paragraph's text: field codes, a drawing's fallback for old readers. */
const skippedElements = new Set(['instrText', 'delInstrText', 'Fallback', 'drawing', 'pict', 'object']);

/**
 * Every paragraph of the body, in order, with its tracked changes; then those of the headers and
 * footers that have changes (numbered 0: they are not the body's), which are never mapped.
 */
export function readTrackedParagraphs(zip: ZipPackage): TrackedParagraph[] {
  const main = mainDocumentPartName(zip);
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const margins = zip.names().filter((name) => name.startsWith(folder) && /^(header|footer)\d*\.xml$/.test(name.slice(folder.length)));
  const parts = zip.read([main, ...margins]);
  const body = parts.get(main);
  if (!body) throw new PackageError('damaged', `${main} cannot be read`);
  const inMargins = margins.flatMap((name) => {
    const part = parts.get(name);
    return part
      ? readPartParagraphs(part).filter((paragraph) => hasTextChanges(paragraph) || paragraph.unmappable.some((problem) => problem !== 'in_table'))
      : [];
  });
  return [...readPartParagraphs(body), ...inMargins.map((paragraph) => ({ ...paragraph, paragraph: 0, unmappable: ['in_header' as const] }))];
}

interface OpenParagraph extends TrackedParagraph {
  inProperties: boolean;
}

/** Every paragraph of a part, in order, with its tracked changes. */
function readPartParagraphs(part: PackagePart): TrackedParagraph[] {
  const paragraphs: TrackedParagraph[] = [];
  // Paragraphs nest in text boxes; a table's depth says whether one is in a cell.
  const open: OpenParagraph[] = [];
  const changes: RevisionChange[] = [];
  let tableDepth = 0;
  let count = 0;
  let inText = false;
  let skipDepth = 0;

  const current = (): OpenParagraph | undefined => open.at(-1);
  const flag = (problem: UnmappableRevision): void => {
    const paragraph = current();
    if (paragraph && !paragraph.unmappable.includes(problem)) paragraph.unmappable.push(problem);
  };
  const append = (text: string): void => {
    const paragraph = current();
    if (!paragraph || text === '') return;
    const change = changes.at(-1) ?? 'none';
    const last = paragraph.segments.at(-1);
    if (last?.change === change) last.text += text;
    else paragraph.segments.push({ text, change });
  };
  const noteAuthor = (element: XmlElement): void => {
    const author = wordAttribute(element, 'author');
    const paragraph = current();
    if (paragraph && author && !paragraph.authors.includes(author)) paragraph.authors.push(author);
  };

  readXmlPart(part, {
    open(element) {
      const local = element.uri === compatibilityNamespace && element.local === 'Fallback' ? 'Fallback' : wordName(element);
      if (local === null) return;
      if (skipDepth > 0 || skippedElements.has(local)) {
        if (skippedElements.has(local)) skipDepth += 1;
        return;
      }
      const paragraph = current();
      switch (local) {
        case 'p':
          count += 1;
          open.push({
            paragraph: count,
            segments: [],
            authors: [],
            unmappable: tableDepth > 0 || open.length > 0 ? ['in_table'] : [],
            inProperties: false,
          });
          return;
        case 'pPr':
          if (paragraph) paragraph.inProperties = true;
          return;
        case 'tbl':
          tableDepth += 1;
          return;
        case 'ins':
        case 'del':
          noteAuthor(element);
          // In the paragraph's properties it marks the paragraph mark itself: a block inserted or deleted.
          if (paragraph?.inProperties) flag('paragraph_mark');
          else changes.push(local === 'ins' ? 'insert' : 'delete');
          return;
        case 'moveFrom':
        case 'moveTo':
          noteAuthor(element);
          flag('moved');
          // Read as the original has it: the text where it was, not where it went.
          changes.push(local === 'moveTo' ? 'insert' : 'delete');
          return;
        case 'rPrChange':
        case 'pPrChange':
          noteAuthor(element);
          flag('formatting');
          return;
        case 'commentRangeStart':
        case 'commentReference':
          flag('comment');
          return;
        case 't':
        case 'delText':
          inText = !paragraph?.inProperties;
          return;
        case 'tab':
          if (!paragraph?.inProperties) append('\t');
          return;
        case 'br':
        case 'cr':
          append('\n');
          return;
        case 'noBreakHyphen':
          append('-');
          return;
        default:
      }
    },
    close(element) {
      const local = element.uri === compatibilityNamespace && element.local === 'Fallback' ? 'Fallback' : wordName(element);
      if (local === null) return;
      if (skipDepth > 0) {
        if (skippedElements.has(local)) skipDepth -= 1;
        return;
      }
      const paragraph = current();
      switch (local) {
        case 'p': {
          const done = open.pop();
          if (done) paragraphs.push({ paragraph: done.paragraph, segments: done.segments, authors: done.authors, unmappable: done.unmappable });
          return;
        }
        case 'pPr':
          if (paragraph) paragraph.inProperties = false;
          return;
        case 'tbl':
          tableDepth -= 1;
          return;
        case 'ins':
        case 'del':
          if (!paragraph?.inProperties) changes.pop();
          return;
        case 'moveFrom':
        case 'moveTo':
          changes.pop();
          return;
        case 't':
        case 'delText':
          inText = false;
          return;
        default:
      }
    },
    text(text) {
      if (inText && skipDepth === 0) append(text);
    },
  });
  return paragraphs.sort((a, b) => a.paragraph - b.paragraph);
}

/** A paragraph's text as it was before its changes: insertions left out, deletions kept. */
export function originalText(paragraph: TrackedParagraph): string {
  return paragraph.segments
    .filter((segment) => segment.change !== 'insert')
    .map((segment) => segment.text)
    .join('');
}

/** Whether a paragraph has a tracked insertion or deletion of text. */
export function hasTextChanges(paragraph: TrackedParagraph): boolean {
  return paragraph.segments.some((segment) => segment.change !== 'none');
}
