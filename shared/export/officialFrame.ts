import type { DocumentKind } from '#shared/documents/kinds';
import type { Language } from '#shared/format/locale';
import type { FrameText } from '#shared/export/renderModel';

/**
 * The fixed texts of the official layout (Decree 30/2020/NĐ-CP, Appendix I) in both
 * languages. Vietnamese is the legal text; English is offered for bilingual workplaces.
 */

export type Bilingual = Record<Language, string>;

/** Which languages the frame shows: one, or Vietnamese (first, the authoritative text) and English. */
export type FrameLanguages = { primary: Language; secondary: Language | null };

/** A frame text in the export's languages. */
export function frameText(text: Bilingual, languages: FrameLanguages): FrameText {
  return languages.secondary ? { text: text[languages.primary], translation: text[languages.secondary] } : { text: text[languages.primary] };
}

/** A blank to fill in by hand on paper, as official forms leave one (a place, a fact not recorded yet). */
export const blankToFill = '…………';

export const nationalTitle: Bilingual = { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIETNAM' };

export const motto: Bilingual = { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' };

export const typeNames: Record<DocumentKind, Bilingual> = {
  enterprise_agreement: { vi: 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ', en: 'COLLECTIVE LABOUR AGREEMENT' },
  sector_agreement: { vi: 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ NGÀNH', en: 'SECTOR COLLECTIVE LABOUR AGREEMENT' },
  multi_enterprise_agreement: { vi: 'THỎA ƯỚC LAO ĐỘNG TẬP THỂ CÓ NHIỀU DOANH NGHIỆP', en: 'MULTI-ENTERPRISE COLLECTIVE LABOUR AGREEMENT' },
  labour_regulations: { vi: 'NỘI QUY LAO ĐỘNG', en: 'LABOUR REGULATIONS' },
};

export const labels = {
  chapter: { vi: 'Chương', en: 'Chapter' },
  article: { vi: 'Điều', en: 'Article' },
  annex: { vi: 'Phụ lục', en: 'Annex' },
  annexTitle: { vi: 'CÁC GIÁ TRỊ ĐƯỢC THỎA THUẬN TRONG VĂN BẢN', en: 'VALUES SET IN THE DOCUMENT' },
  annexReference: { vi: 'Kèm theo {{document}}', en: 'Attached to the {{document}}' },
  annexNumber: { vi: 'STT', en: 'No.' },
  annexLabel: { vi: 'Nội dung', en: 'Item' },
  annexValue: { vi: 'Giá trị', en: 'Value' },
  noTranslation: { vi: '(chưa có bản dịch)', en: '(no translation)' },
  noTranslationOriginal: { vi: '(chưa có bản dịch; nguyên văn dưới đây)', en: '(no translation; the original text follows)' },
  redlineLegend: {
    vi: 'Bản có các đề xuất sửa đổi đang mở: phần đề xuất thêm được gạch chân, phần đề xuất bỏ bị gạch ngang.',
    en: 'Version with open amendment proposals: proposed additions are underlined, proposed deletions are struck through.',
  },
  comparedBySentence: {
    vi: '(Thay đổi quá lớn để so sánh từng từ: điều này được so sánh theo từng câu.)',
    en: '(The change is too large to compare word by word: this article is compared sentence by sentence.)',
  },
  comparedByParagraph: {
    vi: '(Thay đổi quá lớn để so sánh từng từ: điều này được so sánh theo từng đoạn.)',
    en: '(The change is too large to compare word by word: this article is compared paragraph by paragraph.)',
  },
  comparedAsWhole: {
    vi: '(Thay đổi quá lớn để so sánh chi tiết: toàn bộ nội dung cũ của điều này bị gạch bỏ và thay bằng nội dung mới.)',
    en: '(The change is too large to compare in detail: the whole old text of this article is struck through and replaced by the new one.)',
  },
  proposalBy: { vi: 'Đề xuất của {{side}}', en: 'Proposed by {{side}}' },
  rationale: { vi: 'Lý do', en: 'Rationale' },
  insertedArticle: { vi: 'Đề xuất bổ sung điều mới', en: 'Proposed new article' },
  deletedArticle: { vi: 'Đề xuất bãi bỏ điều này', en: 'Proposed for deletion' },
  signHint: { vi: '(Ký, ghi rõ họ tên và đóng dấu)', en: '(Signature, full name and seal)' },
  recipients: { vi: 'Nơi nhận:', en: 'Recipients:' },
} satisfies Record<string, Bilingual>;

export const sideNames: Record<'employer' | 'union' | 'reviewer', Bilingual> = {
  employer: { vi: 'Người sử dụng lao động', en: 'the employer' },
  union: { vi: 'Tổ chức đại diện người lao động', en: 'the workers’ representative organisation' },
  reviewer: { vi: 'Cơ quan quản lý', en: 'the reviewer' },
};

/** Fills `{{name}}` placeholders of a frame text. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

const englishMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date (YYYY-MM-DD) as its parts, or null when it is not one. */
export function dateParts(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/**
 * "ngày 05 tháng 01 năm 2027": Decree 30/2020 Appendix I puts a leading 0 on days below 10 and on
 * the months January and February (so "tháng 3", "tháng 12"). Without a date, blanks to fill in.
 */
export function formatOfficialDate(value: string | null, language: Language): string {
  const parts = value === null ? null : dateParts(value);
  if (!parts) return language === 'vi' ? 'ngày … tháng … năm …' : '… … …';
  if (language === 'en') return `${parts.day} ${englishMonths[parts.month - 1] ?? ''} ${parts.year}`;
  const day = String(parts.day).padStart(2, '0');
  const month = parts.month <= 2 ? String(parts.month).padStart(2, '0') : String(parts.month);
  return `ngày ${day} tháng ${month} năm ${parts.year}`;
}

/** "TP. Hồ Chí Minh, ngày 05 tháng 01 năm 2027" (the place as the document gives it). */
export function formatPlaceAndDate(place: string | null, date: string | null, language: Language): string {
  const where = place === null || place.trim() === '' ? blankToFill : place.trim();
  return `${where}, ${formatOfficialDate(date, language)}`;
}

/** Capitals for names in the header and signature titles (Vietnamese letters included). */
export function upper(text: string, language: Language): string {
  return text.toLocaleUpperCase(language === 'vi' ? 'vi-VN' : 'en-GB');
}
