import { AlignmentType, Document, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A hand-made agreement with the irregularities people's files have. */
export async function irregularDocx(): Promise<Buffer> {
  const bold = (text: string, options: { center?: boolean } = {}) =>
    new Paragraph({ alignment: options.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: true })] });
  const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const cell = (text: string, isBold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isBold })] })] });
  const file = new Document({
    numbering: { config: [{ reference: 'auto', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          bold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { center: true }),
          bold('Độc lập - Tự do - Hạnh phúc', { center: true }),
          bold('THỎA ƯỚC LAO ĐỘNG TẬP THỂ', { center: true }),
          bold('Công ty Cổ phần Dệt Nam Định', { center: true }),
          new Paragraph({ children: [new TextRun({ text: 'Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;', italics: true })] }),
          bold('Chương 1', { center: true }),
          bold('QUY ĐỊNH CHUNG', { center: true }),
          plain('Chương này quy định những vấn đề chung của Thỏa ước.'),
          bold('Điều 1. Phạm vi áp dụng'),
          plain('1. Thỏa ước áp dụng trong toàn Công ty.'),
          plain('a) Tại trụ sở chính;'),
          plain('b) Tại các chi nhánh.'),
          plain('- Kể cả người lao động thử việc.'),
          bold('Điều 3. Đối tượng áp dụng'),
          plain('Người sử dụng lao động và người lao động.'),
          bold('Điều 3. Điều khoản trùng số'),
          plain('Nội dung của điều trùng số.'),
          bold('MỤC 2. NHỮNG ĐIỀU KHÁC', { center: true }),
          bold('Điều 4 Tiền lương'),
          new Table({
            rows: [new TableRow({ children: [cell('Bậc', true), cell('Mức lương', true)] }), new TableRow({ children: [cell('1'), cell('5.310.000 đồng')] })],
          }),
          new Paragraph({ numbering: { reference: 'auto', level: 0 }, children: [new TextRun('Tiền lương được trả bằng chuyển khoản.')] }),
          new Paragraph({ numbering: { reference: 'auto', level: 0 }, children: [new TextRun('Tiền lương được trả vào ngày 05 hằng tháng.')] }),
          new Paragraph({ children: [new TextRun('Chương III. ĐIỀU KHOẢN THI HÀNH')] }),
          bold('Điều 5. Điều trống'),
          bold('Điều 6. Hiệu lực'),
          new Paragraph({
            children: [
              new TextRun('Thỏa ước có hiệu lực kể từ ngày ký.'),
              new ImageRun({ type: 'png', data: tinyPng, transformation: { width: 10, height: 10 } }),
            ],
          }),
          bold('ĐẠI DIỆN NGƯỜI SỬ DỤNG LAO ĐỘNG', { center: true }),
          bold('Nguyễn Văn A', { center: true }),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
