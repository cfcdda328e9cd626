import { useState, type ReactNode } from 'react';
import type { RenderLeafProps } from 'slate-react';
import { interfaceWords } from '../i18n/i18n';
import { formatChangeOf } from './formatChange';
import { suggestionByLine, type SuggestedRunChange } from './suggestionByLine';
import { useSuggestionRecord } from './suggestingMode';

/**
 * A suggested run in its side's colour: inserted text underlined, text suggested for deletion
 * struck through, text whose formatting is suggested (shown in it) underlined with dots; who
 * suggested it and when (Vietnam's time) on hover. The tooltip is made once the pointer reaches
 * the run, not as hundreds of runs first render (decision 0031); keyboard and screen-reader
 * users hear it from the line under the toolbar as the cursor enters the run.
 */
function SuggestedRun({ id, run, children }: { id: string; run: SuggestedRunChange; children: ReactNode }) {
  const record = useSuggestionRecord(id);
  const [title, setTitle] = useState<string>();
  const Tag = run.kind === 'insert' ? 'ins' : run.kind === 'delete' ? 'del' : 'span';
  const describe = (): void => {
    const { t, language } = interfaceWords();
    setTitle(suggestionByLine(t, language, run, record));
  };
  return (
    <Tag className={`suggestion suggestion-${run.kind} side-${record?.side ?? 'pending'}`} title={title} onPointerEnter={describe} data-suggestion={id}>
      {children}
    </Tag>
  );
}

export function LeafView({ attributes, children, leaf }: RenderLeafProps) {
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.underline) content = <u>{content}</u>;
  if (leaf.suggestDelete !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestDelete} run={{ kind: 'delete' }}>
        {content}
      </SuggestedRun>
    );
  else if (leaf.suggestInsert !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestInsert} run={{ kind: 'insert' }}>
        {content}
      </SuggestedRun>
    );
  if (leaf.suggestFormat !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestFormat} run={{ kind: 'format', change: formatChangeOf(leaf) }}>
        {content}
      </SuggestedRun>
    );
  if (leaf.commentThread)
    content = (
      <mark className={`phrase-comment phrase-${leaf.commentVisibility ?? 'public'}`} data-thread-id={leaf.commentThread} data-testid="phrase-highlight">
        {content}
      </mark>
    );
  return <span {...attributes}>{content}</span>;
}
