/**
 * The document schema, declared once: the Slate nodes of an agreement or of labour regulations.
 * Chapter and article numbers are never stored; they are derived from positions (numbering.ts).
 */

export interface FormattedText {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  /** A pending suggestion to insert this text: the suggestion's id (decision 0024). */
  suggestInsert?: string;
  /** A pending suggestion to delete this text, which stays until it is accepted: the suggestion's id. */
  suggestDelete?: string;
  /** A pending suggestion of this text's formatting (the marks it carries now): the suggestion's id (decision 0028). */
  suggestFormat?: string;
  /** Under a format suggestion, the formatting the text had before it, as a format code ("bold+italic", "plain"). */
  suggestFormatFrom?: string;
}

export type Mark = 'bold' | 'italic' | 'underline';

/** An inline void chip showing the document's value of a typed variable. */
export interface VariableElement {
  type: 'variable';
  variableId: string;
  children: [{ text: '' }];
}

export type InlineNode = FormattedText | VariableElement;

/**
 * A block suggested as a whole (decision 0027): a new block carries `suggestInsert`, a block
 * suggested for deletion stays with `suggestDelete`; a move is both under one id.
 */
export interface BlockSuggestionMarks {
  suggestInsert?: string;
  suggestDelete?: string;
}

export interface ParagraphElement extends BlockSuggestionMarks {
  type: 'paragraph';
  children: InlineNode[];
}

/** A numbered clause of an article ("1.", "2." ...). */
export interface ClauseElement extends BlockSuggestionMarks {
  type: 'clause';
  children: InlineNode[];
}

/** A lettered point under a clause ("a)", "b)", "đ)" ...). */
export interface PointElement extends BlockSuggestionMarks {
  type: 'point';
  children: InlineNode[];
}

export interface ListItemElement extends BlockSuggestionMarks {
  type: 'list-item';
  children: InlineNode[];
}

export interface BulletedListElement extends BlockSuggestionMarks {
  type: 'bulleted-list';
  children: ListItemElement[];
}

export interface TableCellElement {
  type: 'table-cell';
  header?: true;
  children: InlineNode[];
}

export interface TableRowElement extends BlockSuggestionMarks {
  type: 'table-row';
  children: TableCellElement[];
}

/** A table, e.g. a salary scale. */
export interface TableElement extends BlockSuggestionMarks {
  type: 'table';
  children: TableRowElement[];
}

export type BodyBlock = ParagraphElement | ClauseElement | PointElement | BulletedListElement | TableElement;

export interface ArticleTitleElement {
  type: 'article-title';
  children: InlineNode[];
}

/** An article (Điều): a title followed by body blocks; `clauseId` is stable for its whole life. */
export interface ArticleElement extends BlockSuggestionMarks {
  type: 'article';
  clauseId: string;
  templateId?: string;
  children: (ArticleTitleElement | BodyBlock)[];
}

export interface ChapterTitleElement {
  type: 'chapter-title';
  children: InlineNode[];
}

/** A chapter (Chương): a title followed by articles. */
export interface ChapterElement {
  type: 'chapter';
  chapterId: string;
  children: (ChapterTitleElement | ArticleElement)[];
}

/** What may stand at the top level: the preamble's paragraphs, chapters, and articles outside chapters. */
export type TopLevelBlock = ChapterElement | ArticleElement | ParagraphElement;

export type DocumentElement =
  | TopLevelBlock
  | ChapterTitleElement
  | ArticleTitleElement
  | BodyBlock
  | ListItemElement
  | TableRowElement
  | TableCellElement
  | VariableElement;

export type DocumentNode = DocumentElement | FormattedText;

export type ElementType = DocumentElement['type'];

/** Elements whose children are inline (text and variable chips). */
export const textBlockTypes = ['paragraph', 'clause', 'point', 'list-item', 'table-cell', 'article-title', 'chapter-title'] as const;

export type TextBlockType = (typeof textBlockTypes)[number];

/** Whether a node is text (a leaf) rather than an element. */
export function isText(node: DocumentNode): node is FormattedText {
  return 'text' in node && !('type' in node);
}

/** The plain text of a node, with each variable chip shown as `{{variableId}}`. */
export function plainText(node: DocumentNode): string {
  if (isText(node)) return node.text;
  if (node.type === 'variable') return `{{${node.variableId}}}`;
  const separator = textBlockTypes.includes(node.type as TextBlockType) ? '' : '\n';
  return (node.children as DocumentNode[]).map(plainText).join(separator);
}
