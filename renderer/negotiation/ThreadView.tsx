import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '#shared/format/vietnamTime';
import { commentParts, type Mentionable } from '#shared/negotiation/mentions';
import type { Thread, ThreadComment } from '#shared/negotiation/model';
import { useLanguage } from '../i18n/i18n';
import { MentionTextarea, useMentionDraft } from './MentionTextarea';
import { useNegotiationView } from './negotiationView';

export interface ThreadActions {
  reply(thread: Thread, body: string, mentions: string[]): Promise<void>;
  setResolved(thread: Thread, resolved: boolean): Promise<void>;
}

/** The people of the document as comments name them: by id, whoever they are now (revoked ones too). */
type ParticipantNames = ReadonlyMap<string, string>;

/**
 * A comment's text, its mentions shown as the names of the people mentioned; the person reading
 * (`me`) sees their own name marked. Mentions listed without a place in the text follow it.
 */
export function CommentText({ comment, names, me }: { comment: ThreadComment; names: ParticipantNames; me: string }) {
  const { t } = useTranslation();
  const parts = commentParts(comment.body, comment.mentions);
  const placed = new Set(parts.flatMap((part) => (part.kind === 'mention' ? [part.participantId] : [])));
  const mention = (id: string, key: string | number) => (
    <span key={key} className={id === me ? 'mention me' : 'mention'} data-testid="mention" data-participant-id={id}>
      @{names.get(id) ?? t('negotiation.mentionUnknown')}
    </span>
  );
  const unplaced = comment.mentions.filter((id) => !placed.has(id));
  return (
    <>
      <p className="comment-text">{parts.map((part, index) => (part.kind === 'text' ? part.text : mention(part.participantId, index)))}</p>
      {unplaced.length > 0 && (
        <p className="hint">
          {unplaced.map((id, index) => (
            <Fragment key={id}>
              {index > 0 && ' '}
              {mention(id, id)}
            </Fragment>
          ))}
        </p>
      )}
    </>
  );
}

/** The words a comment is on, as they were when it was made. */
export function PhraseQuote({ quote, gone = false }: { quote: string; gone?: boolean }) {
  const { t } = useTranslation();
  return (
    <figure className={gone ? 'phrase-quote gone' : 'phrase-quote'}>
      <figcaption className="hint">{t('negotiation.phraseLabel')}</figcaption>
      <blockquote data-testid="phrase-quote">{quote}</blockquote>
    </figure>
  );
}

/**
 * A comment thread on an article or on words of it: the words (a click shows them in the text;
 * words since deleted are said to be gone), its comments, a reply, resolve and reopen.
 */
export function ThreadView({
  thread,
  phrase,
  onShowPhrase,
  names,
  mentionable,
  canReply,
  canResolve,
  actions,
}: {
  thread: Thread;
  /** Where the thread's words are in the text: still there, gone, or none (a thread on the whole article). */
  phrase: 'here' | 'gone' | undefined;
  onShowPhrase: () => void;
  names: ParticipantNames;
  mentionable: readonly Mentionable[];
  canReply: boolean;
  canResolve: boolean;
  actions: ThreadActions;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { participantId } = useNegotiationView();
  const draft = useMentionDraft(mentionable);
  return (
    <article
      className={`thread${thread.visibility === 'public' ? '' : ' internal'}${thread.resolvedAt ? ' resolved' : ''}`}
      data-testid="thread"
      data-visibility={thread.visibility}
      data-thread-id={thread.id}
      tabIndex={-1}
    >
      {thread.visibility !== 'public' && <p className="internal-note">{t('negotiation.internalNote', { side: t(`side.${thread.visibility}`) })}</p>}
      {thread.anchor && (
        <>
          <PhraseQuote quote={thread.anchor.quote} gone={phrase === 'gone'} />
          {phrase === 'gone' ? (
            <p className="hint" data-testid="phrase-gone">
              {t('negotiation.phraseGone')}
            </p>
          ) : (
            <button type="button" className="link" onClick={onShowPhrase}>
              {t('negotiation.showPhrase')}
            </button>
          )}
        </>
      )}
      {thread.comments.map((comment) => {
        const mentionsMe = comment.authorId !== participantId && comment.mentions.includes(participantId);
        return (
          <div key={comment.id} className={mentionsMe ? 'comment mentions-me' : 'comment'} data-testid="comment">
            <p className="hint">
              <strong>{comment.authorName}</strong> · {t(`side.${comment.side}`)} · {formatVietnamDateTime(comment.createdAt, language)}
              {mentionsMe && <span className="mentions-me-label"> · {t('negotiation.mentionsYou')}</span>}
            </p>
            <CommentText comment={comment} names={names} me={participantId} />
          </div>
        );
      })}
      {thread.resolvedAt && <p className="hint">{t('negotiation.resolvedBy', { name: thread.resolvedByName ?? '' })}</p>}
      {canReply && !thread.resolvedAt && (
        <form
          className="stacked-form"
          onSubmit={(event) => {
            event.preventDefault();
            const { body, mentions } = draft.encoded();
            void actions.reply(thread, body, mentions).then(draft.clear);
          }}
        >
          <MentionTextarea draft={draft} people={mentionable} rows={2} label={t('negotiation.reply')} placeholder={t('negotiation.replyPlaceholder')} />
          <button type="submit" disabled={draft.text.trim() === ''}>
            {t('negotiation.reply')}
          </button>
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
