import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { TopLevelBlock } from '#shared/document/nodes';
import { plainText } from '#shared/document/nodes';
import { suggestionRecords, suggestionsInBody } from '#shared/negotiation/suggestions';
import { importDocx } from '#main/import/docxImport';
import { expectApiError } from '../helpers/apiTransports';
import { sequentialIds } from '../export/agreementFixture';
import { zipPart } from '../export/fileTools';
import { writeZip } from '../export/zipFixtures';
import { clauseIds, docMatches, lastParagraphOf, negotiationSnapshot, openNegotiation, serverPerTest } from './negotiationFixture';

// Decision 0030: pending suggestions leave as Word tracked changes (w:ins, w:del) and a party's
// tracked changes come back as the importer's suggestions, each paragraph whole or reported.

const wageText = 'Mức lương thấp nhất bằng mức lương tối thiểu vùng.';
const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx made by hand from WordprocessingML paragraphs, as Word writes them, with a page header if given. */
function handMadeDocx(body: string, header?: string): Buffer {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const relationships =
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${w}"><w:body>${body}</w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(relationships) },
    { name: 'word/document.xml', data: Buffer.from(document) },
    ...(header === undefined
      ? []
      : [{ name: 'word/header1.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="${w}">${header}</w:hdr>`) }]),
  ]);
}

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const inserted = (text: string, id: number, author = 'Trần Thị Bình'): string =>
  `<w:ins w:id="${id}" w:author="${author}" w:date="2027-02-01T08:00:00Z">${run(text)}</w:ins>`;
const deleted = (text: string, id: number, author = 'Trần Thị Bình'): string =>
  `<w:del w:id="${id}" w:author="${author}" w:date="2027-02-01T08:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const p = (...content: string[]): string => `<w:p>${content.join('')}</w:p>`;

/**
 * Where a well-formed part (saxes refuses any other) has its revisions: the parent of each w:ins
 * and w:del, the parent and grandparent of each w:delText, and how many w:t lie inside a w:del.
 */
function revisionPlaces(xml: string) {
  const places = { ins: [] as string[], del: [] as string[], delText: [] as string[], textInDeletion: 0 };
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1) ?? '';
    if (tag.uri === w && (tag.local === 'ins' || tag.local === 'del') && !stack.includes('rPr')) places[tag.local].push(parent);
    if (tag.uri === w && tag.local === 'delText') places.delText.push(`${parent}<${stack.at(-2) ?? ''}`);
    if (tag.uri === w && tag.local === 't' && stack.includes('del')) places.textInDeletion += 1;
    stack.push(tag.local);
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return places;
}

/**
 * A party's file over the negotiation fixture (Điều 1 scope … Điều 4 bonus): one replacement in the
 * wage article that maps, and paragraphs that cannot be mapped, each for its own reason.
 */
const partyFile = handMadeDocx(
  [
    p(run('Căn cứ Bộ luật Lao động năm 2019, hai bên thỏa thuận như sau.')),
    p(run('Điều 1. Phạm vi áp dụng')),
    // A change before the block's text, in the same paragraph as one that alone would map: neither is made.
    p(deleted('Nội dung: ', 1), run('Thỏa ước áp dụng cho toàn bộ người lao động'), inserted(' chính thức', 2), run(' của Công ty.')),
    p(run('Điều 3. Tiền lương')),
    p(run('Mức lương thấp nhất bằng '), deleted('mức lương tối thiểu vùng', 3), inserted('120% mức lương tối thiểu vùng', 4), run('.')),
    p(run('Một đoạn không có trong văn bản'), inserted(' và thêm', 5)),
    p(run('Điều 4. Thưởng Tết')),
    `<w:tbl><w:tr><w:tc>${p(run('Thưởng Tết bằng một tháng lương'), inserted(' rưỡi', 6))}</w:tc></w:tr></w:tbl>`,
    p(
      `<w:r><w:rPr><w:b/><w:rPrChange w:id="7" w:author="Trần Thị Bình" w:date="2027-02-01T08:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>Thưởng Tết bằng một tháng lương.</w:t></w:r>`,
    ),
    p(`<w:moveFrom w:id="8" w:author="Trần Thị Bình" w:date="2027-02-01T08:00:00Z">${run('Thưởng Tết bằng một tháng lương.')}</w:moveFrom>`),
  ].join(''),
  // A change in the page header, which is not the text: reported, never mapped.
  p(run('Công ty TNHH May Sông Hồng'), inserted(' – bản góp ý', 9)),
);

describe('Word tracked changes (decision 0030)', () => {
  const server = serverPerTest();

  /** The union suggests " cộng 10%" at the end of the wage clause and deleting "thấp nhất ". */
  async function unionSuggests() {
    const seats = await openNegotiation(server.api, server.admin);
    const documentId = seats.document.id;
    const suggester = await server.connect(documentId, seats.union.token);
    const paragraph = lastParagraphOf(suggester.doc, clauseIds.wage);
    suggester.doc.transact(() => {
      paragraph.insert(wageText.length - 1, ' cộng 10%', { suggestInsert: 'them-10' });
      paragraph.format('Mức lương '.length, 'thấp nhất '.length, { suggestDelete: 'bo-thap-nhat' });
    });
    const recorded = (doc: Y.Doc) => docMatches(doc, () => suggestionRecords(doc).size === 2, 'both records');
    await recorded(suggester.doc);
    return { ...seats, documentId, suggester };
  }

  const documentXml = (fileBase64: string): string => zipPart(Buffer.from(fileBase64, 'base64'), 'word/document.xml');

  it('exports the pending suggestions as w:ins and w:del with the author’s name and side and the time as Word writes it, in well-formed OOXML; only when asked', async () => {
    const { documentId, union } = await unionSuggests();
    const file = await union.client.call('documents/exportDocx', { documentId, trackedChanges: true });
    const xml = documentXml(file.fileBase64);
    const author = 'Anh Minh (Công đoàn cơ sở) (Tổ chức đại diện người lao động)';
    const insertions = [...xml.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:ins>/g)];
    const deletions = [...xml.matchAll(/<w:del w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:del>/g)];
    expect(insertions.map((match) => [match[2], match[4]?.replace(/<[^>]+>/g, '')])).toEqual([[author, ' cộng 10%']]);
    expect(deletions.map((match) => [match[2], match[4]?.replace(/<[^>]+>/g, '')])).toEqual([[author, 'thấp nhất ']]);
    // Word's dates: ISO 8601 in UTC with a Z, whole seconds.
    for (const match of [...insertions, ...deletions]) expect(match[3]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // OOXML's rules: deleted text in w:delText inside w:del's runs (never w:t), revisions inside a paragraph, unique ids.
    expect(deletions[0]?.[4]).toMatch(/^<w:r>(<w:rPr>.*<\/w:rPr>)?<w:delText xml:space="preserve">thấp nhất <\/w:delText><\/w:r>$/);
    expect(xml.match(/<w:delText/g)?.length).toBe(1);
    const ids = [...insertions, ...deletions].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(revisionPlaces(xml)).toEqual({ ins: ['p'], del: ['p'], delText: ['r<del'], textInDeletion: 0 });
    // Without the option (and in the reviewer's export) the file is the accepted text, with no revision.
    const clean = documentXml((await union.client.call('documents/exportDocx', { documentId })).fileBase64);
    expect(clean).not.toMatch(/<w:(ins|del) /);
    expect(clean.replace(/<[^>]+>/g, '')).toContain(wageText);
  });

  it('refuses tracked changes to a reviewer and on a frozen text', async () => {
    const { documentId, reviewer, union, document } = await unionSuggests();
    await expectApiError(reviewer.client.call('documents/exportDocx', { documentId, trackedChanges: true }), 'forbidden', /accepted text/);
    await server.api.store.documents.setLifecycleState(document.id, 'signed', Date.now());
    await expectApiError(union.client.call('documents/exportDocx', { documentId, trackedChanges: true }), 'conflict', /frozen/);
  });

  it('round trip: the file exported with tracked changes, imported into the document once they are withdrawn, makes the same suggestions, the importer’s', async () => {
    const { documentId, union, suggester } = await unionSuggests();
    const before = suggestionsInBody(suggester.doc).map(({ inserted, deleted, clauseId }) => ({ inserted, deleted, clauseId }));
    const file = await union.client.call('documents/exportDocx', { documentId, trackedChanges: true });
    await union.client.call('suggestions/decide', {
      documentId,
      decision: 'withdraw',
      suggestions: suggestionsInBody(suggester.doc).map(({ id, inserted, deleted }) => ({ id, inserted, deleted })),
    });
    await docMatches(suggester.doc, () => suggestionsInBody(suggester.doc).length === 0, 'the withdrawal');
    const report = await union.client.call('suggestions/importWord', { documentId, fileBase64: file.fileBase64, fileName: file.fileName });
    expect(report).toMatchObject({ made: 2, paragraphs: 1, skipped: [] });
    const after = await server.api.withDocument(documentId, (doc) => ({
      body: suggestionsInBody(doc),
      records: suggestionRecords(doc),
    }));
    expect(after.body.map(({ inserted, deleted, clauseId }) => ({ inserted, deleted, clauseId }))).toEqual(before);
    for (const { id } of after.body) expect(after.records.get(id)).toMatchObject({ authorId: union.participant.id, side: 'union', status: 'pending' });
  });

  it('imports a party’s tracked changes as the caller’s suggestions, each paragraph whole or reported with why; the file’s author is only shown', async () => {
    const { document, employer } = await openNegotiation(server.api, server.admin);
    const documentId = document.id;
    const report = await employer.client.call('suggestions/importWord', { documentId, fileBase64: partyFile.toString('base64'), fileName: 'gop-y.docx' });
    expect(report.made).toBe(1);
    expect(report.paragraphs).toBe(1);
    expect(report.skipped.map(({ paragraph, reason, authors }) => ({ paragraph, reason, authors }))).toEqual([
      { paragraph: 3, reason: 'outside_text', authors: ['Trần Thị Bình'] },
      { paragraph: 6, reason: 'no_match', authors: ['Trần Thị Bình'] },
      { paragraph: 8, reason: 'in_table', authors: ['Trần Thị Bình'] },
      { paragraph: 9, reason: 'formatting', authors: ['Trần Thị Bình'] },
      { paragraph: 10, reason: 'moved', authors: ['Trần Thị Bình'] },
      { paragraph: 0, reason: 'in_header', authors: ['Trần Thị Bình'] },
    ]);
    const { body, records } = await server.api.withDocument(documentId, (doc) => ({ body: suggestionsInBody(doc), records: suggestionRecords(doc) }));
    // One suggestion, a replacement under one id, in the wage article only: the scope article was not half-changed.
    expect(body.map(({ inserted, deleted, clauseId }) => ({ inserted, deleted, clauseId }))).toEqual([
      { inserted: '120% mức lương tối thiểu vùng', deleted: 'mức lương tối thiểu vùng', clauseId: clauseIds.wage },
    ]);
    expect(records.get(body[0]?.id ?? '')).toMatchObject({
      authorId: employer.participant.id,
      authorName: 'Chị Lan (Phòng Nhân sự)',
      side: 'employer',
      status: 'pending',
    });
    const audit = await server.api.store.audit.listByDocument(documentId);
    expect(audit.find((entry) => entry.action === 'suggestion.imported_from_word')).toMatchObject({ actor: `participant:${employer.participant.id}` });
  });

  it('refuses the host, a reviewer, a frozen text, a damaged file and another document, changing nothing', async () => {
    const { document, employer, reviewer } = await openNegotiation(server.api, server.admin);
    const other = await openNegotiation(server.api, server.admin, 'Thỏa ước khác');
    const documentId = document.id;
    const input = { documentId, fileBase64: partyFile.toString('base64'), fileName: 'gop-y.docx' };
    const before = await negotiationSnapshot(server.api, server.admin, documentId);
    await expectApiError(server.admin.call('suggestions/importWord', input), 'forbidden', /participants/);
    await expectApiError(reviewer.client.call('suggestions/importWord', input), 'forbidden', /reviewer/);
    await expectApiError(other.union.client.call('suggestions/importWord', input), 'forbidden');
    const damaged = partyFile.subarray(0, partyFile.length - 30);
    await expectApiError(employer.client.call('suggestions/importWord', { ...input, fileBase64: damaged.toString('base64') }), 'invalid_input', /damaged/);
    await expectApiError(
      employer.client.call('suggestions/importWord', { ...input, fileBase64: Buffer.from('not a docx').toString('base64') }),
      'invalid_input',
      /not a \.docx/,
    );
    expect(await negotiationSnapshot(server.api, server.admin, documentId)).toEqual(before);
    await server.api.store.documents.setLifecycleState(documentId, 'signed', Date.now());
    await expectApiError(employer.client.call('suggestions/importWord', input), 'conflict', /frozen/);
    expect(await server.api.withDocument(documentId, (doc) => suggestionsInBody(doc))).toEqual([]);
  });
});

describe('a new document from a .docx with tracked changes', () => {
  it('takes the text as it was before the changes and reports how many were not applied', async () => {
    const preview = await importDocx(partyFile.toString('base64'), 'gop-y.docx', sequentialIds());
    const text = (blocks: readonly TopLevelBlock[]): string => blocks.map((block) => plainText(block)).join('\n');
    const body = text(preview.content as TopLevelBlock[]);
    expect(body).toContain(wageText);
    expect(body).toContain('Nội dung: Thỏa ước áp dụng cho toàn bộ người lao động của Công ty.');
    expect(body).not.toContain('120%');
    expect(body).not.toContain('chính thức');
    expect(preview.report.issues).toContainEqual({ code: 'tracked_changes_not_applied', paragraph: 0, excerpt: '', found: '8' });
  });
});
