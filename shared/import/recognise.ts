import type { ImportIssue, ImportReport } from '#shared/api/export';
import {
  plainText,
  type ArticleElement,
  type BodyBlock,
  type ChapterElement,
  type ListItemElement,
  type ParagraphElement,
  type TableElement,
  type TopLevelBlock,
} from '#shared/document/nodes';
import { documentKinds, type DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import { motto, nationalTitle, typeNames } from '#shared/export/officialFrame';
import { dropPrefix, isMostlyBold, runsText, toLeaves, type SourceBlock, type SourceParagraph, type SourceTable } from '#shared/import/sourceText';
import { annexHeadingPattern, headingPatterns, parseRoman, signaturePattern, type HeadingMatch } from '#shared/import/headings';
import { isLegalGround } from '#shared/export/agreementModel';

/**
 * Recognises the structure of an agreement or of labour regulations in a word-processing file:
 * "Chương I" (Roman or Arabic) and its title, "Điều 1. Title", clauses "1.", points "a)", dashes,
 * tables; the official frame (header, type name, signatures) is left out, since the export draws
 * it again. Everything else is kept as paragraphs, and what looked wrong goes in the report.
 */

export interface RecognisedDocument {
  blocks: TopLevelBlock[];
  report: Omit<ImportReport, 'fileName'>;
  /** From the type name and summary in the file; null when the file has none. */
  suggestedTitle: string | null;
  suggestedKind: DocumentKind;
  language: Language;
}

const upperVi = (text: string): string => text.toLocaleUpperCase('vi-VN');
const excerptOf = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

const frameLines = new Set([nationalTitle.vi, nationalTitle.en, motto.vi, motto.en].map((line) => upperVi(line).replace(/\s+/g, ' ')));
/** "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027" / "Hanoi, 5 January 2027": a place, a comma, a date, nothing else. */
const placeAndDatePattern =
  /^[^,;]{1,80},\s*(ngày\s+\S+\s+tháng\s+\S+\s+năm\s+[\d….]+|\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})\s*\.?$/iu;

/** The kind a type name line announces, or null when the line is no type name. */
function typeNameKind(text: string): DocumentKind | null {
  const line = upperVi(text).replace(/\s+/g, ' ').trim();
  if (line.length > 90) return null;
  // Longest first: "… TẬP THỂ NGÀNH" before "… TẬP THỂ".
  const candidates = documentKinds
    .flatMap((kind) => [typeNames[kind].vi, typeNames[kind].en].map((name) => ({ kind, name: upperVi(name) })))
    .sort((a, b) => b.name.length - a.name.length);
  return candidates.find((candidate) => line === candidate.name)?.kind ?? null;
}

const isFrameLine = (text: string): boolean =>
  frameLines.has(upperVi(text).replace(/\s+/g, ' ').trim()) || /^Số\s*:/u.test(text) || placeAndDatePattern.test(text);

const isFrameTable = (table: SourceTable): boolean =>
  table.rows.some((row) =>
    row.some((cell) => frameLines.has(upperVi(runsText(cell)).replace(/\s+/g, ' ').trim()) || upperVi(runsText(cell)).includes(upperVi(nationalTitle.vi))),
  );

const isSignatureTable = (table: SourceTable): boolean => table.rows.some((row) => row.some((cell) => signaturePattern.test(runsText(cell).trim())));

const isAllCaps = (text: string): boolean => /\p{L}{3}/u.test(text) && text === upperVi(text);

type Phase = 'front' | 'body' | 'end';

class Recogniser {
  readonly top: TopLevelBlock[] = [];
  readonly preamble: ParagraphElement[] = [];
  readonly issues: ImportIssue[] = [];
  readonly counts = { paragraphs: 0, chapters: 0, articles: 0, clauses: 0, points: 0, tables: 0 };
  phase: Phase = 'front';
  frontBuffer: ParagraphElement[] = [];
  chapter: ChapterElement | null = null;
  article: ArticleElement | null = null;
  awaitingChapterTitle = false;
  orphans: BodyBlock[] = [];
  lastArticle = 0;
  lastChapter = 0;
  kind: DocumentKind | null = null;
  typeName: string | null = null;
  summary: string | null = null;
  awaitingSummary = false;
  languageVotes = { vi: 0, en: 0 };
  sawAutomaticNumbering = false;
  sawAnnex = false;
  position = 0;

  constructor(private readonly newId: () => string) {}

  issue(code: ImportIssue['code'], text: string, extra: Partial<Pick<ImportIssue, 'expected' | 'found'>> = {}): void {
    this.issues.push({ code, paragraph: this.position, excerpt: excerptOf(text), ...extra });
  }

  accept(block: SourceBlock): void {
    this.position += 1;
    if (this.phase === 'end') return this.atEnd(block);
    if (block.type === 'table') return this.table(block);
    const raw = runsText(block.runs);
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '') return;
    this.counts.paragraphs += 1;
    const heading = headingPatterns(raw.trimStart(), isMostlyBold(block.runs));
    if (heading) return this.heading(heading, block, text);
    if (this.awaitingChapterTitle) return this.chapterTitle(block, text);
    if (this.phase === 'front' && this.front(block, text)) return;
    if (this.article && signaturePattern.test(text) && (isAllCaps(text) || /^(Nơi nhận|Recipients)/u.test(text))) {
      this.phase = 'end';
      return;
    }
    if (this.article && annexHeadingPattern.test(text)) return this.annex(text);
    this.content(this.bodyBlock(block, text), text, block);
  }

  /** Front matter: the frame (organisations, national title, place and date, type name, summary). */
  front(block: SourceParagraph, text: string): boolean {
    const kind = typeNameKind(text);
    if (kind && this.kind === null) {
      this.kind = kind;
      this.typeName = text;
      this.frontBuffer = []; // organisations and the like, above the type name: the frame
      this.awaitingSummary = true;
      return true;
    }
    if (isFrameLine(text)) {
      // Lines above the national title are the organisations of the header: frame too.
      if (upperVi(text).includes(upperVi(nationalTitle.vi)) || upperVi(text).includes(upperVi(nationalTitle.en))) this.frontBuffer = [];
      return true;
    }
    if (this.awaitingSummary) {
      this.awaitingSummary = false;
      if (isMostlyBold(block.runs) && !isLegalGround(text)) {
        this.summary = text;
        return true;
      }
    }
    if (isLegalGround(text) || this.kind !== null) {
      this.startBody();
      return false;
    }
    this.frontBuffer.push({ type: 'paragraph', children: toLeaves(block.runs) });
    return true;
  }

  startBody(): void {
    if (this.phase !== 'front') return;
    this.phase = 'body';
    this.preamble.push(...this.frontBuffer);
    this.frontBuffer = [];
  }

  heading(heading: HeadingMatch, block: SourceParagraph, text: string): void {
    this.startBody();
    this.languageVotes[heading.language] += 1;
    if (this.awaitingChapterTitle) this.chapterTitle(null, text);
    if (heading.kind === 'chapter') return this.openChapter(heading, text);
    this.openArticle(heading, block, text);
  }

  openChapter(heading: HeadingMatch, text: string): void {
    this.closeArticle();
    this.flushOrphans();
    const number = /^\d+$/.test(heading.number) ? Number(heading.number) : parseRoman(heading.number);
    if (number !== this.lastChapter + 1) this.issue('chapter_number_out_of_order', text, { expected: String(this.lastChapter + 1), found: heading.number });
    this.lastChapter = Math.max(this.lastChapter, number);
    this.chapter = { type: 'chapter', chapterId: this.newId(), children: [{ type: 'chapter-title', children: [{ text: heading.title }] }] };
    this.top.push(this.chapter);
    this.counts.chapters += 1;
    this.awaitingChapterTitle = heading.title === '';
  }

  chapterTitle(block: SourceParagraph | null, text: string): void {
    this.awaitingChapterTitle = false;
    const title = this.chapter?.children[0];
    if (!block || !title || title.type !== 'chapter-title') {
      this.issue('chapter_without_title', text);
      return;
    }
    title.children = toLeaves(block.runs, { plain: true });
  }

  openArticle(heading: HeadingMatch, block: SourceParagraph, text: string): void {
    const number = Number(heading.number);
    if (heading.suffix === '') {
      if (number > this.lastArticle + 1) this.issue('skipped_article_number', text, { expected: String(this.lastArticle + 1), found: heading.number });
      else if (number <= this.lastArticle) this.issue('repeated_article_number', text, { expected: String(this.lastArticle + 1), found: heading.number });
    }
    this.lastArticle = Math.max(this.lastArticle, number);
    const titleRuns = dropPrefix(block.runs, runsText(block.runs).length - runsText(block.runs).trimStart().length + heading.prefixLength);
    this.closeArticle();
    this.article = { type: 'article', clauseId: this.newId(), children: [{ type: 'article-title', children: toLeaves(titleRuns, { plain: true }) }] };
    if (this.orphans.length > 0) {
      this.article.children.push(...this.orphans);
      this.orphans = [];
    }
    if (this.chapter) this.chapter.children.push(this.article);
    else this.top.push(this.article);
    this.counts.articles += 1;
  }

  /** Ends the current article; one with nothing under its title is reported. */
  closeArticle(): void {
    if (this.article && this.article.children.length === 1) {
      const [title] = this.article.children;
      this.issue('empty_article', title ? plainText(title) : '');
    }
    this.article = null;
  }

  /** Paragraphs after a chapter title with no article after them stay at top level, after the chapter. */
  flushOrphans(): void {
    for (const orphan of this.orphans) {
      if (orphan.type === 'paragraph') this.top.push(orphan);
      else this.issue('content_dropped', orphan.type);
    }
    this.orphans = [];
  }

  bodyBlock(block: SourceParagraph, text: string): BodyBlock {
    if (block.numbering) {
      if (!this.sawAutomaticNumbering) this.issue('automatic_numbering', text);
      this.sawAutomaticNumbering = true;
      if (!block.numbering.isOrdered) return { type: 'bulleted-list', children: [{ type: 'list-item', children: toLeaves(block.runs) }] };
      const type = block.numbering.level === 0 ? 'clause' : 'point';
      this.counts[type === 'clause' ? 'clauses' : 'points'] += 1;
      return { type, children: toLeaves(block.runs) };
    }
    const leading = runsText(block.runs).length - runsText(block.runs).trimStart().length;
    const clause = /^(\d{1,3})\.\s+\S/u.exec(text);
    if (clause && this.article) {
      this.counts.clauses += 1;
      return { type: 'clause', children: toLeaves(dropPrefix(block.runs, leading + (clause[1]?.length ?? 0) + 1)) };
    }
    const point = /^([a-zđ]{1,2})\)\s+\S/u.exec(text);
    if (point && this.article) {
      this.counts.points += 1;
      return { type: 'point', children: toLeaves(dropPrefix(block.runs, leading + (point[1]?.length ?? 0) + 1)) };
    }
    const bullet = /^[-–•+]\s+\S/u.exec(text);
    if (bullet && this.article) return { type: 'bulleted-list', children: [{ type: 'list-item', children: toLeaves(dropPrefix(block.runs, leading + 1)) }] };
    return { type: 'paragraph', children: toLeaves(block.runs) };
  }

  content(body: BodyBlock, text: string, block: SourceParagraph | null): void {
    const looksLikeHeading =
      block !== null && body.type === 'paragraph' && text.length < 150 && (isMostlyBold(block.runs) || isAllCaps(text) || block.alignment === 'center');
    if (looksLikeHeading && this.phase === 'body' && (this.chapter || this.article)) this.issue('unrecognised_heading', text);
    if (this.article) {
      const last = this.article.children.at(-1);
      // Consecutive dashes make one bulleted list.
      if (body.type === 'bulleted-list' && last?.type === 'bulleted-list') last.children.push(...(body.children as ListItemElement[]));
      else this.article.children.push(body);
      return;
    }
    if (this.chapter) {
      this.issue('paragraph_outside_article', text);
      this.orphans.push(body);
      return;
    }
    if (body.type === 'paragraph') {
      this.startBody();
      this.preamble.push(body);
    } else this.issue('content_dropped', text);
  }

  table(table: SourceTable): void {
    if (this.phase === 'front' && isFrameTable(table)) return;
    if (this.article && isSignatureTable(table)) {
      this.phase = 'end';
      return;
    }
    const rows = table.rows.filter((row) => row.length > 0);
    if (rows.length === 0) return;
    const element: TableElement = {
      type: 'table',
      children: rows.map((row, rowIndex) => ({
        type: 'table-row',
        children: row.map((cell) => ({
          type: 'table-cell',
          ...(rowIndex === 0 && isMostlyBold(cell) ? { header: true as const } : {}),
          children: toLeaves(cell, { plain: rowIndex === 0 && isMostlyBold(cell) }),
        })),
      })),
    };
    this.counts.tables += 1;
    const text = rows.map((row) => row.map(runsText).join(' | ')).join(' / ');
    this.content(element, text, null);
  }

  annex(text: string): void {
    this.phase = 'end';
    this.sawAnnex = true;
    this.issue('content_dropped', text);
  }

  atEnd(block: SourceBlock): void {
    if (this.sawAnnex || block.type !== 'paragraph') return;
    const text = runsText(block.runs).trim();
    if (annexHeadingPattern.test(text)) this.annex(text);
  }

  finish(): RecognisedDocument {
    if (this.awaitingChapterTitle) this.chapterTitle(null, '');
    this.closeArticle();
    this.flushOrphans();
    this.startBody();
    const language: Language = this.languageVotes.en > this.languageVotes.vi ? 'en' : 'vi';
    const kind = this.kind ?? 'enterprise_agreement';
    const typeName = this.typeName ? `${this.typeName.charAt(0)}${this.typeName.slice(1).toLocaleLowerCase(language === 'vi' ? 'vi-VN' : 'en-GB')}` : null;
    const suggestedTitle = typeName ? [typeName, this.summary].filter((part) => part).join(' ') : this.summary;
    return {
      blocks: [...this.preamble, ...this.top],
      report: { ...this.counts, preambleParagraphs: this.preamble.length, issues: this.issues },
      suggestedTitle,
      suggestedKind: kind,
      language,
    };
  }
}

/** The document body and the report of what was recognised, from a file's blocks. */
export function recogniseStructure(source: readonly SourceBlock[], newId: () => string): RecognisedDocument {
  const recogniser = new Recogniser(newId);
  for (const block of source) recogniser.accept(block);
  return recogniser.finish();
}
