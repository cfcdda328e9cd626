import { describe, expect, it } from 'vitest';
import { fold, hasAffirmed, isNegated, parseQuantity, splitSentences } from '#shared/compliance/text';

const affirmed = (sentence: string, term: RegExp) => hasAffirmed(fold(sentence), term) !== null;

describe('reading clause text', () => {
  it('folds Vietnamese to plain lower case with the same length, NFC or NFD', () => {
    expect(fold('Nghiêm cấm PHẠT TIỀN, Đình chỉ')).toBe('nghiem cam phat tien, dinh chi');
    const decomposed = 'Phạt tiền'.normalize('NFD').normalize('NFC');
    expect(fold(decomposed)).toHaveLength(decomposed.length);
  });

  it('reads numbers written the Vietnamese or the English way', () => {
    expect(parseQuantity('06')).toBe(6);
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('5.310.000')).toBe(5_310_000);
    expect(parseQuantity('5,310,000')).toBe(5_310_000);
  });

  it('splits sentences but keeps "Art. 98(3)" and "5.310.000" whole', () => {
    expect(splitSentences('Theo Art. 98(3) of the Code. Paid 5.310.000 đồng. Xong.').map((sentence) => sentence.text)).toEqual([
      'Theo Art. 98(3) of the Code.',
      'Paid 5.310.000 đồng.',
      'Xong.',
    ]);
  });

  it('tells a prohibition from a sanction (diacritic-insensitive)', () => {
    const fine = /phat tien|\bfined\b|\bfines\b/;
    expect(affirmed('Nghiêm cấm phạt tiền, cắt lương thay việc xử lý kỷ luật.', fine)).toBe(false);
    expect(affirmed('Nghiêm cấm: xâm phạm danh dự; phạt tiền thay việc xử lý kỷ luật.', fine)).toBe(false);
    expect(affirmed('Không áp dụng bất kỳ hình thức nào khác, kể cả phạt tiền.', fine)).toBe(false);
    expect(affirmed('Người lao động không bị phạt tiền.', fine)).toBe(false);
    expect(affirmed('Fines in place of discipline are prohibited.', fine)).toBe(false);
    expect(affirmed('It is prohibited to impose fines instead of discipline.', fine)).toBe(false);
    expect(affirmed('Người lao động không mặc đồng phục bị phạt tiền 50.000 đồng.', fine)).toBe(true);
    expect(affirmed('Không mặc đồng phục: phạt tiền 50.000 đồng.', fine)).toBe(true);
    expect(affirmed('nguoi lao dong di muon bi phat tien', fine)).toBe(true);
    expect(affirmed('Workers who are late are fined VND 50,000.', fine)).toBe(true);
  });

  it('a negation inside the term counts unless the wording is negative in itself', () => {
    const folded = fold('Người lao động không được từ chối làm thêm giờ.');
    const start = folded.indexOf('khong duoc');
    expect(isNegated(folded, start, folded.indexOf(' gio'))).toBe(true);
    expect(isNegated(folded, start, folded.indexOf(' gio'), { inside: false })).toBe(false);
  });
});
