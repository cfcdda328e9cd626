import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgreementModel } from '#shared/export/agreementModel';
import { renderDocx } from '#main/export/docx';
import { completeDocument, librarySources } from './agreementFixture';
import { saveArtifact, zipPart } from './fileTools';

/** The text of each paragraph of a WordprocessingML part, in order. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const body = match[1] ?? match[2] ?? '';
    return { xml: body, text: [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((text) => text[1]).join('') };
  });
}

describe('DOCX export of a complete agreement', () => {
  let bytes: Buffer;
  let documentXml: string;
  let stylesXml: string;
  let texts: { xml: string; text: string }[];

  beforeAll(async () => {
    const model = buildAgreementModel(
      completeDocument(),
      { languageMode: 'vi', proposals: [], annex: true, date: '2027-01-05' },
      librarySources('enterprise_agreement'),
    );
    bytes = await renderDocx(model);
    saveArtifact('agreement.docx', bytes);
    documentXml = zipPart(bytes, 'word/document.xml');
    stylesXml = zipPart(bytes, 'word/styles.xml');
    texts = paragraphs(documentXml);
  });

  it('is A4 portrait with the decree’s margins, page numbers in the top margin and none on page 1', () => {
    const sections = [...documentXml.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((match) => match[1] ?? '');
    // The body, then the annex, paginated on its own.
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(section).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567"/);
      expect(section).toContain('<w:titlePg/>');
      expect(section).toContain('<w:pgNumType w:start="1"/>');
      const headers = Object.fromEntries([...section.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((match) => [match[1], match[2]]));
      expect(Object.keys(headers).sort()).toEqual(['default', 'first']);
    }
    const relationships = zipPart(bytes, 'word/_rels/document.xml.rels');
    const headerFile = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(relationships)?.[1] ?? '';
    const [firstSection] = sections;
    const ids = Object.fromEntries(
      [...(firstSection ?? '').matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((match) => [match[1], match[2]]),
    );
    const numbered = zipPart(bytes, `word/${headerFile(ids.default)}`);
    const first = zipPart(bytes, `word/${headerFile(ids.first)}`);
    expect(numbered).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(numbered).toContain('<w:jc w:val="center"/>');
    expect(numbered).toContain('<w:sz w:val="26"/>');
    expect(first).not.toContain('PAGE');
  });

  it('sets Times New Roman 14 pt, single line spacing and 6 pt after paragraphs', () => {
    expect(stylesXml).toContain('<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>');
    expect(stylesXml).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*<w:sz w:val="28"\/>/);
    expect(stylesXml).toContain('<w:spacing w:after="120" w:line="240" w:lineRule="auto"/>');
  });

  it('draws the header: parties bold, national title bold 12 pt, motto bold 13 pt with a line, place and date in italics', () => {
    const find = (text: string) => texts.find((paragraph) => paragraph.text === text);
    expect(find('CÔNG TY TNHH MAY SÀI GÒN')?.xml).toContain('<w:b/>');
    expect(find('CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÀI GÒN')?.xml).toContain('<w:b/>');
    expect(find('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')?.xml).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="24"\/>/);
    const motto = find('Độc lập - Tự do - Hạnh phúc');
    expect(motto?.xml).toMatch(/<w:sz w:val="26"\/>/);
    expect(motto?.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(find('TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027')?.xml).toContain('<w:i/>');
    const typeName = find('THỎA ƯỚC LAO ĐỘNG TẬP THỂ');
    expect(typeName?.xml).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="28"\/>/);
    expect(typeName?.xml).toContain('<w:jc w:val="center"/>');
  });

  it('lays out grounds in italics, chapters centred in bold, articles bold with a first-line indent, justified clauses', () => {
    const ground = texts.find((paragraph) => paragraph.text.startsWith('Căn cứ Bộ luật Lao động'));
    expect(ground?.xml).toContain('<w:i/>');
    expect(ground?.text.endsWith(';')).toBe(true);
    const chapterIndex = texts.findIndex((paragraph) => paragraph.text === 'Chương I');
    expect(texts[chapterIndex]?.xml).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:b\/>/);
    expect(texts[chapterIndex + 1]?.text).toBe('NHỮNG QUY ĐỊNH CHUNG');
    const article = texts[chapterIndex + 2];
    expect(article?.text).toBe('Điều 1. Các bên ký kết thỏa ước');
    expect(article?.xml).toContain('<w:ind w:firstLine="720"/>');
    expect(article?.xml).toContain('<w:keepNext/>');
    const clause = texts.find((paragraph) => paragraph.text.startsWith('1. Bên người sử dụng lao động'));
    expect(clause?.xml).toContain('<w:jc w:val="both"/>');
    expect(clause?.xml).toContain('<w:ind w:firstLine="720"/>');
    expect(texts.some((paragraph) => /^a\) /.test(paragraph.text))).toBe(true);
    expect(texts.some((paragraph) => /^đ\) /.test(paragraph.text))).toBe(true);
  });

  it('numbers articles continuously and chapters in Roman numerals, in order', () => {
    const articles = texts
      .map((paragraph) => /^Điều (\d+)\./.exec(paragraph.text)?.[1])
      .filter((number) => number !== undefined)
      .map(Number);
    expect(articles.length).toBeGreaterThan(50);
    expect(articles).toEqual(articles.map((_, index) => index + 1));
    const chapters = texts.map((paragraph) => /^Chương ([IVXLC]+)$/.exec(paragraph.text)?.[1]).filter((numeral) => numeral !== undefined);
    expect(chapters.slice(0, 5)).toEqual(['I', 'II', 'III', 'IV', 'V']);
  });

  it('ends with both signature blocks side by side, names in bold, then the annex table with borders', () => {
    const employer = documentXml.indexOf('NGƯỜI SỬ DỤNG LAO ĐỘNG</w:t>');
    const union = documentXml.indexOf('TẬP THỂ NGƯỜI LAO ĐỘNG</w:t>');
    const chair = documentXml.indexOf('CHỦ TỊCH</w:t>');
    const annex = documentXml.indexOf('>Phụ lục</w:t>');
    expect(employer).toBeGreaterThan(0);
    expect(employer).toBeLessThan(union);
    expect(union).toBeLessThan(chair);
    expect(chair).toBeLessThan(annex);
    const signatureTable = documentXml.slice(documentXml.lastIndexOf('<w:tbl>', employer), documentXml.indexOf('</w:tbl>', employer));
    expect(signatureTable).toContain('TỔNG GIÁM ĐỐC');
    expect(signatureTable).toMatch(/<w:b\/>[^]*?Nguyễn Văn An/);
    expect(signatureTable).toMatch(/<w:b\/>[^]*?Trần Thị Bình/);
    expect([...signatureTable.matchAll(/<w:tr>/g)]).toHaveLength(2);
    const annexTable = documentXml.slice(documentXml.indexOf('<w:tbl>', annex));
    expect(annexTable).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(annexTable).toContain('Tên doanh nghiệp');
  });
});
