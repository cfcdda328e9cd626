import { afterEach, describe, expect, it } from 'vitest';
import { suggestionRecords, suggestionsInBody } from '#shared/negotiation/suggestions';
import { startCluster, type Cluster } from '../helpers/cluster';
import { connectClient, deniedAtLeast, synced, type SyncClient } from '../helpers/syncClient';
import { agreementBody, clauseIds, docMatches, lastParagraphOf } from '../negotiation/negotiationFixture';

// S30 in hosted mode (S24): a suggestion's author is the participant whose socket first brought its
// id, whichever instance that socket reached; every instance knows it from then on.

const wageText = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.';

describe('S30 in hosted mode: a suggestion made through one instance is its author’s on every instance', () => {
  let cluster: Cluster;
  const clients: SyncClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster.dispose();
  });

  it('recorded once as the union’s, protected on the other instance, and decided through it for everyone', async () => {
    cluster = await startCluster(2);
    const host = cluster.client(0);
    const document = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước 2027', content: agreementBody() });
    const seat = async (side: 'employer' | 'union', displayName: string, via: number) => {
      const invitation = await host.call('invitations/create', { documentId: document.id, side });
      const { token } = await cluster.client(via, null).call('invitations/redeem', { code: invitation.code, displayName });
      const client = connectClient(cluster.instances[via]?.url ?? '', document.id, token);
      clients.push(client);
      await synced(client);
      return { client, api: cluster.client(via, token) };
    };
    const union = await seat('union', 'Anh Minh (Công đoàn cơ sở)', 0);
    const employer = await seat('employer', 'Chị Lan (Phòng Nhân sự)', 1);

    lastParagraphOf(union.client.doc, clauseIds.wage).insert(wageText.length - 1, ' cộng 10%', { suggestInsert: 'them-10' });
    await docMatches(employer.client.doc, () => suggestionRecords(employer.client.doc).has('them-10'), 'the record on the other instance');
    expect(suggestionRecords(employer.client.doc).get('them-10')).toMatchObject({ authorName: 'Anh Minh (Công đoàn cơ sở)', side: 'union', status: 'pending' });

    // On the other instance, another employer's socket cannot write into the union's suggestion.
    const forger = await seat('employer', 'Ông Tuấn (Giám đốc)', 1);
    lastParagraphOf(forger.client.doc, clauseIds.wage).insert(0, 'Thêm ', { suggestInsert: 'them-10' });
    await deniedAtLeast(forger.client, 1);
    expect(forger.client.denials[0]).toMatch(/another participant’s suggestion/);

    // Accepted through the other instance: the text is plain on both instances' clients.
    const [seen] = suggestionsInBody(employer.client.doc).filter((suggestion) => suggestion.id === 'them-10');
    expect(seen).toMatchObject({ inserted: ' cộng 10%', deleted: '' });
    await employer.api.call('suggestions/decide', {
      documentId: document.id,
      decision: 'accept',
      suggestions: [{ id: 'them-10', inserted: ' cộng 10%', deleted: '' }],
    });
    await docMatches(union.client.doc, () => suggestionRecords(union.client.doc).get('them-10')?.status === 'accepted', 'the decision on the first instance');
    expect(suggestionsInBody(union.client.doc)).toEqual([]);
    expect(lastParagraphOf(union.client.doc, clauseIds.wage).toString()).toBe('Mức lương thấp nhất bằng mức lương tối thiểu vùng cộng 10%.');
  });
});
