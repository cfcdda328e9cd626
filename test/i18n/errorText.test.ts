import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiReasonKeys } from '#shared/api/errorReasons';
import { ApiError, isApiErrorData } from '#shared/api/errors';
import { ApiUnreachableError } from '#shared/api/httpTransport';
import { errorText, InterfaceError } from '../../renderer/components/errorText';
import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';

// What the interface says of an error: one sentence in its own language, never the server's
// English detail (decision record 0016).

const vietnameseLetters = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
let t: TFunction;
let tVi: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  t = instance.getFixedT('en');
  tVi = instance.getFixedT('vi');
});

describe('an error as the interface says it', () => {
  const unknownCode = new ApiError('not_found', 'no invitation has this code; check it with whoever sent it', { reason: { key: 'invitation_unknown' } });

  it('words the reason in the interface language alone, without the English detail', () => {
    expect(errorText(tVi, unknownCode, 'vi')).toBe('Không có lời mời nào có mã này. Hãy kiểm tra lại với người đã gửi.');
    expect(errorText(t, unknownCode, 'en')).toBe('No invitation has this code. Check it with whoever sent it.');
  });

  it('fills in the values the words need: a name as it is, a label in the interface language, a count in its plural', () => {
    const archived = new ApiError('conflict', 'archived', { reason: { key: 'document_archived', values: { title: 'Nội quy lao động 2027' } } });
    expect(errorText(t, archived, 'en')).toBe('The document “Nội quy lao động 2027” is archived and can no longer change.');
    const fact = new ApiError('invalid_input', 'fact', {
      reason: { key: 'fact_from_lifecycle', values: { label: { vi: 'Số người tán thành', en: 'Workers in favour' } } },
    });
    expect(errorText(tVi, fact, 'vi')).toMatch(/^“Số người tán thành” được điền/);
    expect(errorText(t, fact, 'en')).toMatch(/^“Workers in favour” is filled in/);
    const wait = (count: number) =>
      new ApiError('rate_limited', 'too many', { reason: { key: 'too_many_codes', values: { count } }, retryAfterSeconds: count * 60 });
    expect(errorText(t, wait(1), 'en')).toBe('Too many wrong invitation codes: try again in 1 minute.');
    expect(errorText(t, wait(15), 'en')).toBe('Too many wrong invitation codes: try again in 15 minutes.');
    expect(errorText(tVi, wait(15), 'vi')).toBe('Đã nhập sai mã mời quá nhiều lần: hãy thử lại sau 15 phút.');
  });

  it('shows a rule’s own explanation in the interface language', () => {
    const refused = new ApiError('conflict', 'No vote on the draft has been recorded.', {
      reason: { key: 'explained', text: { vi: 'Chưa ghi nhận kết quả lấy ý kiến.', en: 'No vote on the draft has been recorded.' } },
    });
    expect(errorText(tVi, refused, 'vi')).toBe('Chưa ghi nhận kết quả lấy ý kiến.');
    expect(errorText(t, refused, 'en')).toBe('No vote on the draft has been recorded.');
  });

  it('says what the code means when there is no reason, and tells a lost server and a failure of the page apart', () => {
    expect(errorText(tVi, new ApiError('invalid_input', 'title: the title must not be empty'), 'vi')).toBe('Thông tin nhập chưa hợp lệ.');
    expect(errorText(tVi, new ApiUnreachableError('could not reach the server'), 'vi')).toBe('Không kết nối được máy chủ.');
    expect(errorText(t, new TypeError('x is undefined'), 'en')).toBe('Something went wrong on this page; reload it and try again.');
    expect(errorText(tVi, new InterfaceError('Điều này không còn nội dung.'), 'vi')).toBe('Điều này không còn nội dung.');
  });

  it('keeps from a transport only a reason it can read: a newer server’s key or a malformed value leaves the code to speak', () => {
    expect(ApiError.fromData({ code: 'gone', message: 'used', reason: { key: 'invitation_used' } }).reason).toEqual({ key: 'invitation_used' });
    for (const reason of [
      { key: 'invitation_lost_in_the_mail' },
      { key: 'document_archived', values: { title: { vi: 'only one language' } } },
      { key: 'explained', text: 'English only' },
      'invitation_used',
    ]) {
      const received: unknown = JSON.parse(JSON.stringify({ code: 'gone', message: 'used', reason }));
      if (!isApiErrorData(received)) throw new Error('not an API error');
      const error = ApiError.fromData(received);
      expect(error.reason).toBeUndefined();
      expect(errorText(tVi, error, 'vi')).toBe('Lời mời đã được sử dụng hoặc đã hết hạn.');
    }
  });

  it('has words for every reason of the API in both languages, the Vietnamese in Vietnamese', () => {
    for (const key of apiReasonKeys) {
      const values = {
        count: 2,
        title: 'T',
        label: 'L',
        date: '01/03/2027',
        after: '01/02/2027',
        time: '10:00',
        supporters: 2,
        representatives: 7,
        problems: 'P',
      };
      const error = new ApiError('conflict', key, { reason: { key, values } });
      expect(errorText(t, error, 'en'), key).not.toMatch(/errorReasons|\{\{|[_]/);
      expect(errorText(tVi, error, 'vi'), key).toMatch(vietnameseLetters);
    }
  });
});
