import type { RenderLeafProps } from 'slate-react';

export function LeafView({ attributes, children, leaf }: RenderLeafProps) {
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.underline) content = <u>{content}</u>;
  if (leaf.commentThread)
    content = (
      <mark className={`phrase-comment phrase-${leaf.commentVisibility ?? 'public'}`} data-thread-id={leaf.commentThread} data-testid="phrase-highlight">
        {content}
      </mark>
    );
  return <span {...attributes}>{content}</span>;
}
