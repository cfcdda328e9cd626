import { useEffect, useState } from 'react';
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

/** Chapters and articles of the document, to jump around a long agreement; follows edits. */
export function Outline({ editor, changes }: { editor: DocumentEditor; changes: ChangeSignal }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<OutlineEntry[]>(() => outlineOf(editor.children as TopLevelBlock[]));
  useEffect(() => {
    // Recomputing on every keystroke would cost time while typing: at most every 300 ms.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = changes.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setEntries(outlineOf(editor.children as TopLevelBlock[]));
      }, 300);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [editor, changes]);

  const jump = (entry: OutlineEntry) => {
    const at = Editor.start(editor, [...entry.path, 0]);
    Transforms.select(editor, at);
    ReactEditor.focus(editor);
    const node = Node.get(editor, entry.path);
    ReactEditor.toDOMNode(editor, node).scrollIntoView({ block: 'start' });
  };

  if (entries.length === 0) return <nav className="outline"><p className="empty-state">{t('outline.empty')}</p></nav>;
  return (
    <nav className="outline" aria-label={t('outline.label')}>
      <ol>
        {entries.map((entry) => (
          <li key={`${entry.kind}-${entry.id}`} className={`outline-${entry.kind}`}>
            <button type="button" onClick={() => jump(entry)}>
              {entry.kind === 'chapter' ? t('editor.chapterLabel', { number: toRoman(entry.number) }) : t('editor.articleLabel', { number: entry.number })}{' '}
              {entry.title || t('outline.untitled')}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
