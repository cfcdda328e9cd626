import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '#shared/api/errors';
import type { ImportPreview } from '#shared/api/export';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { renderDocx } from '#main/export/docx';
import { importDocx } from '#main/import/docxImport';
import { completeDocument, librarySources, sequentialIds } from './agreementFixture';
import { writeZip, zerosBomb, type ZipFixtureEntry } from './zipFixtures';

// The .docx reader takes files from anybody: damaged, hand-made or hostile archives and XML get a
// clear refusal (the preview creates nothing), and a valid ZIP64 archive is read like any other.

const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const relationships =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const article =
  '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Điều 1. Phạm vi áp dụng</w:t></w:r></w:p><w:p><w:r><w:t>Thỏa ước áp dụng trong toàn Công ty.</w:t></w:r></w:p>';
const documentXml = (body: string, prologue = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prologue}<w:document xmlns:w="${wordNamespace}"><w:body>${body}</w:body></w:document>`;

/** A minimal Word package; `document` replaces word/document.xml's entry. */
function wordEntries(document: Partial<ZipFixtureEntry> = {}): ZipFixtureEntry[] {
  return [
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(relationships) },
    { name: 'word/document.xml', data: Buffer.from(documentXml(article)), ...document },
  ];
}

const preview = (bytes: Buffer): Promise<ImportPreview> => importDocx(bytes.toString('base64'), 'file.docx', sequentialIds());

async function expectRefused(bytes: Buffer, message: RegExp): Promise<void> {
  const attempt = preview(bytes);
  await expect(attempt).rejects.toBeInstanceOf(ApiError);
  await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
}

describe('reading a damaged or hostile .docx', () => {
  let exported: Buffer;

  beforeAll(async () => {
    exported = await renderDocx(
      buildAgreementModel(completeDocument(), { languageMode: 'vi', proposals: [], annex: false }, librarySources('enterprise_agreement')),
    );
  });

  it('reads a ZIP64 archive like the same package in plain ZIP', async () => {
    // The exported agreement's own parts, written again with ZIP64 headers and end records.
    const entries = Object.entries(unzipSync(exported)).map(([name, data]) => ({ name, data: Buffer.from(data) }));
    const zip64 = writeZip(entries, { zip64: true });
    expect(zip64.readUInt32LE(zip64.length - 22 - 20)).toBe(0x07064b50);
    const original = await preview(exported);
    expect(original.report.articles).toBeGreaterThan(10);
    expect(await preview(zip64)).toEqual(original);
    const small = await preview(writeZip(wordEntries(), { zip64: true }));
    expect(small.report).toMatchObject({ articles: 1, issues: [] });
  });

  it('refuses a file whose text no longer matches its checksum (CRC-32)', async () => {
    // Written by fflate with the text stored as is; then one letter changes, as in a damaged copy.
    const archive = Buffer.from(
      zipSync({
        '[Content_Types].xml': strToU8(contentTypes),
        '_rels/.rels': strToU8(relationships),
        'word/document.xml': [strToU8(documentXml(article)), { level: 0 }],
      }),
    );
    expect((await preview(archive)).report.articles).toBe(1);
    const at = archive.indexOf('toàn Công ty');
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(archive);
    damaged[at] = 'T'.charCodeAt(0);
    await expectRefused(damaged, /^this \.docx file is damaged: word\/document\.xml does not match its checksum \(CRC-32\)$/);
    // A deflated part whose recorded checksum is wrong.
    const truth = writeZip(wordEntries());
    expect((await preview(truth)).report.articles).toBe(1);
    await expectRefused(writeZip(wordEntries({ crc: 0x12345678 })), /damaged: word\/document\.xml does not match its checksum/);
  });

  it('refuses a file cut short, wherever it is cut', async () => {
    for (const length of [exported.length - 1, exported.length - 22, Math.floor(exported.length / 2), 200]) {
      await expectRefused(exported.subarray(0, length), /^this \.docx file is damaged: /);
    }
    // A piece missing from the middle: the directory is whole but points at the wrong places.
    const holed = Buffer.concat([exported.subarray(0, 2000), exported.subarray(3000)]);
    await expectRefused(holed, /^this \.docx file is damaged: /);
  });

  it('stops inflating a ZIP bomb at the cap, whatever sizes its headers declare', async () => {
    const refusal = /^this \.docx file is too large to import: its text inflates to more than 67,108,864 bytes/;
    // Honest headers: 80 MiB declared.
    await expectRefused(writeZip(wordEntries({ data: Buffer.alloc(80 * 1024 * 1024), compressed: zerosBomb(80) })), refusal);
    // Lying headers: 2 KB declared, 2 GiB inside. A reader that inflated the whole stream into the
    // declared size (fflate's unzipSync) would spend about 15 s here before finding out; this one
    // stops once 64 MiB have come out.
    const huge = zerosBomb(2048);
    expect(huge.length).toBeLessThan(4 * 1024 * 1024);
    await expectRefused(writeZip(wordEntries({ data: Buffer.alloc(2048), compressed: huge })), refusal);
  });

  it('refuses an archive with more files than a Word document has, and one that claims billions', async () => {
    const pictures = Array.from({ length: 10_000 }, (_, index) => ({ name: `word/media/image${index}.png`, data: Buffer.alloc(0), method: 0 }));
    await expectRefused(writeZip([...wordEntries(), ...pictures]), /^this \.docx file is too large to import: it holds 10,003 files, more than the 10,000/);
    await expectRefused(writeZip(wordEntries(), { zip64: true, declaredCount: 2 ** 32 }), /too large to import: it holds 4,294,967,296 files/);
  });

  it('refuses XML that is not well-formed, saying which part and where', async () => {
    const cases: [string, RegExp][] = [
      [documentXml('<w:p><w:r><w:t>Điều 1</w:t></w:p>'), /word\/document\.xml is not well-formed XML \(1:\d+: unexpected close tag/],
      [documentXml('<w:p><w:r><w:t>Điều&nbsp;1</w:t></w:r></w:p>'), /word\/document\.xml is not well-formed XML \(.*undefined entity/],
      [documentXml('<w:p><x:r/></w:p>'), /word\/document\.xml is not well-formed XML \(.*unbound namespace prefix/],
      [documentXml(article).replace('</w:document>', ''), /word\/document\.xml is not well-formed XML/],
    ];
    for (const [xml, message] of cases) await expectRefused(writeZip(wordEntries({ data: Buffer.from(xml) })), message);
    const latin1 = Buffer.from(documentXml('<w:p><w:r><w:t>Điều 1. Phạm vi</w:t></w:r></w:p>'), 'latin1');
    await expectRefused(writeZip(wordEntries({ data: latin1 })), /^this \.docx file is damaged: word\/document\.xml is not UTF-8 text$/);
  });

  it('refuses a DTD, so that no entity is ever declared or expanded', async () => {
    // "Billion laughs": ten entities each ten times the one before.
    const entities = Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');
    const doctype = `<!DOCTYPE w:document [<!ENTITY lol0 "lol">${entities}]>`;
    await expectRefused(
      writeZip(wordEntries({ data: Buffer.from(documentXml('<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>', doctype)) })),
      /^this \.docx file is damaged: word\/document\.xml declares a DTD/,
    );
    // Every part is read under the same rule: here the package's relationships.
    const entries = wordEntries();
    entries[1] = {
      name: '_rels/.rels',
      data: Buffer.from(relationships.replace('<Relationships', '<!DOCTYPE Relationships SYSTEM "file:///etc/passwd"><Relationships')),
    };
    await expectRefused(writeZip(entries), /^this \.docx file is damaged: _rels\/\.rels declares a DTD/);
  });

  it('refuses a part compressed with a method Word does not use', async () => {
    await expectRefused(
      writeZip(wordEntries({ method: 12, compressed: Buffer.from('BZh9') })),
      /^this \.docx file is damaged: word\/document\.xml is compressed with method 12/,
    );
  });
});
