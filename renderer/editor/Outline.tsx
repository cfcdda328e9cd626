import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Node, Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { toRoman } from '#shared/document/numbering';
import type { TopLevelBlock } from '#shared/document/nodes';
import type { ChangeSignal } from './changeSignal';
import type { DocumentEditor } from './customTypes';

interface OutlineEntry {
  kind: 'chapter' | 'article';
  id: string;
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
    entries.push({ kind: 'article', id: article.clauseId, path, number: articles, title: Node.string(article.children[0] ?? { text: '' }) });
  };
  blocks.forEach((block, index) => {
    if (block.type === 'chapter') {
      chapters += 1;
      entries.push({ kind: 'chapter', id: block.chapterId, path: [index], number: chapters, title: Node.string(block.children[0] ?? { text: '' }) });
      block.children.forEach((child, childIndex) => addArticle(child, [index, childIndex]));
    } else {
      addArticle(block, [index]);
    }
  });
  return entries;
}

const isSameEntry = (a: OutlineEntry, b: OutlineEntry): boolean =>
  a.kind === b.kind && a.id === b.id && a.number === b.number && a.title === b.title && a.path.length === b.path.length && a.path.every((step, index) => step === b.path[index]);

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

const OutlineRow = memo(function OutlineRow({ entry, onJump }: { entry: OutlineEntry; onJump: (entry: OutlineEntry) => void }) {
  const { t } = useTranslation();
  return (
    <li className={`outline-${entry.kind}`}>
      <button type="button" onClick={() => onJump(entry)}>
        {entry.kind === 'chapter' ? t('editor.chapterLabel', { number: toRoman(entry.number) }) : t('editor.articleLabel', { number: entry.number })}{' '}
        {entry.title || t('outline.untitled')}
      </button>
    </li>
  );
});

/** Chapters and articles of the document, to jump around a long agreement; follows edits. */
export const Outline = memo(function Outline({ editor, changes }: { editor: DocumentEditor; changes: ChangeSignal }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<OutlineEntry[]>(() => outlineOf(editor.children as TopLevelBlock[]));
  useEffect(() => {
    // Recomputing on every keystroke would cost time while typing: at most every 300 ms, and
    // only the rows whose chapter or article changed re-render (none, for typing in a body).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe(() => {
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

  const jump = useCallback(
    (entry: OutlineEntry) => {
      const at = Editor.start(editor, [...entry.path, 0]);
      Transforms.select(editor, at);
      ReactEditor.focus(editor);
      const node = Node.get(editor, entry.path);
      ReactEditor.toDOMNode(editor, node).scrollIntoView({ block: 'start' });
    },
    [editor],
  );

  if (entries.length === 0) return <nav className="outline"><p className="empty-state">{t('outline.empty')}</p></nav>;
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <ol>
        {entries.map((entry) => (
          <OutlineRow key={`${entry.kind}-${entry.id}`} entry={entry} onJump={jump} />
        ))}
      </ol>
    </nav>
  );
});
