import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '#shared/api/client';
import { closeApi, expectApiError, httpTransportUnderTest, startApi, type ApiFixture } from '../helpers/apiTransports';
import { agreementBody, clauseIds, proposedArticle } from '../negotiation/negotiationFixture';
import { overtimeDraft, packFile, samplePack } from '../helpers/templateFixtures';

// What people type reaches the server through the API's schemas (shared/text/textSchemas.ts):
// names are one line of visible text, free text holds only what a document can hold, and both are
// kept in Unicode NFC. A refusal names the field and changes nothing.

const kind = 'enterprise_agreement';
const decomposed = (text: string): string => text.normalize('NFD');
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (message: string): RegExp => new RegExp(`^${escapeRegExp(message)}$`);

describe('text at the API boundary (over HTTP)', () => {
  let api: ApiFixture;
  let admin: ApiClient;
  let anonymous: ApiClient;

  beforeEach(async () => {
    ({ api, admin } = await startApi(httpTransportUnderTest));
    anonymous = api.client();
  });
  afterEach(() => closeApi(api));

  async function join(documentId: string, side: 'employer' | 'union', displayName: string) {
    const invitation = await admin.call('invitations/create', { documentId, side });
    const redeemed = await anonymous.call('invitations/redeem', { code: invitation.code, displayName });
    return { ...redeemed, client: api.client(redeemed.token) };
  }

  describe('names', () => {
    const bidi = 'contains the invisible text-direction control U+202E, which makes text read differently from what it holds';
    it.each([
      ['a NUL', 'Thỏa ước\u0000 2027', 'contains the control character U+0000'],
      ['an escape character', 'Thỏa ước \u001B[31m', 'contains the control character U+001B'],
      ['a line break', 'Thỏa ước\n2027', 'contains a line break or tab (U+000A); a name is a single line'],
      ['a line separator', 'Thỏa ước\u20282027', 'contains a line break or tab (U+2028); a name is a single line'],
      ['a right-to-left override', 'Thỏa ước \u202E7202', bidi],
      [
        'a directional isolate',
        '\u2066Thỏa ước\u2069',
        'contains the invisible text-direction control U+2066, which makes text read differently from what it holds',
      ],
      ['U+FFFE', 'Thỏa ước\uFFFE', 'contains U+FFFE, which is not a character'],
      ['U+FFFF', 'Thỏa ước\uFFFF', 'contains U+FFFF, which is not a character'],
      ['another noncharacter', 'Thỏa ước\uFDD0', 'contains U+FDD0, which is not a character'],
      ['an unpaired surrogate', 'Thỏa ước\uD800', 'contains a broken character (the unpaired surrogate U+D800)'],
      ['only zero-width characters', '\u200B\u200C\u200D\u2060', 'has no visible character (only spaces or invisible characters such as the zero-width space)'],
      ['only spaces of every kind', ' \u00A0\u2003\u3000 ', 'the title must not be empty'],
    ])('refuses a title with %s, naming the field, and creates or renames nothing', async (_what, title, problem) => {
      await expectApiError(admin.call('documents/create', { kind, title }), 'invalid_input', exactly(`title: ${problem}`));
      expect(await admin.call('documents/list', { includeArchived: true })).toEqual([]);
      const document = await admin.call('documents/create', { kind, title: 'Thỏa ước lao động tập thể 2027' });
      await expectApiError(admin.call('documents/rename', { documentId: document.id, title }), 'invalid_input', exactly(`title: ${problem}`));
      expect(await admin.call('documents/get', { documentId: document.id })).toEqual(document);
    });

    it('refuses such a display name, and the invitation stays usable', async () => {
      const document = await admin.call('documents/create', { kind, title: 'Thỏa ước lao động tập thể 2027' });
      const invitation = await admin.call('invitations/create', { documentId: document.id, side: 'union' });
      await expectApiError(
        anonymous.call('invitations/redeem', { code: invitation.code, displayName: 'Trần Thị \u202EhnìB' }),
        'invalid_input',
        exactly(`displayName: ${bidi}`),
      );
      await expectApiError(
        anonymous.call('invitations/redeem', { code: invitation.code, displayName: '\u200B' }),
        'invalid_input',
        /^displayName: has no visible character/,
      );
      const redeemed = await anonymous.call('invitations/redeem', { code: invitation.code, displayName: 'Trần Thị Bình' });
      expect(redeemed.participant.displayName).toBe('Trần Thị Bình');
    });

    it('refuses such a version name, and makes no version', async () => {
      const document = await admin.call('documents/create', { kind, title: 'Thỏa ước lao động tập thể 2027' });
      const before = await admin.call('versions/list', { documentId: document.id });
      await expectApiError(
        admin.call('versions/create', { documentId: document.id, name: 'Bản trình\u0007 ký' }),
        'invalid_input',
        exactly('name: contains the control character U+0007'),
      );
      expect(await admin.call('versions/list', { documentId: document.id })).toEqual(before);
    });
  });

  describe('free text', () => {
    it('refuses in a comment only what no document can hold; tabs and line breaks stay', async () => {
      const document = await admin.call('documents/create', { kind, title: 'Thỏa ước 2027', content: agreementBody() });
      const union = await join(document.id, 'union', 'Trần Thị Bình');
      const comment = (body: string) => union.client.call('threads/create', { documentId: document.id, clauseId: clauseIds.wage, body });
      await expectApiError(comment('Mức lương\u0001 này thấp'), 'invalid_input', /^body: contains the character U\+0001, which no document can hold/);
      await expectApiError(comment('Mức\uFFFE lương\uFFFF'), 'invalid_input', /^body: contains the characters U\+FFFE, U\+FFFF, which no document can hold/);
      await expectApiError(comment('\u200B\u2060'), 'invalid_input', exactly('body: a comment must not be empty'));
      expect((await union.client.call('negotiation/state', { documentId: document.id })).threads).toEqual([]);
      const kept = await comment('Dòng một:\n\tmức 7%;\r\nDòng hai.');
      expect(kept.comments[0]?.body).toBe('Dòng một:\n\tmức 7%;\r\nDòng hai.');
    });

    it("refuses them in a proposal's rationale and in a body sent to the API, naming where", async () => {
      const document = await admin.call('documents/create', { kind, title: 'Thỏa ước 2027', content: agreementBody() });
      const union = await join(document.id, 'union', 'Trần Thị Bình');
      await expectApiError(
        union.client.call('proposals/create', {
          documentId: document.id,
          clauseId: clauseIds.wage,
          kind: 'replace',
          rationale: 'Theo\uFFFF lương vùng',
          article: proposedArticle('Tiền lương', 'Mức lương thấp nhất cao hơn 7%.'),
        }),
        'invalid_input',
        /^rationale: contains the character U\+FFFF/,
      );
      await expectApiError(
        union.client.call('proposals/create', {
          documentId: document.id,
          clauseId: clauseIds.wage,
          kind: 'replace',
          rationale: 'Theo lương vùng',
          article: proposedArticle('Tiền lương', 'Mức lương\u0002 thấp nhất.'),
        }),
        'invalid_input',
        /^article\.children\.1\.children\.0\.text: contains the character U\+0002/,
      );
      expect((await union.client.call('negotiation/state', { documentId: document.id })).proposals).toEqual([]);
      const body = agreementBody();
      body[0] = { type: 'paragraph', children: [{ text: 'Căn cứ\uFFFE Bộ luật Lao động' }] };
      await expectApiError(
        admin.call('documents/create', { kind, title: 'Thỏa ước khác', content: body }),
        'invalid_input',
        /^content\.0\.children\.0\.text: contains the character U\+FFFE/,
      );
      await expectApiError(
        admin.call('documents/create', { kind, title: 'Thỏa ước khác', variables: { enterprise_name: 'Công ty\u0001 May' } }),
        'invalid_input',
        /^variables\.enterprise_name: contains the character U\+0001/,
      );
      expect((await admin.call('documents/list', {})).map((meta) => meta.title)).toEqual(['Thỏa ước 2027']);
    });
  });

  describe('normalisation', () => {
    it('keeps titles, display names and comments in NFC, however they were typed', async () => {
      const title = 'Thỏa ước lao động tập thể Công ty Dệt Nam Định';
      expect(decomposed(title)).not.toBe(title);
      const document = await admin.call('documents/create', { kind, title: decomposed(title), content: agreementBody() });
      expect(document.title).toBe(title);
      expect((await api.store.documents.get(document.id))?.title).toBe(title);
      const union = await join(document.id, 'union', decomposed('Nguyễn Thị Hường'));
      expect(union.participant.displayName).toBe('Nguyễn Thị Hường');
      const thread = await union.client.call('threads/create', {
        documentId: document.id,
        clauseId: clauseIds.wage,
        body: decomposed('Đề nghị tăng lương tối thiểu.'),
      });
      expect(thread.comments[0]?.body).toBe('Đề nghị tăng lương tối thiểu.');
      const version = await admin.call('versions/create', { documentId: document.id, name: decomposed('Bản dự thảo lần một') });
      expect(version.name).toBe('Bản dự thảo lần một');
    });
  });

  describe('templates', () => {
    it('refuses a saved template or a pack holding U+FFFE or U+FFFF, naming the text, and keeps nothing', async () => {
      const draft = overtimeDraft();
      draft.body[0] = { type: 'clause', text: { vi: 'Làm thêm giờ\uFFFE theo {{ot_rate_weekday}}.', en: 'Overtime at {{ot_rate_weekday}}.' } };
      await expectApiError(
        admin.call('templates/save', { template: draft }),
        'invalid_input',
        /template\.body\[0\]\.text\.vi: contains the character U\+FFFE, which no document can hold/,
      );
      const pack = samplePack(1);
      const [template] = pack.templates;
      if (!template) throw new Error('the sample pack has a template');
      template.title.vi = 'Bữa ăn\uFFFF giữa ca';
      await expectApiError(
        admin.call('templates/importPack', { packJson: packFile(pack) }),
        'invalid_input',
        /templates\[0\]\.title\.vi: contains the character U\+FFFF, which no document can hold/,
      );
      expect(await admin.call('templates/list', {})).toEqual([]);
    });

    it('keeps the texts of saved templates and imported packs in NFC', async () => {
      const saved = await admin.call('templates/save', { template: overtimeDraft(decomposed('Làm thêm giờ ngày thường')) });
      expect(saved.template.title.vi).toBe('Làm thêm giờ ngày thường');
      const pack = samplePack(1);
      const [template] = pack.templates;
      if (!template) throw new Error('the sample pack has a template');
      template.title.vi = decomposed('Bữa ăn giữa ca');
      const imported = await admin.call('templates/importPack', { packJson: packFile(pack) });
      const stored = (await admin.call('templates/list', {})).find((entry) => entry.id === imported.templates.created[0]);
      expect(stored?.template.title.vi).toBe('Bữa ăn giữa ca');
      // Importing the same pack again finds it unchanged: what is compared is the normalised text.
      expect((await admin.call('templates/importPack', { packJson: packFile(pack) })).templates.unchanged).toEqual([template.id]);
    });
  });
});
