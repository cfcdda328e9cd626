import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { ApiError } from '#shared/api/errors';
import { maxImportBytes } from '#shared/api/export';
import { createHttpTransport } from '#shared/api/httpTransport';
import { plainText, type ArticleElement, type ChapterElement, type TopLevelBlock } from '#shared/document/nodes';
import { proposalsRootName, type Proposal } from '#shared/negotiation/model';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { completeDocument, sequentialIds } from './agreementFixture';
import { zipPart } from './fileTools';

// The export and import methods over server mode's HTTP API: who may call them, that an import
// preview creates nothing, the raised body limit of importPreview, the redline of proposals kept
// in the document, and cancellation by closing the request.

const articleTitles = (blocks: readonly TopLevelBlock[]): string[] =>
  blocks
    .flatMap((block) =>
      block.type === 'chapter' ? block.children.filter((child): child is ArticleElement => child.type === 'article') : block.type === 'article' ? [block] : [],
    )
    .map((article) => plainText(article.children[0] as ArticleElement['children'][number]));

describe('export and import over HTTP', () => {
  let harness: Harness;
  let host: ApiClient;
  let union: ApiClient;
  let reviewer: ApiClient;
  let documentId: string;
  let source: ReturnType<typeof completeDocument>;
  const client = (token?: string) => createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));

  beforeAll(async () => {
    harness = await startHarness();
    host = client(await harness.server.authentication.createAdminToken('export test'));
    source = completeDocument();
    const created = await host.call('documents/create', {
      kind: 'enterprise_agreement',
      title: source.title,
      content: source.blocks,
      variables: source.variables,
    });
    documentId = created.id;
    union = client((await joinAs(harness.server, documentId, 'union', 'Trần Thị Bình')).token);
    reviewer = client((await joinAs(harness.server, documentId, 'reviewer', 'Sở Nội vụ')).token);
  });

  afterAll(() => harness?.dispose());

  it('lets every participant of the document export it, and nobody else', async () => {
    const docx = await union.call('documents/exportDocx', { documentId });
    expect(docx.fileName).toBe(`${source.title}.docx`);
    expect(docx.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Buffer.from(docx.fileBase64, 'base64').length).toBe(docx.bytes);
    const viaReviewer = await reviewer.call('documents/exportDocx', { documentId, languageMode: 'en', annex: true });
    expect(viaReviewer.fileName).toBe(`${source.title} (EN).docx`);

    const other = await host.call('documents/create', { kind: 'labour_regulations', title: 'Nội quy lao động' });
    const stranger = client((await joinAs(harness.server, other.id, 'employer', 'Người khác')).token);
    await expect(stranger.call('documents/exportDocx', { documentId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client().call('documents/exportPdf', { documentId })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(union.call('documents/importPreview', { fileBase64: docx.fileBase64, fileName: 'x.docx' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('previews an import without creating anything, then creates it with documents/create', async () => {
    const exported = await union.call('documents/exportDocx', { documentId });
    const before = await host.call('documents/list', { includeArchived: true });
    const preview = await host.call('documents/importPreview', { fileBase64: exported.fileBase64, fileName: exported.fileName });
    expect(await host.call('documents/list', { includeArchived: true })).toEqual(before);
    expect(preview.report.issues).toEqual([]);
    expect(articleTitles(preview.content)).toEqual(articleTitles(source.blocks));

    // The values of variables are text in the imported body; the parties come back with them.
    const created = await host.call('documents/create', {
      kind: preview.suggestedKind,
      title: preview.suggestedTitle,
      content: preview.content,
      language: preview.language,
      variables: source.variables,
    });
    expect(created.title).toBe(source.title);
    // Exported again, it reads as the original did (the chips are now plain text).
    const again = await host.call('documents/exportDocx', { documentId: created.id });
    const text = (file: { fileBase64: string }) => zipPart(Buffer.from(file.fileBase64, 'base64'), 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(text(again)).toBe(text(exported));
  });

  it('refuses a file that is not a .docx, creating nothing', async () => {
    const before = await host.call('documents/list', { includeArchived: true });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]).toString('base64');
    const refusal = await host.call('documents/importPreview', { fileBase64: ole, fileName: 'secret.docx' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('invalid_input');
    expect((refusal as ApiError).message).toMatch(/password-protected/);
    expect(await host.call('documents/list', { includeArchived: true })).toEqual(before);
  });

  it('accepts an import body above the 1 MiB of other calls, up to the .docx limit', async () => {
    // 3 MiB of bytes that are no ZIP: past the body limit of other calls, refused for what it is.
    const large = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    await expect(host.call('documents/importPreview', { fileBase64: large, fileName: 'big.docx' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/not a \.docx/),
    });
    const tooLarge = Buffer.alloc(maxImportBytes + 1024 * 1024, 7).toString('base64');
    await expect(host.call('documents/importPreview', { fileBase64: tooLarge, fileName: 'huge.docx' })).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('shows the open proposals kept in the document as a redline', async () => {
    const chapter = source.blocks.find((block): block is ChapterElement => block.type === 'chapter') as ChapterElement;
    const target = chapter.children[1] as ArticleElement;
    const proposal: Proposal = {
      id: 'proposal-1',
      clauseId: target.clauseId,
      kind: 'replace',
      side: 'union',
      authorId: 'participant-1',
      authorName: 'Trần Thị Bình',
      rationale: 'Ghi rõ tên các bên.',
      article: {
        ...target,
        children: [
          target.children[0] as ArticleElement['children'][number],
          { type: 'paragraph', children: [{ text: 'Thỏa ước này được ký kết giữa hai bên dưới đây:' }] },
          ...target.children.slice(2),
        ],
      },
      values: {},
      previousValues: {},
      baseText: '',
      status: 'open',
      createdAt: '2027-01-04T08:30:00.000Z',
      answers: null,
      supersededBy: null,
      decidedAt: null,
      decidedById: null,
      decidedByName: null,
      reason: null,
      packageId: null,
    };
    // Written the way the server writes proposals: an update appended to the document's log.
    const { store } = harness.server.context;
    const stored = await store.updates.load(documentId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates([...(stored.checkpoint ? [stored.checkpoint.state] : []), ...stored.tail]));
    const before = Y.encodeStateVector(doc);
    doc.getMap<unknown>(proposalsRootName).set(proposal.id, proposal);
    await store.updates.append(documentId, [{ bytes: Y.encodeStateAsUpdate(doc, before), participantId: null, at: Date.now() }]);

    const clean = zipPart(Buffer.from((await union.call('documents/exportDocx', { documentId })).fileBase64, 'base64'), 'word/document.xml');
    expect(clean).not.toContain('<w:strike/>');
    const file = await union.call('documents/exportDocx', { documentId, redline: true });
    expect(file.fileName).toBe(`${source.title} (đề xuất).docx`);
    const xml = zipPart(Buffer.from(file.fileBase64, 'base64'), 'word/document.xml');
    const changed = (mark: string) =>
      [...xml.matchAll(new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*${mark}(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>([^<]*)</w:t>`, 'g'))]
        .map((match) => match[1])
        .join('|');
    expect(changed('<w:strike/>')).toContain('lao động tập thể');
    expect(changed('<w:u w:val="single" w:color="1F4E9A"/>')).toContain('hai bên dưới đây');
    expect(xml).toContain('Lý do: Ghi rõ tên các bên.');
  });

  it('stops a PDF export when the client closes the request, and prints the next one', async () => {
    // A long agreement, so that printing is still under way when the request is closed.
    const ids = sequentialIds('long');
    const chapters = Array.from({ length: 4 }, () =>
      completeDocument('enterprise_agreement', 'vi', 'x', ids).blocks.filter((block) => block.type === 'chapter'),
    ).flat();
    const long = await host.call('documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước dài', content: chapters, variables: source.variables });
    const token = await harness.server.authentication.createAdminToken('cancel test');
    const controller = new AbortController();
    const request = fetch(`${harness.server.url}/api/documents/exportPdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: long.id }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(request).rejects.toThrow();
    await expect
      .poll(() => harness.logger.lines.some((line) => line.event === 'api.cancelled' && line.fields.method === 'documents/exportPdf'), { timeout: 30_000 })
      .toBe(true);
    expect(harness.logger.lines.filter((line) => line.event === 'api.unexpected_error')).toEqual([]);
    const next = await host.call('documents/exportPdf', { documentId });
    expect(Buffer.from(next.fileBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
