import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Element, Node } from 'slate';
import { articlesShowing } from '#shared/negotiation/suggestions';
import { usePendingSuggestions } from '../negotiation/pendingSuggestions';
import { revealPath } from './reveal';
import { isBodyTextOperation } from './textOperations';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { ChangeSignal } from './changeSignal';
import type { DocumentEditor } from './customTypes';
import { useStructureLabelsOfLanguage, type StructureLabels } from './structureLabels';

interface OutlineEntry {
  kind: 'chapter' | 'article';
  id: string;
  /** The row's own key: an article's copy suggested at a new place (decision 0027) shares its id. */
  key: string;
  path: number[];
  number: number;
  title: string;
}

function outlineOf(blocks: readonly TopLevelBlock[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let chapters = 0;
  let articles = 0;
  const addArticle = (article: Node, path: number[]) => {
    if (!Element.isElement(article) || article.type !== 'article') return;
    articles += 1;
    const key = article.suggestInsert === undefined ? `article-${article.clauseId}` : `article-${article.clauseId}-${article.suggestInsert}`;
    entries.push({ kind: 'article', id: article.clauseId, key, path, number: articles, title: Node.string(article.children[0] ?? { text: '' }) });
  };
  blocks.forEach((block, index) => {
    if (block.type === 'chapter') {
      chapters += 1;
      const title = Node.string(block.children[0] ?? { text: '' });
      entries.push({ kind: 'chapter', id: block.chapterId, key: `chapter-${block.chapterId}`, path: [index], number: chapters, title });
      block.children.forEach((child, childIndex) => addArticle(child, [index, childIndex]));
    } else {
      addArticle(block, [index]);
    }
  });
  return entries;
}

const isSameEntry = (a: OutlineEntry, b: OutlineEntry): boolean =>
  a.kind === b.kind &&
  a.key === b.key &&
  a.number === b.number &&
  a.title === b.title &&
  a.path.length === b.path.length &&
  a.path.every((step, index) => step === b.path[index]);

/**
 * The new outline, reusing the previous entry objects that did not change (so their rows are not
 * re-rendered), or the previous outline itself when nothing changed (so nothing is).
 */
function reuseUnchanged(previous: OutlineEntry[], next: OutlineEntry[]): OutlineEntry[] {
  let isUnchanged = previous.length === next.length;
  const merged = next.map((entry, index) => {
    const old = previous[index];
    if (old && isSameEntry(old, entry)) return old;
    isUnchanged = false;
    return entry;
  });
  return isUnchanged ? previous : merged;
}

interface OutlineRowProps {
  entry: OutlineEntry;
  labels: StructureLabels;
  untitled: string;
  onJump: (entry: OutlineEntry) => void;
  /** How many suggestions are pending in the article. */
  suggestions: number;
}

const OutlineRow = memo(function OutlineRow({ entry, labels, untitled, onJump, suggestions }: OutlineRowProps) {
  return (
    <li className={`outline-${entry.kind}`}>
      <button type="button" onClick={() => onJump(entry)}>
        {entry.kind === 'chapter' ? labels.chapter(entry.number) : labels.article(entry.number)} {entry.title || untitled}
      </button>
      {suggestions > 0 && <SuggestionCount count={suggestions} />}
    </li>
  );
});

/** Only the rows that have suggestions follow the interface language: a thousand rows do not each subscribe to it (decision 0031). */
function SuggestionCount({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span className="outline-suggestions" title={t('suggestions.inArticleBadge', { count })} data-testid="outline-suggestions">
      {` ✎${count}`}
    </span>
  );
}

/** How many suggestions are pending in each article; a suggested value in every article showing it (decision 0028). */
function usePendingCounts(editor: DocumentEditor): Map<string, number> {
  const doc = editor.sharedRoot.doc;
  if (!doc) throw new Error('the editor is not bound to a document');
  // Counted once the page is idle: opening does not wait for a walk of the whole body.
  const pending = usePendingSuggestions(doc, 'idle');
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const suggestion of pending) {
      const clauseIds = suggestion.record.value
        ? articlesShowing(doc, suggestion.record.value.variableId)
        : suggestion.clauseId === null
          ? []
          : [suggestion.clauseId];
      for (const clauseId of clauseIds) counts.set(clauseId, (counts.get(clauseId) ?? 0) + 1);
    }
    return counts;
  }, [doc, pending]);
}

/** Chapters and articles of the document, to jump around a long agreement; follows edits. */
export const Outline = memo(function Outline({ editor, changes }: { editor: DocumentEditor; changes: ChangeSignal }) {
  const { t } = useTranslation();
  const labels = useStructureLabelsOfLanguage();
  const [entries, setEntries] = useState<OutlineEntry[]>(() => outlineOf(editor.children as TopLevelBlock[]));
  useEffect(() => {
    // Typing in a body changes nothing here. Other changes recompute it at most every 300 ms,
    // and only the rows whose chapter or article changed re-render.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe((operations) => {
      if (operations.every((operation) => isBodyTextOperation(editor, operation))) return;
      timer ??= setTimeout(() => {
        timer = undefined;
        setEntries((previous) => reuseUnchanged(previous, outlineOf(editor.children as TopLevelBlock[])));
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, changes]);

  const jump = useCallback((entry: OutlineEntry) => revealPath(editor, entry.path), [editor]);
  const suggestionCounts = usePendingCounts(editor);

  // The rows render after the document: opening a long agreement shows the text first.
  const shown = useDeferredValue<OutlineEntry[] | null>(entries, null);
  if (entries.length === 0)
    return (
      <nav className="outline">
        <p className="empty-state">{t('outline.empty')}</p>
      </nav>
    );
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <ol>
        {shown?.map((entry) => (
          <OutlineRow
            key={entry.key}
            entry={entry}
            labels={labels}
            untitled={t('outline.untitled')}
            onJump={jump}
            suggestions={entry.kind === 'article' ? (suggestionCounts.get(entry.id) ?? 0) : 0}
          />
        ))}
      </ol>
    </nav>
  );
});
