import { afterEach, describe, expect, it } from 'vitest';
import type { DiffSegment } from '#shared/document/wordDiff';
import { paragraphWithSmallEdits } from '../../bench/lib/hostileDiffs';
import { article, chapter } from '../editor/builders';
import { redlineText } from './compareFixture';
import { articleBlock, replaceWords, startHistoryServer, type HistoryServer } from './historyFixture';

// A comparison across a change too large to compare word by word (hardening issue, item 2): the
// plain Myers diff kept one frontier per edit and never returned on this paragraph (12 GB). Now it
// returns, compared sentence by sentence, and says so.

let server: HistoryServer;
afterEach(async () => server.dispose());

const textBefore = (segments: readonly DiffSegment[]): string =>
  segments
    .filter((segment) => segment.kind !== 'inserted')
    .map((segment) => segment.text)
    .join('');
const textAfter = (segments: readonly DiffSegment[]): string =>
  segments
    .filter((segment) => segment.kind !== 'deleted')
    .map((segment) => segment.text)
    .join('');

describe('comparing versions across a huge change', () => {
  it('a paragraph with 17,000 small edits compares (for a reviewer too) sentence by sentence, said so, the redline still rebuilds both texts, and a small change beside it is still word by word', async () => {
    const hostile = paragraphWithSmallEdits();
    server = await startHistoryServer({
      body: [
        chapter(
          'chuong-1',
          'NHỮNG QUY ĐỊNH CHUNG',
          article('dieu-dai', 'Điều khoản rất dài', hostile.before),
          article('dieu-thuong-tet', 'Thưởng Tết', 'Thưởng Tết bằng một tháng lương.'),
        ),
      ],
    });
    const lan = await server.join('employer', 'Chị Lan (Nhân sự)');
    const reviewer = await server.join('reviewer', 'Sở Nội vụ');
    const before = await lan.client.call('versions/create', { documentId: server.documentId, name: 'Trước khi sửa' });

    // The edits as typing makes them: small updates, a few hundred edits each.
    const client = await server.connect(lan);
    const paragraph = articleBlock(client.doc, 'dieu-dai', 1);
    for (let start = 0; start < hostile.edits.length; start += 500) {
      client.doc.transact(() => {
        for (const edit of hostile.edits.slice(start, start + 500)) {
          paragraph.delete(edit.index, edit.deleteCount);
          paragraph.insert(edit.index, edit.insert);
        }
      });
    }
    expect(paragraph.toString()).toBe(hostile.after);
    replaceWords(client.doc, 'dieu-thuong-tet', 1, 'một tháng', 'hai tháng');
    await server.serverHas(client);

    const comparison = await reviewer.client.call('versions/compare', { documentId: server.documentId, from: before.id, to: 'current' });
    expect(comparison.articles.map((change) => [change.clauseId, change.status, change.granularity])).toEqual([
      ['dieu-dai', 'changed', 'sentence'],
      ['dieu-thuong-tet', 'changed', 'word'],
    ]);
    expect(redlineText(comparison.articles[1]?.segments ?? [])).toBe('Thưởng Tết\nThưởng Tết bằng [-một-]{+hai+} tháng lương.');
    const [change] = comparison.articles;
    expect(textBefore(change?.segments ?? [])).toBe(`Điều khoản rất dài\n${hostile.before}`);
    expect(textAfter(change?.segments ?? [])).toBe(`Điều khoản rất dài\n${hostile.after}`);
    // Whole sentences struck through and inserted, the title kept.
    expect(change?.segments[0]).toEqual({ kind: 'equal', text: 'Điều khoản rất dài\n' });
    expect(change?.segments.filter((segment) => segment.kind === 'deleted').every((segment) => hostile.before.includes(segment.text))).toBe(true);
    expect(change?.authors.map((author) => author.person.displayName)).toEqual(['Chị Lan (Nhân sự)']);
  });
});
