import { useTranslation } from 'react-i18next';
import { bodyMarkers, computeNumbering, toRoman } from '#shared/document/numbering';
import { plainText, type ArticleElement, type TopLevelBlock } from '#shared/document/nodes';

/** One article of a past version, read-only, with what may be done with it. */
function ArticleView({ article, number, onRestore }: { article: ArticleElement; number: number; onRestore?: (article: ArticleElement) => void }) {
  const { t } = useTranslation();
  const [title, ...body] = article.children;
  const markers = bodyMarkers(body);
  return (
    <section className="history-article" data-clause-id={article.clauseId}>
      <h4>
        {t('history.article', { number, title: title ? plainText(title) : '' })}
        {onRestore && (
          <button type="button" className="link" onClick={() => onRestore(article)}>
            {t('history.restoreArticle')}
          </button>
        )}
      </h4>
      {body.map((block, index) => (
        <p key={index} className={`history-block history-${block.type}`}>
          {markers[index] ? `${markers[index]} ` : ''}
          {plainText(block)}
        </p>
      ))}
    </section>
  );
}

/** A past version's body as text: chapters, numbered articles, their blocks. */
export function VersionText({ blocks, onRestoreArticle }: { blocks: readonly TopLevelBlock[]; onRestoreArticle?: (article: ArticleElement) => void }) {
  const { t } = useTranslation();
  const numbering = computeNumbering(blocks);
  return (
    <div className="history-text" data-testid="version-text">
      {blocks.map((block, index) => {
        if (block.type === 'paragraph')
          return (
            <p key={index} className="history-block">
              {plainText(block)}
            </p>
          );
        if (block.type === 'article')
          return <ArticleView key={block.clauseId} article={block} number={numbering.articles.get(block.clauseId) ?? 0} onRestore={onRestoreArticle} />;
        const [title, ...articles] = block.children;
        return (
          <div key={block.chapterId} className="history-chapter">
            <h3>
              {t('editor.chapterLabel', { number: toRoman(numbering.chapters.get(block.chapterId) ?? 0) })} {title ? plainText(title) : ''}
            </h3>
            {articles.map((child) =>
              child.type === 'article' ? (
                <ArticleView key={child.clauseId} article={child} number={numbering.articles.get(child.clauseId) ?? 0} onRestore={onRestoreArticle} />
              ) : null,
            )}
          </div>
        );
      })}
    </div>
  );
}
