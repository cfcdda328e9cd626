import type { Thread, ThreadComment } from '#shared/negotiation/model';
import { foldForSearch } from '#shared/templates/search';

/**
 * Mentions in comments. A comment's text holds a mention as a token naming the participant by id,
 * "@[id]", and the comment lists that id among its mentions; the name is shown from the id when
 * the comment is read. People type "@" and a name; the name becomes the token when the comment is
 * sent. A token whose id the comment does not list is plain text, so nothing typed by hand
 * mentions anyone.
 */

/** Someone who may be mentioned: a participant of the document, by the name the others see. */
export interface Mentionable {
  id: string;
  name: string;
}

/** How a comment's text holds the mention of a participant. */
export function mentionToken(participantId: string): string {
  return `@[${participantId}]`;
}

const tokenPattern = /@\[([^\]\s]{1,64})\]/gu;

export type CommentPart = { kind: 'text'; text: string } | { kind: 'mention'; participantId: string };

/** A comment's text as its words and its mentions, in order. */
export function commentParts(body: string, mentions: readonly string[]): CommentPart[] {
  const parts: CommentPart[] = [];
  let text = '';
  let from = 0;
  for (const match of body.matchAll(tokenPattern)) {
    const participantId = match[1] ?? '';
    if (!mentions.includes(participantId)) continue;
    text += body.slice(from, match.index);
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'mention', participantId });
    from = match.index + match[0].length;
  }
  text += body.slice(from);
  if (text !== '') parts.push({ kind: 'text', text });
  return parts;
}

/** Whether a character continues a word (a name must end where a word ends: "@Lan" is not in "@Lance"). */
const isWordCharacter = (character: string | undefined): boolean => character !== undefined && /[\p{L}\p{M}\p{N}]/u.test(character);

/**
 * The text to send: each "@" followed by the name of someone who may be mentioned (at the start of
 * a word: not the "@" of an e-mail address) becomes that person's token, and they are listed as mentioned (in the order they appear, once each). Longer
 * names are tried first ("@Lan Anh" before "@Lan"). Where two people share a name, the first in
 * `people` is meant: the one picked from the suggestions comes first.
 */
export function encodeMentions(text: string, people: readonly Mentionable[]): { body: string; mentions: string[] } {
  const byName = new Map<string, string>();
  for (const person of people) if (person.name !== '' && !byName.has(person.name)) byName.set(person.name, person.id);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const mentions: string[] = [];
  let body = '';
  let at = 0;
  while (at < text.length) {
    const isMentionStart = text[at] === '@' && !isWordCharacter(text[at - 1]);
    const name = isMentionStart
      ? names.find((candidate) => text.startsWith(candidate, at + 1) && !isWordCharacter(text[at + 1 + candidate.length]))
      : undefined;
    const id = name === undefined ? undefined : byName.get(name);
    if (name === undefined || id === undefined) {
      body += text[at];
      at += 1;
      continue;
    }
    body += mentionToken(id);
    if (!mentions.includes(id)) mentions.push(id);
    at += 1 + name.length;
  }
  return { body, mentions };
}

/** The longest name a mention can be typed with (a display name is at most 80 characters). */
const longestQuery = 80;

/**
 * The mention being typed at the caret: an "@" at the start of the text or after a space, and what
 * follows it up to the caret, on one line; null when the caret is not in one.
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('@');
  if (start === -1 || (start > 0 && !/\s/u.test(before[start - 1] ?? ''))) return null;
  const query = before.slice(start + 1);
  if (query.length > longestQuery || /[\n\r]/u.test(query)) return null;
  return { start, query };
}

const wordsOf = (text: string): string[] =>
  foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * Who may be meant by what is typed after "@": each word typed begins a word of the name, case and
 * diacritics aside ("@chi l" finds "Chị Lan"). Nobody once a whole name has been typed and more
 * after it: that mention is complete.
 */
export function mentionMatches(people: readonly Mentionable[], query: string): Mentionable[] {
  const folded = foldForSearch(query);
  const isComplete = people.some((person) => {
    const name = foldForSearch(person.name);
    return folded.length > name.length && folded.startsWith(name);
  });
  if (isComplete) return [];
  const typed = wordsOf(query);
  return people.filter((person) => {
    const words = wordsOf(person.name);
    return typed.every((word) => words.some((candidate) => candidate.startsWith(word)));
  });
}

/** The text after a suggestion is picked: the "@" and what was typed become "@name ", and where the caret goes. */
export function pickMention(text: string, mention: { start: number; query: string }, person: Mentionable): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  const end = mention.start + 1 + mention.query.length;
  return { text: text.slice(0, mention.start) + inserted + text.slice(end), caret: mention.start + inserted.length };
}

/** A comment mentioning someone, in its thread. */
export interface Mention {
  thread: Thread;
  comment: ThreadComment;
}

/**
 * A participant's unread mentions, newest first: the comments in which someone else mentioned
 * them and which they have not opened yet (`read`: the comments they opened, as the server keeps them).
 */
export function unreadMentions(threads: readonly Thread[], participantId: string, read: ReadonlySet<string>): Mention[] {
  return threads
    .flatMap((thread) =>
      thread.comments
        .filter((comment) => comment.authorId !== participantId && comment.mentions.includes(participantId) && !read.has(comment.id))
        .map((comment) => ({ thread, comment })),
    )
    .sort((a, b) => b.comment.createdAt.localeCompare(a.comment.createdAt));
}
