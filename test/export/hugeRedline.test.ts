import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import { plainText, type ArticleElement } from '#shared/document/nodes';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { labels } from '#shared/export/officialFrame';
import type { ContentBlock, RenderBlock } from '#shared/export/renderModel';
import { replacementProposal } from '../../bench/lib/hostileDiffs';
import { chapter } from '../editor/builders';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { librarySources } from './agreementFixture';
import { docxBodyText, zipPart } from './fileTools';

// A redline of a proposal too large to compare word by word (hardening issue, item 2): the plain
// Myers diff took seconds and gigabytes on it. Now it is compared sentence by sentence, and the
// exported file says so under the article.

const hostile = replacementProposal();
const paragraphOf = (article: ArticleElement): string => plainText(article.children[1] as ArticleElement['children'][number]);
const firstSentence = (text: string): string => text.slice(0, text.indexOf('.') + 1);

describe('the redline of a 6,000-word replacement', () => {
  let harness: Harness;
  let host: ApiClient;
  const client = (token?: string) => createApiClient(createHttpTransport({ baseUrl: harness.server.url, token, fetch }));

  beforeAll(async () => {
    harness = await startHarness();
    host = client(await harness.server.authentication.createAdminToken('huge redline test'));
  });

  afterAll(() => harness?.dispose());

  it('exports as .docx (for a reviewer too), compared sentence by sentence with a note saying so', async () => {
    const document = await host.call('documents/create', {
      kind: 'enterprise_agreement',
      title: 'Thỏa ước có đề xuất rất dài',
      content: [chapter('chuong-1', 'TIỀN LƯƠNG', hostile.current)],
      variables: {},
    });
    const union = client((await joinAs(harness.server, document.id, 'union', 'Trần Thị Bình')).token);
    const reviewer = client((await joinAs(harness.server, document.id, 'reviewer', 'Sở Nội vụ')).token);
    await union.call('proposals/create', {
      documentId: document.id,
      clauseId: hostile.current.clauseId,
      kind: 'replace',
      rationale: 'Viết lại toàn bộ điều này.',
      article: hostile.proposed,
    });

    const file = Buffer.from((await reviewer.call('documents/exportDocx', { documentId: document.id, redline: true })).fileBase64, 'base64');
    const text = docxBodyText(file);
    expect(text).toContain(labels.comparedBySentence.vi);
    expect(text).not.toContain(labels.comparedByParagraph.vi);
    const xml = zipPart(file, 'word/document.xml');
    const changed = (mark: string) =>
      [...xml.matchAll(new RegExp(`<w:r><w:rPr>(?:(?!</w:rPr>).)*${mark}(?:(?!</w:rPr>).)*</w:rPr><w:t[^>]*>([^<]*)</w:t>`, 'g'))]
        .map((match) => match[1])
        .join('');
    expect(changed('<w:strike/>')).toContain(firstSentence(paragraphOf(hostile.current)));
    expect(changed('<w:u w:val="single" w:color="1F4E9A"/>')).toContain(firstSentence(paragraphOf(hostile.proposed)));
    // The clean text has neither the redline nor the note.
    expect(docxBodyText(Buffer.from((await reviewer.call('documents/exportDocx', { documentId: document.id })).fileBase64, 'base64'))).not.toContain(
      labels.comparedBySentence.vi,
    );
  });

  it('an article whose thousands of paragraphs are all replaced is shown wholly struck through and replaced, said so', () => {
    const paragraphs = (prefix: string) =>
      Array.from({ length: 3_000 }, (_, index) => ({ type: 'paragraph' as const, children: [{ text: `${prefix} ${index}.` }] }));
    const current: ArticleElement = {
      type: 'article',
      clauseId: 'dieu-dai',
      children: [{ type: 'article-title', children: [{ text: 'Phụ lục' }] }, ...paragraphs('Dòng cũ')],
    };
    const proposed: ArticleElement = { ...current, children: [current.children[0] as ArticleElement['children'][number], ...paragraphs('Dòng mới')] };
    const model = buildAgreementModel(
      { kind: 'enterprise_agreement', title: 'Thỏa ước', language: 'vi', blocks: [chapter('chuong-1', 'CHUNG', current)], variables: {} },
      { languageMode: 'vi', annex: false, proposals: [{ clauseId: 'dieu-dai', kind: 'replace', article: proposed }] },
      librarySources('enterprise_agreement'),
    );
    const paragraphsOf = model.blocks.filter((block) => block.type === 'paragraph');
    const texts = (change: 'deleted' | 'inserted') =>
      paragraphsOf.filter((block) => block.runs.every((run) => run.change === change)).map((block) => block.runs.map((run) => run.text).join(''));
    expect(texts('deleted')).toEqual(paragraphs('Dòng cũ').map((paragraph) => paragraph.children[0]?.text));
    expect(texts('inserted')).toEqual(paragraphs('Dòng mới').map((paragraph) => paragraph.children[0]?.text));
    expect(paragraphsOf.map((block) => block.runs.map((run) => run.text).join(''))).toContain(labels.comparedAsWhole.vi);
  });

  it('in an English document the note is in English, and the redline rebuilds both texts', () => {
    const model = buildAgreementModel(
      {
        kind: 'enterprise_agreement',
        title: 'Collective labour agreement',
        language: 'en',
        blocks: [chapter('chapter-1', 'WAGES', hostile.current)],
        variables: {},
      },
      {
        languageMode: 'en',
        annex: false,
        proposals: [{ clauseId: hostile.current.clauseId, kind: 'replace', article: hostile.proposed, side: 'union', rationale: 'Rewritten.' }],
      },
      librarySources('enterprise_agreement'),
    );
    const contentBlocks = (blocks: readonly RenderBlock[]): ContentBlock[] =>
      blocks.flatMap((block) => (block.type === 'parallel' ? block.columns.flatMap((column) => column.blocks) : [block]));
    const paragraphs = contentBlocks(model.blocks).filter((block) => block.type === 'paragraph');
    expect(paragraphs.map((block) => block.runs.map((run) => run.text).join(''))).toContain(labels.comparedBySentence.en);
    const redline = paragraphs.find((block) => block.role === 'body')?.runs ?? [];
    expect(
      redline
        .filter((run) => run.change !== 'inserted')
        .map((run) => run.text)
        .join(''),
    ).toBe(paragraphOf(hostile.current));
    expect(
      redline
        .filter((run) => run.change !== 'deleted')
        .map((run) => run.text)
        .join(''),
    ).toBe(paragraphOf(hostile.proposed));
  });
});
