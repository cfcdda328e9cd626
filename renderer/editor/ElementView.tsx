import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderElementProps } from 'slate-react';
import type { ArticleElement, ChapterElement } from '#shared/document/nodes';
import type { Language } from '#shared/format/locale';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { useIsAgreed } from './agreedArticles';
import { useArticleNumber, useChapterNumber } from './numberingStore';
import { useIsWaiting } from './openingRender';
import { useStructureLabels } from './structureLabels';
import { useSuggestionRecord } from './suggestingMode';
import { VariableChip } from './VariableChip';
import { ArticleBadge } from '../negotiation/ArticleBadge';
import { ArticleMarkers } from '../lifecycle/ArticleMarkers';

/** The label is drawn by CSS (::before) so that it is never part of the editable text. */
export function labelStyle(variable: string, label: string): CSSProperties {
  return { [variable]: JSON.stringify(label) } as CSSProperties;
}

/**
 * A chapter. While a long agreement opens, a chapter whose articles all wait their turn
 * (openingRender.ts) draws their boxes itself, without slate-react's rendering of each of them:
 * the same boxes, at a fraction of the first render's cost.
 */
function ChapterView({ attributes, children, element }: RenderElementProps & { element: ChapterElement }) {
  const labels = useStructureLabels();
  const number = useChapterNumber(element.chapterId);
  const label = number === undefined ? '' : labels.chapter(number);
  const articles = element.children.filter((child): child is ArticleElement => child.type === 'article');
  const firstArticleNumber = useArticleNumber(articles[0]?.clauseId ?? '');
  const isWaiting = useIsWaiting(element, articles.length > 0 ? firstArticleNumber : undefined);
  // How many articles it holds: the estimate of its height while it is off screen (app.css).
  const style = { ...labelStyle('--chapter-label', label), '--chapter-articles': element.children.length - 1 } as CSSProperties;
  if (isWaiting) {
    return (
      <section {...attributes} className="chapter" data-chapter-id={element.chapterId} style={style} contentEditable={false} suppressContentEditableWarning>
        {articles.map((article) => (
          <section key={article.clauseId} className="article waiting" data-clause-id={article.clauseId} />
        ))}
      </section>
    );
  }
  return (
    <section {...attributes} className="chapter" data-chapter-id={element.chapterId} style={style}>
      {children}
    </section>
  );
}

/** Why an agreed article cannot be typed into, and how it changes. */
function AgreedNote() {
  const { t } = useTranslation();
  return (
    <p className="agreed-note" contentEditable={false} data-testid="agreed-note">
      {t('negotiation.agreedLockNote')}
    </p>
  );
}

/**
 * An article, with its negotiation badge and markers beside it. One both sides agreed is not
 * editable (the editor and the server refuse changes to it anyway), and says so. While a long
 * agreement opens, an article past the first screen is an empty box of its estimated height until
 * its turn to be drawn comes (openingRender.ts).
 */
function ArticleView({ attributes, children, element }: RenderElementProps & { element: ArticleElement }) {
  const labels = useStructureLabels();
  const number = useArticleNumber(element.clauseId);
  const isAgreed = useIsAgreed(element.clauseId);
  const isWaiting = useIsWaiting(element, number);
  const label = number === undefined ? '' : labels.article(number);
  if (isWaiting) {
    return <section {...attributes} className="article waiting" data-clause-id={element.clauseId} contentEditable={false} suppressContentEditableWarning />;
  }
  return (
    <section
      {...attributes}
      className={isAgreed ? 'article agreed' : 'article'}
      data-clause-id={element.clauseId}
      style={labelStyle('--article-label', label)}
      contentEditable={isAgreed ? false : undefined}
      suppressContentEditableWarning
    >
      <ArticleBadge clauseId={element.clauseId} />
      <ArticleMarkers clauseId={element.clauseId} />
      {isAgreed && <AgreedNote />}
      {children}
    </section>
  );
}

/** The suggestion a block carries as a whole (decision 0027), if any. */
function blockSuggestionOf(element: RenderElementProps['element']): { id: string; isDeletion: boolean } | null {
  const deleteId = 'suggestDelete' in element ? element.suggestDelete : undefined;
  const insertId = 'suggestInsert' in element ? element.suggestInsert : undefined;
  if (deleteId !== undefined) return { id: deleteId, isDeletion: true };
  return insertId === undefined ? null : { id: insertId, isDeletion: false };
}

/**
 * A block suggested as a whole (decision 0027): drawn as any block, with its side's colour, a bar
 * in the margin for a new block, struck through and faded for one suggested for deletion
 * (app.css), and who suggested it and when on hover and for screen readers. Only such blocks
 * follow their suggestion's record: the others cost nothing more to render.
 */
function SuggestedBlockView({ suggestion, ...props }: RenderElementProps & { suggestion: { id: string; isDeletion: boolean } }) {
  const { t, i18n } = useTranslation();
  const record = useSuggestionRecord(suggestion.id);
  const what = t(suggestion.isDeletion ? 'suggestions.blockDeleted' : 'suggestions.blockInserted');
  const byLine = record
    ? t('suggestions.byLine', { name: record.authorName, at: formatVietnamDateTime(record.createdAt, i18n.language as Language) })
    : t('suggestions.notYetRecorded');
  const marks = {
    'data-block-suggestion': suggestion.isDeletion ? 'delete' : 'insert',
    'data-suggestion-side': record?.side ?? 'pending',
    'data-suggestion': suggestion.id,
    title: `${what} — ${byLine}`,
    'aria-description': `${what} — ${byLine}`,
  };
  return renderElement({ ...props, attributes: { ...props.attributes, ...marks } });
}

/** Renders every element type of the document schema. */
export function ElementView(props: RenderElementProps) {
  const suggestion = blockSuggestionOf(props.element);
  return suggestion === null ? renderElement(props) : <SuggestedBlockView {...props} suggestion={suggestion} />;
}

function renderElement(props: RenderElementProps) {
  const { attributes, children, element } = props;
  switch (element.type) {
    case 'chapter':
      return <ChapterView {...props} element={element} />;
    case 'chapter-title':
      return (
        <h2 {...attributes} className="chapter-title">
          {children}
        </h2>
      );
    case 'article':
      return <ArticleView {...props} element={element} />;
    case 'article-title':
      return (
        <h3 {...attributes} className="article-title">
          {children}
        </h3>
      );
    case 'clause':
      return (
        <p {...attributes} className="clause">
          {children}
        </p>
      );
    case 'point':
      return (
        <p {...attributes} className="point">
          {children}
        </p>
      );
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'table':
      return (
        <table {...attributes} className="document-table-block">
          <tbody>{children}</tbody>
        </table>
      );
    case 'table-row':
      return <tr {...attributes}>{children}</tr>;
    case 'table-cell':
      return element.header ? <th {...attributes}>{children}</th> : <td {...attributes}>{children}</td>;
    case 'variable':
      return <VariableChip {...props} element={element} />;
    default:
      return <p {...attributes}>{children}</p>;
  }
}
