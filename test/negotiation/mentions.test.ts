import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import {
  commentParts,
  encodeMentions,
  mentionAt,
  mentionMatches,
  mentionToken,
  pickMention,
  unreadMentions,
  type Mentionable,
} from '#shared/negotiation/mentions';
import type { Thread, ThreadComment } from '#shared/negotiation/model';
import { closeApi, inProcessTransportUnderTest, startApi, type ApiFixture } from '../helpers/apiTransports';
import { clauseIds, openNegotiation } from './negotiationFixture';

// Mentions typed with "@" in comments: the name typed becomes a reference to the participant (a
// token with their id) when the comment is sent, is shown as their name when it is read, and the
// person mentioned finds the open threads that name them.

const lan: Mentionable = { id: 'p-lan', name: 'Chị Lan (Nhân sự)' };
const lanAnh: Mentionable = { id: 'p-lan-anh', name: 'Chị Lan (Nhân sự) Anh' };
const minh: Mentionable = { id: 'p-minh', name: 'Anh Minh (Công đoàn)' };
const hoa: Mentionable = { id: 'p-hoa', name: 'Bà Hoa' };
const people = [lan, minh, hoa];

describe('encodeMentions: the names typed become references', () => {
  it('each "@name" of someone who may be mentioned becomes their token; they are listed once, in the order they appear', () => {
    expect(encodeMentions('@Anh Minh (Công đoàn) xem giúp; @Chị Lan (Nhân sự), rồi báo @Anh Minh (Công đoàn).', people)).toEqual({
      body: `${mentionToken(minh.id)} xem giúp; ${mentionToken(lan.id)}, rồi báo ${mentionToken(minh.id)}.`,
      mentions: [minh.id, lan.id],
    });
  });

  it('leaves alone what names nobody: another name, an e-mail address, a name that goes on into a longer word', () => {
    for (const text of ['@Ông Tuấn xem giúp', 'gửi hoa@congty.vn', 'chi@Bà Hoa', '@Bà Hoang đã xem', 'không ai cả', '@', '@[p-lan] gõ tay']) {
      expect(encodeMentions(text, people), text).toEqual({ body: text, mentions: [] });
    }
  });

  it('the longer of two names that begin alike is meant when it is typed; of two people with one name, the first given (the one picked)', () => {
    expect(encodeMentions('@Chị Lan (Nhân sự) Anh và @Chị Lan (Nhân sự)', [lan, lanAnh])).toEqual({
      body: `${mentionToken(lanAnh.id)} và ${mentionToken(lan.id)}`,
      mentions: [lanAnh.id, lan.id],
    });
    const namesake = { id: 'p-hoa-2', name: hoa.name };
    expect(encodeMentions('@Bà Hoa', [namesake, hoa]).mentions).toEqual([namesake.id]);
    expect(encodeMentions('@Bà Hoa', [hoa, namesake]).mentions).toEqual([hoa.id]);
  });
});

describe('commentParts: a comment read back', () => {
  it('shows each token the comment lists as a mention, and the rest as text', () => {
    const { body, mentions } = encodeMentions('@Bà Hoa xem Điều 3 cùng @Anh Minh (Công đoàn)\nđược không?', people);
    expect(commentParts(body, mentions)).toEqual([
      { kind: 'mention', participantId: hoa.id },
      { kind: 'text', text: ' xem Điều 3 cùng ' },
      { kind: 'mention', participantId: minh.id },
      { kind: 'text', text: '\nđược không?' },
    ]);
  });

  it('a token the comment does not list is only text: typing "@[id]" by hand mentions nobody', () => {
    expect(commentParts(`Xem ${mentionToken(lan.id)} nhé`, [])).toEqual([{ kind: 'text', text: `Xem ${mentionToken(lan.id)} nhé` }]);
    expect(commentParts(`${mentionToken(lan.id)} và ${mentionToken(minh.id)}`, [minh.id])).toEqual([
      { kind: 'text', text: `${mentionToken(lan.id)} và ` },
      { kind: 'mention', participantId: minh.id },
    ]);
  });

  it('for any text and any mentions, reading back what is sent gives the text with each mention in its place', () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 12 }).map((text) => ({ text })),
      fc.constantFrom(...people).map((person) => ({ person })),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        // Text that names nobody by itself (no "@" in it), and each mention a word of its own.
        const pieces = segments.map((piece) => ('person' in piece ? ` @${piece.person.name} ` : piece.text.replaceAll('@', '')));
        const { body, mentions } = encodeMentions(pieces.join(''), people);
        const read = commentParts(body, mentions)
          .map((part) => (part.kind === 'text' ? part.text : `@${people.find((person) => person.id === part.participantId)?.name ?? '?'}`))
          .join('');
        expect(read).toBe(pieces.join(''));
        expect(mentions).toEqual([...new Set(segments.flatMap((piece) => ('person' in piece ? [piece.person.id] : [])))]);
      }),
    );
  });
});

describe('typing "@": the mention at the caret and who it may be', () => {
  it('is an "@" at the start or after a space, up to the caret, on one line', () => {
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('Nhờ @chị L xem', 10)).toEqual({ start: 4, query: 'chị L' });
    expect(mentionAt('Nhờ @chị L xem', 3)).toBeNull();
    expect(mentionAt('hoa@congty', 10)).toBeNull();
    expect(mentionAt('@Bà\nHoa', 7)).toBeNull();
    expect(mentionAt(`@${'a'.repeat(81)}`, 82)).toBeNull();
  });

  it('finds people by the beginnings of the words of their names, case and diacritics aside', () => {
    expect(mentionMatches(people, '')).toEqual(people);
    expect(mentionMatches(people, 'chi l')).toEqual([lan]);
    expect(mentionMatches(people, 'CONG')).toEqual([minh]);
    expect(mentionMatches(people, 'ba ho')).toEqual([hoa]);
    expect(mentionMatches(people, 'tuan')).toEqual([]);
  });

  it('suggests nobody once a whole name and more has been typed: that mention is complete', () => {
    expect(mentionMatches(people, 'Bà Hoa')).toEqual([hoa]);
    expect(mentionMatches(people, 'Bà Hoa ')).toEqual([]);
  });

  it('picking puts the name in the place of what was typed, with a space, and the caret after it', () => {
    const text = 'Nhờ @chị l xem giúp';
    const mention = mentionAt(text, 10);
    expect(mention).not.toBeNull();
    if (!mention) return;
    const picked = pickMention(text, mention, lan);
    expect(picked).toEqual({ text: 'Nhờ @Chị Lan (Nhân sự)  xem giúp', caret: 'Nhờ @Chị Lan (Nhân sự) '.length });
    expect(encodeMentions(picked.text, people).mentions).toEqual([lan.id]);
  });
});

describe('unreadMentions: what the person mentioned is shown until they open it', () => {
  const comment = (id: string, authorId: string, mentions: string[], minute = 0): ThreadComment => ({
    id,
    authorId,
    authorName: authorId,
    side: 'employer',
    body: 'x',
    mentions,
    createdAt: new Date(Date.UTC(2027, 0, 4, 3, minute)).toISOString(),
  });
  const thread = (id: string, comments: ThreadComment[], resolvedAt: string | null = null): Thread => ({
    id,
    clauseId: `dieu-${id}`,
    visibility: 'public',
    comments,
    createdAt: '2027-01-04T03:00:00.000Z',
    resolvedAt,
    resolvedByName: resolvedAt ? 'x' : null,
  });

  it('the comments where someone else mentioned them, newest first, resolved threads too; not their own mention of themselves, not those they opened', () => {
    const threads = [
      thread('a', [comment('a1', minh.id, [lan.id], 1)]),
      thread('b', [comment('b1', minh.id, [hoa.id], 2)]),
      thread('c', [comment('c1', minh.id, [lan.id], 3)], '2027-01-05T03:00:00.000Z'),
      thread('d', [comment('d1', lan.id, [lan.id], 4)]),
      thread('e', [comment('e1', lan.id, [], 5), comment('e2', hoa.id, [minh.id, lan.id], 6), comment('e3', minh.id, [lan.id], 7)]),
    ];
    const ids = (read: string[]) => unreadMentions(threads, lan.id, new Set(read)).map((found) => `${found.thread.id}/${found.comment.id}`);
    expect(ids([])).toEqual(['e/e3', 'e/e2', 'c/c1', 'a/a1']);
    expect(ids(['e2', 'a1'])).toEqual(['e/e3', 'c/c1']);
    expect(ids(['a1', 'c1', 'e2', 'e3'])).toEqual([]);
  });
});

describe('a comment with a mention, through the API', () => {
  let api: ApiFixture;
  let admin: ApiClient;
  beforeEach(async () => {
    ({ api, admin } = await startApi(inProcessTransportUnderTest));
  });
  afterEach(() => closeApi(api));

  it('is stored with the reference to the participant, not their name, and reads back as their name', async () => {
    const { document, employer, union } = await openNegotiation(api, admin);
    const mentionable = [{ id: union.participant.id, name: union.participant.displayName }];
    const sent = encodeMentions(`@${union.participant.displayName} cho ý kiến về mức 7%?`, mentionable);
    const thread = await employer.client.call('threads/create', {
      documentId: document.id,
      clauseId: clauseIds.wage,
      body: sent.body,
      mentions: sent.mentions,
    });
    const [stored] = (await union.client.call('negotiation/state', { documentId: document.id })).threads;
    const storedComment = stored?.comments[0];
    expect(stored?.id).toBe(thread.id);
    expect(storedComment?.body).toBe(`${mentionToken(union.participant.id)} cho ý kiến về mức 7%?`);
    expect(storedComment?.body).not.toContain(union.participant.displayName);
    expect(storedComment?.mentions).toEqual([union.participant.id]);
    expect(commentParts(storedComment?.body ?? '', storedComment?.mentions ?? [])).toEqual([
      { kind: 'mention', participantId: union.participant.id },
      { kind: 'text', text: ' cho ý kiến về mức 7%?' },
    ]);
    expect(unreadMentions(stored ? [stored] : [], union.participant.id, new Set())).toHaveLength(1);
    expect(unreadMentions(stored ? [stored] : [], employer.participant.id, new Set())).toHaveLength(0);
  });
});
