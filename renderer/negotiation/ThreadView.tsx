import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import type { Thread } from '#shared/negotiation/model';
import type { Participant } from '#shared/api/participants';
import { useLanguage } from '../i18n/i18n';

export interface ThreadActions {
  reply(thread: Thread, body: string, mentions: string[]): Promise<void>;
  setResolved(thread: Thread, resolved: boolean): Promise<void>;
}

/** Who may be mentioned in a comment: everyone for public threads, one's own side for internal notes. */
export function MentionPicker({ participants, selected, onChange }: { participants: Participant[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  if (participants.length === 0) return null;
  return (
    <details className="mentions">
      <summary>{t('negotiation.mention', { count: selected.length })}</summary>
      {participants.map((participant) => (
        <label key={participant.id}>
          <input
            type="checkbox"
            checked={selected.includes(participant.id)}
            onChange={(event) => onChange(event.target.checked ? [...selected, participant.id] : selected.filter((id) => id !== participant.id))}
          />{' '}
          @{participant.displayName}
        </label>
      ))}
    </details>
  );
}

/** A comment thread on an article: its comments, a reply, resolve and reopen. */
export function ThreadView({ thread, participants, canReply, canResolve, actions }: { thread: Thread; participants: Participant[]; canReply: boolean; canResolve: boolean; actions: ThreadActions }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const names = new Map(participants.map((p) => [p.id, p.displayName]));
  const mentionable = thread.visibility === 'public' ? participants : participants.filter((p) => p.side === thread.visibility);
  return (
    <article className={`thread${thread.visibility === 'public' ? '' : ' internal'}${thread.resolvedAt ? ' resolved' : ''}`} data-testid="thread" data-visibility={thread.visibility}>
      {thread.visibility !== 'public' && <p className="internal-note">{t('negotiation.internalNote', { side: t(`side.${thread.visibility}`) })}</p>}
      {thread.comments.map((comment) => (
        <div key={comment.id} className="comment">
          <p className="hint">
            <strong>{comment.authorName}</strong> · {t(`side.${comment.side}`)} · {formatVietnamDateTime(comment.createdAt, language)}
          </p>
          <p>{comment.body}</p>
          {comment.mentions.length > 0 && <p className="hint">{comment.mentions.map((id) => `@${names.get(id) ?? id}`).join(' ')}</p>}
        </div>
      ))}
      {thread.resolvedAt && <p className="hint">{t('negotiation.resolvedBy', { name: thread.resolvedByName ?? '' })}</p>}
      {canReply && !thread.resolvedAt && (
        <form className="stacked-form" onSubmit={(event) => {
          event.preventDefault();
          void actions.reply(thread, body, mentions).then(() => {
            setBody('');
            setMentions([]);
          });
        }}>
          <textarea rows={2} value={body} onChange={(event) => setBody(event.target.value)} placeholder={t('negotiation.replyPlaceholder')} aria-label={t('negotiation.reply')} />
          <MentionPicker participants={mentionable} selected={mentions} onChange={setMentions} />
          <button type="submit" disabled={body.trim() === ''}>{t('negotiation.reply')}</button>
        </form>
      )}
      {canResolve && (
        <button type="button" onClick={() => void actions.setResolved(thread, thread.resolvedAt === null)}>
          {thread.resolvedAt ? t('negotiation.reopenThread') : t('negotiation.resolve')}
        </button>
      )}
    </article>
  );
}
