import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '#shared/api/client';
import { createHttpTransport } from '#shared/api/httpTransport';
import type { ArticleElement, ChapterElement } from '#shared/document/nodes';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { renderHtml } from '#shared/export/html';
import { mapStrings } from '#shared/text/mapStrings';
import { xmlIllegalCharacters } from '#shared/text/safeText';
import { renderDocx } from '#main/export/docx';
import { importDocx } from '#main/import/docxImport';
import { joinAs, startHarness, type Harness } from '../helpers/serverHarness';
import { completeDocument, librarySources, sequentialIds } from './agreementFixture';
import { docxBodyText, pdfText, saveArtifact, zipPart } from './fileTools';
import { writeZip } from './zipFixtures';

// Characters XML 1.0 does not allow (U+0001, U+FFFE, U+FFFF…) in a document's text make a .docx's
// document.xml ill-formed, and Word then refuses the whole file. The API refuses them in what
// people type, but a body written through sync or stored before that rule may hold them: the
// writers leave them out, and the importer does not bring them in.

const dirtyText = 'Người lao động\uFFFE được nghỉ\u0001 phép năm\uFFFF theo quy định.';
const cleanText = 'Người lao động được nghỉ phép năm theo quy định.';
const dirtyTitle = 'Thỏa ước\u0001 lao động tập thể\uFFFE 2027';

/** The problems an XML parser finds in a text (none: well-formed). */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => problems.push(error.message));
  parser.write(xml).close();
  return problems;
}

/** The complete fixture agreement with illegal characters in an article's text, its title and a party's name. */
function dirtyDocument() {
  const source = completeDocument('enterprise_agreement', 'vi', dirtyTitle);
  const chapter = source.blocks.find((block): block is ChapterElement => block.type === 'chapter');
  const article = chapter?.children.find((child): child is ArticleElement => child.type === 'article');
  if (!article) throw new Error('the fixture has no article');
  article.children.push({ type: 'paragraph', children: [{ text: dirtyText }] });
  return { ...source, variables: { ...source.variables, enterprise_name: 'Công ty TNHH\uFFFF May Sài Gòn' } };
}

describe('characters no XML file can hold, in a document exported over HTTP', () => {
  let harness: Harness;
  let union: ApiClient;
  let documentId: string;

  beforeAll(async () => {
    harness = await startHarness();
    const source = dirtyDocument();
    // Straight through the handler, as text that reached the database without the API's schema
    // (through sync, or before the API refused such characters).
    const created = await harness.server.handlers['documents/create'](
      { kind: 'enterprise_agreement', title: source.title, content: [...source.blocks], variables: source.variables, language: 'vi' },
      { kind: 'admin' },
    );
    documentId = created.id;
    const seat = await joinAs(harness.server, documentId, 'union', 'Trần Thị Bình');
    union = createApiClient(createHttpTransport({ baseUrl: harness.server.url, token: seat.token, fetch }));
  });

  afterAll(() => harness?.dispose());

  it('exports a .docx whose every XML part is well-formed, with the text around them kept', async () => {
    const file = await union.call('documents/exportDocx', { documentId, annex: true });
    const bytes = Buffer.from(file.fileBase64, 'base64');
    saveArtifact('illegal-characters.docx', bytes);
    for (const part of ['word/document.xml', 'docProps/core.xml']) {
      expect({ part, problems: xmlProblems(zipPart(bytes, part)) }).toEqual({ part, problems: [] });
    }
    const text = docxBodyText(bytes);
    expect(text).toContain(cleanText);
    expect(text).toContain('Công ty TNHH May Sài Gòn');
    expect(zipPart(bytes, 'docProps/core.xml')).toContain('Thỏa ước lao động tập thể 2027');
  });

  it('prints the same text to PDF', async () => {
    const file = await union.call('documents/exportPdf', { documentId });
    const path = saveArtifact('illegal-characters.pdf', Buffer.from(file.fileBase64, 'base64'));
    const text = (await pdfText(path)).replace(/\s+/g, ' ');
    expect(text).toContain(cleanText);
  }, 120_000);
});

describe('the writers on their own', () => {
  const source = dirtyDocument();
  const model = buildAgreementModel(source, { languageMode: 'vi', proposals: [], annex: true }, librarySources('enterprise_agreement'));

  it('the Word writer leaves out what XML cannot hold, whatever text of the model holds it', async () => {
    const bytes = await renderDocx(model);
    expect(xmlProblems(zipPart(bytes, 'word/document.xml'))).toEqual([]);
    expect(xmlProblems(zipPart(bytes, 'docProps/core.xml'))).toEqual([]);
    expect(docxBodyText(bytes)).toContain(cleanText);
  });

  it('the HTML printed to PDF leaves them out too', () => {
    const html = renderHtml(model);
    expect(xmlIllegalCharacters(html)).toEqual([]);
    expect(html).toContain(cleanText);
  });
});

describe('importing a .docx that holds them', () => {
  it('leaves them out of the text, written as characters or as character references', async () => {
    const run = (text: string, bold = false) => `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${run('Điều 1. Phạm vi&#xFFFE; áp dụng', true)}${run('Thỏa ước áp dụng&#1; trong toàn\u0001 Công ty&#65535;.')}</w:body></w:document>`;
    const file = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from(documentXml) },
    ]);
    const preview = await importDocx(file.toString('base64'), 'thoa-uoc.docx', sequentialIds());
    const texts: string[] = [];
    mapStrings(preview.content, (text) => {
      texts.push(text);
      return text;
    });
    expect(texts.flatMap(xmlIllegalCharacters)).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining(['Phạm vi áp dụng', 'Thỏa ước áp dụng trong toàn Công ty.']));
  });
});
