/**
 * The salary scale as an annex of the agreement (decision 0005's layout; decision 0021): one table
 * per scale — grade (with its code), step, monthly wage, allowances, headcount — amounts written
 * in the document language's digit grouping (5.310.000 in Vietnamese), in đồng a month as the
 * heading says. Nothing but what the parties wrote and the law's words: no internal identifier.
 */
import { formatNumber, type Language } from '#shared/format/locale';
import type { SalaryScale } from '#shared/salaryScale/model';
import type { Bilingual } from '#shared/templates/schema';
import { annexReference } from '#shared/export/annex';
import { frameText, labels, type FrameLanguages } from '#shared/export/officialFrame';
import type { DocumentKind } from '#shared/documents/kinds';
import type { Annex, RenderBlock, Run, TableCell } from '#shared/export/renderModel';

const words = {
  title: { vi: 'THANG LƯƠNG, BẢNG LƯƠNG', en: 'SALARY SCALE' },
  number: { vi: 'STT', en: 'No.' },
  grade: { vi: 'Ngạch, chức danh', en: 'Grade, job title' },
  step: { vi: 'Bậc', en: 'Step' },
  wage: { vi: 'Mức lương (đồng/tháng)', en: 'Monthly wage (VND)' },
  allowances: { vi: 'Phụ cấp (đồng/tháng)', en: 'Allowances (VND a month)' },
  headcount: { vi: 'Số người', en: 'Headcount' },
  irregular: { vi: 'không thường xuyên', en: 'not regular' },
  basis: {
    vi: 'Phụ cấp thường xuyên tính vào tiền lương đóng bảo hiểm xã hội; phụ cấp không thường xuyên không tính vào.',
    en: 'Regular allowances count towards the social-insurance basis; allowances that are not regular do not.',
  },
} satisfies Record<string, Bilingual>;

/** One table of a scale: a row per step, the grade named on its first step. */
function scaleTable(scale: SalaryScale, languages: FrameLanguages): RenderBlock[] {
  const language: Language = languages.primary;
  const both = (text: Bilingual): Run[] =>
    languages.secondary
      ? [
          { text: text[languages.primary], bold: true },
          { text: `\n${text[languages.secondary]}`, italic: true },
        ]
      : [{ text: text[language], bold: true }];
  const header: TableCell[] = [words.number, words.grade, words.step, words.wage, words.allowances, words.headcount].map((text) => ({
    runs: both(text),
    header: true,
    align: 'center',
  }));
  let number = 0;
  const rows = scale.grades.flatMap((grade) =>
    grade.steps.map((step, index) => {
      number += 1;
      const allowances = step.allowances.map(
        (allowance) => `${allowance.name}: ${formatNumber(allowance.amount, language)}${allowance.regular ? '' : ` (${words.irregular[language]})`}`,
      );
      return {
        cells: [
          { runs: [{ text: String(number) }], align: 'center' as const },
          { runs: index === 0 ? [{ text: grade.code ? `${grade.title} (${grade.code})` : grade.title }] : [] },
          { runs: [{ text: String(step.step) }], align: 'center' as const },
          { runs: [{ text: formatNumber(step.monthlyWage, language) }], align: 'right' as const },
          { runs: [{ text: allowances.join('\n') }] },
          { runs: [{ text: formatNumber(step.headcount, language) }], align: 'right' as const },
        ],
      };
    }),
  );
  return [
    { type: 'heading', label: null, title: [{ text: scale.title, bold: true }], labelOnOwnLine: false },
    { type: 'table', rows: [{ cells: header }, ...rows], widths: [7, 31, 8, 18, 24, 12] },
  ];
}

/** The annex of the document's salary scales, or null when it holds none with a step. */
export function salaryScaleAnnex(scales: readonly SalaryScale[], kind: DocumentKind, languages: FrameLanguages): Annex | null {
  const shown = scales.filter((scale) => scale.grades.some((grade) => grade.steps.length > 0));
  if (shown.length === 0) return null;
  const note = frameText(words.basis, languages);
  return {
    heading: frameText(labels.annex, languages),
    title: frameText(words.title, languages),
    reference: annexReference(kind, languages),
    blocks: [
      ...shown.flatMap((scale) => scaleTable(scale, languages)),
      { type: 'paragraph', role: 'note', runs: [{ text: note.text }, ...(note.translation ? [{ text: `\n${note.translation}`, italic: true }] : [])] },
    ],
  };
}
