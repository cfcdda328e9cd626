import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderLeafProps } from 'slate-react';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Language } from '#shared/format/locale';
import { describeFormatChange, formatChangeOf } from './formatChange';
import { useSuggestionRecord } from './suggestingMode';

/**
 * A suggested run in its side's colour: inserted text underlined, text suggested for deletion
 * struck through, text whose formatting is suggested (shown in it) underlined with dots; who
 * suggested it and when (Vietnam's time) on hover, and for screen readers.
 */
function SuggestedRun({ id, kind, formatted, children }: { id: string; kind: 'insert' | 'delete' | 'format'; formatted?: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const record = useSuggestionRecord(id);
  const what = kind === 'format' ? t('suggestions.formatted', { change: formatted }) : t(kind === 'insert' ? 'suggestions.inserted' : 'suggestions.deleted');
  const byLine = record
    ? t('suggestions.byLine', { name: record.authorName, at: formatVietnamDateTime(record.createdAt, i18n.language as Language) })
    : t('suggestions.notYetRecorded');
  const Tag = kind === 'insert' ? 'ins' : kind === 'delete' ? 'del' : 'span';
  return (
    <Tag
      className={`suggestion suggestion-${kind} side-${record?.side ?? 'pending'}`}
      title={`${what} — ${byLine}`}
      aria-label={`${what} — ${byLine}`}
      data-suggestion={id}
    >
      {children}
    </Tag>
  );
}

export function LeafView({ attributes, children, leaf }: RenderLeafProps) {
  const { t, i18n } = useTranslation();
  let content = children;
  if (leaf.bold) content = <strong>{content}</strong>;
  if (leaf.italic) content = <em>{content}</em>;
  if (leaf.underline) content = <u>{content}</u>;
  if (leaf.suggestDelete !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestDelete} kind="delete">
        {content}
      </SuggestedRun>
    );
  else if (leaf.suggestInsert !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestInsert} kind="insert">
        {content}
      </SuggestedRun>
    );
  if (leaf.suggestFormat !== undefined)
    content = (
      <SuggestedRun id={leaf.suggestFormat} kind="format" formatted={describeFormatChange(t, formatChangeOf(leaf), i18n.language)}>
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
