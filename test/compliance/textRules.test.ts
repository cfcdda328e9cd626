import { describe, expect, it } from 'vitest';
import type { Language } from '#shared/format/locale';
import type { Severity } from '#shared/compliance/types';
import type { DocumentKind } from '#shared/documents/kinds';
import { checkSentence, findingsOf } from './builders';

interface Case {
  rule: string;
  /** A sentence (or clause) that complies, and one that does not. */
  ok: string;
  bad: string;
  title?: string;
  language?: Language;
  kind?: DocumentKind;
  severity?: Severity;
}

/**
 * Clauses as a word processor writes them (numbers, no chips), at and around each threshold: the
 * text patterns read them diacritic-insensitively, in Vietnamese and in English.
 */
const cases: Case[] = [
  // LC Art. 98(1): overtime rates
  {
    rule: 'pay.ot_weekday',
    title: 'Tiền lương làm thêm giờ',
    ok: 'Làm thêm giờ vào ngày thường được trả ít nhất bằng 150% tiền lương.',
    bad: 'Làm thêm giờ vào ngày thường được trả ít nhất bằng 149% tiền lương.',
  },
  {
    rule: 'pay.ot_weekday',
    title: 'Overtime pay',
    language: 'en',
    ok: 'Overtime on normal working days is paid at least 150% of the hourly wage.',
    bad: 'Overtime on normal working days is paid 140% of the hourly wage.',
  },
  {
    rule: 'pay.ot_weekday',
    title: 'Tien luong lam them gio',
    ok: 'Lam them gio vao ngay thuong duoc tra bang 1,5 lan tien luong.',
    bad: 'Lam them gio vao ngay thuong duoc tra bang 1,4 lan tien luong.',
  },
  {
    rule: 'pay.ot_weekly_rest',
    title: 'Tiền lương làm thêm giờ',
    ok: 'Làm thêm vào ngày nghỉ hằng tuần: ít nhất 200%.',
    bad: 'Làm thêm vào ngày nghỉ hằng tuần: 199%.',
  },
  {
    rule: 'pay.ot_holiday',
    title: 'Tiền lương làm thêm giờ',
    ok: 'Làm thêm vào ngày lễ, tết: ít nhất 300%, chưa kể tiền lương ngày lễ.',
    bad: 'Làm thêm vào ngày lễ, tết: 290%, chưa kể tiền lương ngày lễ.',
  },
  // Decree 145 Art. 55(3): 300% "including" the holiday wage is a warning
  {
    rule: 'pay.ot_holiday',
    severity: 'warning',
    title: 'Tiền lương làm thêm giờ',
    ok: 'Làm thêm vào ngày lễ, tết được trả ít nhất bằng 300%, chưa kể tiền lương ngày lễ, tết.',
    bad: 'Làm thêm vào ngày lễ, tết được trả 300%, đã bao gồm tiền lương ngày lễ, tết.',
  },
  {
    rule: 'pay.ot_holiday',
    severity: 'warning',
    title: 'Overtime',
    language: 'en',
    ok: 'Overtime on public holidays is paid at least 300%, not including the holiday pay.',
    bad: 'Overtime on public holidays is paid 300% including the holiday pay.',
  },
  {
    rule: 'pay.ot_holiday',
    severity: 'warning',
    title: 'Lam them gio',
    ok: 'Lam them vao ngay le duoc tra 300% chua ke tien luong ngay le.',
    bad: 'Lam them vao ngay le duoc tra 300% bao gom tien luong ngay le.',
  },
  // LC Art. 98(2)-(3): night work and night overtime (200%, 210% after daytime overtime)
  {
    rule: 'pay.night_premium',
    ok: 'Người lao động làm việc vào ban đêm được trả thêm ít nhất bằng 30% tiền lương.',
    bad: 'Người lao động làm việc vào ban đêm được trả thêm 25% tiền lương.',
  },
  {
    rule: 'pay.night_ot_extra',
    ok: 'Người lao động làm thêm giờ vào ban đêm được trả ít nhất bằng 200% tiền lương của ngày làm việc bình thường.',
    bad: 'Người lao động làm thêm giờ vào ban đêm được trả ít nhất bằng 195% tiền lương của ngày làm việc bình thường.',
  },
  {
    rule: 'pay.night_ot_extra',
    ok: 'Người lao động làm thêm giờ vào ban đêm sau khi đã làm thêm giờ vào ban ngày được trả 210%.',
    bad: 'Người lao động làm thêm giờ vào ban đêm sau khi đã làm thêm giờ vào ban ngày được trả 200%.',
  },
  {
    rule: 'pay.night_ot_extra',
    language: 'en',
    ok: 'Night overtime is paid an extra 20% of the daytime wage of the day concerned.',
    bad: 'Night overtime is paid an extra 15% of the daytime wage of the day concerned.',
  },
  {
    rule: 'pay.night_ot_extra',
    ok: 'Làm thêm giờ vào ban đêm của ngày nghỉ hằng tuần được trả 270%.',
    bad: 'Làm thêm giờ vào ban đêm của ngày nghỉ hằng tuần được trả 260%.',
  },
  // LC Art. 105-106
  {
    rule: 'hours.daily_normal',
    title: 'Thời giờ làm việc',
    ok: 'Thời giờ làm việc bình thường không quá 8 giờ trong 01 ngày.',
    bad: 'Thời giờ làm việc bình thường không quá 9 giờ trong 01 ngày.',
  },
  {
    rule: 'hours.weekly_normal',
    title: 'Working hours',
    language: 'en',
    ok: 'Normal working hours do not exceed 8 hours a day and 48 hours a week.',
    bad: 'Normal working hours do not exceed 8 hours a day and 52 hours a week.',
  },
  {
    rule: 'hours.weekly_regime_daily_cap',
    ok: 'Trường hợp quy định theo tuần thì thời giờ làm việc bình thường không quá 10 giờ trong 01 ngày.',
    bad: 'Trường hợp quy định theo tuần thì thời giờ làm việc bình thường không quá 11 giờ trong 01 ngày.',
  },
  {
    rule: 'night.window',
    ok: 'Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
    bad: 'Giờ làm việc ban đêm tính từ 23 giờ đến 05 giờ sáng ngày hôm sau.',
  },
  {
    rule: 'night.window',
    language: 'en',
    ok: 'Night work is from 21:00 to 06:00 the next morning.',
    bad: 'Night work is from 22:00 to 05:00 the next morning.',
  },
  // LC Art. 107
  {
    rule: 'ot.consent',
    ok: 'Người lao động không bắt buộc làm thêm giờ; chỉ làm thêm khi đồng ý.',
    bad: 'Người lao động bắt buộc làm thêm giờ khi có yêu cầu của quản lý.',
  },
  {
    rule: 'ot.consent',
    ok: 'Người lao động không được từ chối làm thêm giờ khi thực hiện lệnh động viên, huy động bảo đảm quốc phòng.',
    bad: 'Người lao động không được từ chối làm thêm giờ theo kế hoạch sản xuất.',
  },
  {
    rule: 'ot.consent',
    language: 'en',
    ok: 'Workers may refuse overtime without any consequence.',
    bad: 'Workers may not refuse overtime scheduled by the company.',
  },
  {
    rule: 'ot.daily_cap',
    ok: 'Số giờ làm thêm không quá 4 giờ trong 01 ngày làm việc bình thường.',
    bad: 'Số giờ làm thêm không quá 5 giờ trong 01 ngày làm việc bình thường.',
  },
  {
    rule: 'ot.daily_cap',
    ok: 'Làm thêm vào ngày nghỉ hằng tuần không quá 12 giờ trong 01 ngày.',
    bad: 'Làm thêm vào ngày nghỉ hằng tuần không quá 13 giờ trong 01 ngày.',
  },
  { rule: 'ot.monthly_cap', ok: 'Tổng số giờ làm thêm không quá 40 giờ trong 01 tháng.', bad: 'Tổng số giờ làm thêm không quá 60 giờ trong 01 tháng.' },
  // LC Art. 109-111
  {
    rule: 'break.mid_shift',
    title: 'Nghỉ giữa giờ',
    ok: 'Người làm việc từ 06 giờ trở lên được nghỉ giữa giờ ít nhất 30 phút liên tục.',
    bad: 'Người làm việc từ 06 giờ trở lên được nghỉ giữa giờ 20 phút.',
  },
  {
    rule: 'break.mid_shift',
    title: 'Nghỉ giữa giờ',
    ok: 'Làm việc ban đêm thì được nghỉ giữa giờ ít nhất 45 phút liên tục.',
    bad: 'Làm việc ban đêm thì được nghỉ giữa giờ 30 phút.',
  },
  {
    rule: 'break.mid_shift',
    ok: 'Trường hợp làm việc theo ca liên tục, thời gian nghỉ giữa giờ được tính vào thời giờ làm việc.',
    bad: 'Trường hợp làm việc theo ca liên tục, thời gian nghỉ giữa ca không được tính vào thời giờ làm việc.',
  },
  {
    rule: 'break.shift_change',
    ok: 'Người lao động được nghỉ ít nhất 12 giờ trước khi chuyển sang ca khác.',
    bad: 'Người lao động được nghỉ ít nhất 8 giờ trước khi chuyển sang ca khác.',
  },
  {
    rule: 'rest.weekly',
    title: 'Nghỉ hằng tuần',
    ok: 'Mỗi tuần người lao động được nghỉ ít nhất 24 giờ liên tục.',
    bad: 'Mỗi tuần người lao động được nghỉ ít nhất 20 giờ liên tục.',
  },
  {
    rule: 'rest.weekly',
    title: 'Nghỉ hằng tuần',
    ok: 'Nếu không thể nghỉ hằng tuần thì được nghỉ bình quân 01 tháng ít nhất 04 ngày.',
    bad: 'Nếu không thể nghỉ hằng tuần thì được nghỉ bình quân 01 tháng ít nhất 03 ngày.',
  },
  // LC Art. 113-115
  {
    rule: 'leave.annual',
    title: 'Nghỉ hằng năm',
    ok: 'Người lao động được nghỉ hằng năm 12 ngày làm việc hưởng nguyên lương.',
    bad: 'Người lao động được nghỉ hằng năm 10 ngày làm việc hưởng nguyên lương.',
  },
  {
    rule: 'leave.annual',
    title: 'Nghỉ hằng năm',
    ok: 'Người làm công việc nặng nhọc, độc hại được nghỉ hằng năm 14 ngày làm việc.',
    bad: 'Người làm công việc nặng nhọc, độc hại được nghỉ hằng năm 12 ngày làm việc.',
  },
  {
    rule: 'leave.annual',
    title: 'Phep nam',
    ok: 'Nguoi lam cong viec dac biet nang nhoc duoc nghi phep nam 16 ngay.',
    bad: 'Nguoi lam cong viec dac biet nang nhoc duoc nghi phep nam 15 ngay.',
  },
  {
    rule: 'leave.annual',
    title: 'Nghỉ hằng năm',
    ok: 'Ngày nghỉ hằng năm chưa nghỉ được thanh toán khi thôi việc.',
    bad: 'Ngày nghỉ hằng năm chưa nghỉ khi thôi việc sẽ không được thanh toán.',
  },
  {
    rule: 'leave.seniority',
    title: 'Nghỉ hằng năm',
    ok: 'Cứ đủ 05 năm làm việc thì số ngày nghỉ hằng năm được tăng thêm 01 ngày.',
    bad: 'Cứ đủ 06 năm làm việc thì số ngày nghỉ hằng năm được tăng thêm 01 ngày.',
  },
  {
    rule: 'leave.personal_paid',
    title: 'Nghỉ việc riêng',
    ok: 'Người lao động kết hôn được nghỉ 03 ngày hưởng nguyên lương.',
    bad: 'Người lao động kết hôn được nghỉ 02 ngày hưởng nguyên lương.',
  },
  {
    rule: 'leave.personal_paid',
    title: 'Personal leave',
    language: 'en',
    ok: 'On the death of a parent, spouse or child a worker has 3 days of paid leave.',
    bad: 'On the death of a parent, spouse or child a worker has 2 days of paid leave.',
  },
  // LC Art. 20, 25-26, 29
  {
    rule: 'contract.fixed_term',
    ok: 'Hợp đồng lao động xác định thời hạn không quá 36 tháng.',
    bad: 'Hợp đồng lao động xác định thời hạn không quá 48 tháng.',
  },
  {
    rule: 'probation.duration',
    title: 'Thử việc',
    ok: 'Thời gian thử việc không quá 60 ngày đối với công việc cần trình độ cao đẳng trở lên.',
    bad: 'Thời gian thử việc không quá 90 ngày đối với công việc cần trình độ cao đẳng trở lên.',
  },
  {
    rule: 'probation.duration',
    title: 'Thử việc',
    ok: 'Thời gian thử việc đối với công việc khác không quá 6 ngày làm việc.',
    bad: 'Thời gian thử việc đối với công việc khác không quá 10 ngày làm việc.',
  },
  {
    rule: 'probation.wage',
    title: 'Thử việc',
    ok: 'Tiền lương thử việc bằng 85% mức lương của công việc đó.',
    bad: 'Tiền lương thử việc bằng 70% mức lương của công việc đó.',
  },
  {
    rule: 'transfer.temporary',
    title: 'Tạm thời chuyển người lao động làm công việc khác',
    ok: 'Tiền lương theo công việc mới ít nhất bằng 85% tiền lương của công việc cũ.',
    bad: 'Tiền lương theo công việc mới ít nhất bằng 80% tiền lương của công việc cũ.',
  },
  {
    rule: 'transfer.temporary',
    title: 'Tạm thời chuyển người lao động làm công việc khác',
    ok: 'Thời gian tạm thời chuyển không quá 60 ngày làm việc cộng dồn trong 01 năm.',
    bad: 'Thời gian tạm thời chuyển không quá 90 ngày làm việc cộng dồn trong 01 năm.',
  },
  // LC Art. 35-36, 46-47
  {
    rule: 'notice.employee',
    ok: 'Người lao động đơn phương chấm dứt hợp đồng phải báo trước cho người sử dụng lao động ít nhất 45 ngày nếu làm việc theo hợp đồng không xác định thời hạn.',
    bad: 'Người lao động đơn phương chấm dứt hợp đồng phải báo trước cho người sử dụng lao động ít nhất 60 ngày nếu làm việc theo hợp đồng không xác định thời hạn.',
  },
  {
    rule: 'notice.employee',
    language: 'en',
    ok: 'A worker resigning from a fixed-term contract of 12 to 36 months gives notice to the employer of 30 days.',
    bad: 'A worker resigning from a fixed-term contract of 12 to 36 months gives notice to the employer of 45 days.',
  },
  {
    rule: 'notice.employer',
    ok: 'Người sử dụng lao động báo trước cho người lao động ít nhất 45 ngày đối với hợp đồng không xác định thời hạn.',
    bad: 'Người sử dụng lao động báo trước cho người lao động ít nhất 30 ngày đối với hợp đồng không xác định thời hạn.',
  },
  {
    rule: 'severance',
    ok: 'Trợ cấp thôi việc: mỗi năm làm việc được trợ cấp bằng một nửa tháng tiền lương.',
    bad: 'Trợ cấp thôi việc: mỗi năm làm việc được trợ cấp bằng 0,4 tháng tiền lương.',
  },
  {
    rule: 'job_loss',
    ok: 'Trợ cấp mất việc làm: mỗi năm làm việc được trợ cấp bằng 01 tháng tiền lương, ít nhất bằng 02 tháng tiền lương.',
    bad: 'Trợ cấp mất việc làm: mỗi năm làm việc được trợ cấp bằng 01 tháng tiền lương, ít nhất bằng 01 tháng tiền lương.',
  },
  // LC Art. 91-102
  {
    rule: 'wage.pay_period',
    ok: 'Người hưởng lương tuần được trả gộp nhưng không quá 15 ngày phải được trả gộp một lần.',
    bad: 'Người hưởng lương tuần được trả gộp nhưng không quá 20 ngày phải được trả gộp một lần.',
  },
  { rule: 'wage.pay_period', ok: 'Người hưởng lương tháng được trả lương mỗi tháng một lần.', bad: 'Người hưởng lương tháng được trả lương 2 tháng một lần.' },
  {
    rule: 'wage.late_payment',
    ok: 'Vì lý do bất khả kháng thì không được chậm quá 30 ngày; nếu chậm từ 15 ngày trở lên thì phải đền bù tiền lãi.',
    bad: 'Vì lý do bất khả kháng thì không được chậm quá 45 ngày; nếu chậm từ 15 ngày trở lên thì phải đền bù tiền lãi.',
  },
  {
    rule: 'wage.late_payment',
    severity: 'warning',
    title: 'Trả lương',
    ok: 'Vì lý do bất khả kháng thì không được chậm quá 30 ngày và phải trả lãi suất tiền gửi kỳ hạn 01 tháng.',
    bad: 'Vì lý do bất khả kháng thì không được chậm quá 30 ngày.',
  },
  {
    rule: 'wage.deduction_cap',
    ok: 'Mức khấu trừ hằng tháng không quá 30% tiền lương thực trả.',
    bad: 'Mức khấu trừ hằng tháng không quá 50% tiền lương thực trả.',
  },
  {
    rule: 'wage.payment',
    ok: 'Người sử dụng lao động chịu phí chuyển tiền lương qua ngân hàng.',
    bad: 'Phí chuyển tiền lương qua tài khoản ngân hàng do người lao động chịu.',
  },
  {
    rule: 'wage.payment',
    language: 'en',
    ok: 'Workers are free to spend their wages.',
    bad: 'Workers are required to buy meal coupons from the company shop.',
  },
  {
    rule: 'wage.stoppage',
    ok: 'Ngừng việc do lỗi của Người sử dụng lao động: người lao động được trả 100% tiền lương.',
    bad: 'Ngừng việc do lỗi của Người sử dụng lao động: người lao động được trả 70% tiền lương.',
  },
  {
    rule: 'wage.stoppage',
    severity: 'warning',
    title: 'Tiền lương ngừng việc',
    ok: 'Ngừng việc vì thiên tai, dịch bệnh: trả 70% tiền lương nhưng không thấp hơn mức lương tối thiểu vùng.',
    bad: 'Ngừng việc vì thiên tai, dịch bệnh: trả 70% tiền lương.',
  },
  // LC Art. 137, 139; Decree 145 Art. 80
  {
    rule: 'maternity.leave',
    ok: 'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.',
    bad: 'Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 05 tháng.',
  },
  {
    rule: 'maternity.protection',
    ok: 'Lao động nữ nuôi con dưới 12 tháng tuổi được nghỉ mỗi ngày 60 phút.',
    bad: 'Lao động nữ nuôi con dưới 06 tháng tuổi được nghỉ mỗi ngày 60 phút.',
  },
  {
    rule: 'maternity.protection',
    ok: 'Lao động nữ nuôi con nhỏ được nghỉ mỗi ngày 60 phút để cho con bú.',
    bad: 'Lao động nữ nuôi con nhỏ được nghỉ mỗi ngày 45 phút để cho con bú.',
  },
  {
    rule: 'maternity.protection',
    ok: 'Trong thời gian hành kinh được nghỉ mỗi ngày 30 phút, ít nhất 03 ngày trong tháng.',
    bad: 'Trong thời gian hành kinh được nghỉ mỗi ngày 20 phút, ít nhất 03 ngày trong tháng.',
  },
  {
    rule: 'maternity.protection',
    ok: 'Không sử dụng lao động nữ mang thai từ tháng thứ 07 làm việc ban đêm.',
    bad: 'Không sử dụng lao động nữ mang thai từ tháng thứ 08 làm việc ban đêm.',
  },
  {
    rule: 'maternity.protection',
    language: 'en',
    ok: 'A woman raising a child under 12 months has 60 minutes a day to nurse.',
    bad: 'A woman raising a child under 6 months has 60 minutes a day to nurse.',
  },
  // LC Art. 123-130: discipline (text patterns, diacritic-insensitive, aware of negation)
  {
    rule: 'discipline.prohibited',
    kind: 'labour_regulations',
    ok: 'Nghiêm cấm phạt tiền, cắt lương thay việc xử lý kỷ luật lao động.',
    bad: 'Người lao động đi làm muộn 03 lần trong tháng bị phạt tiền 100.000 đồng.',
  },
  {
    rule: 'discipline.prohibited',
    kind: 'labour_regulations',
    ok: 'Không áp dụng phạt tiền, trừ lương, cắt thưởng thay cho xử lý kỷ luật.',
    bad: 'Nguoi lao dong khong mac dong phuc bi tru luong 50.000 dong.',
  },
  {
    rule: 'discipline.prohibited',
    kind: 'labour_regulations',
    ok: 'Người vi phạm không bị cắt thưởng thay cho xử lý kỷ luật.',
    bad: 'Vi phạm nội quy lần thứ hai: cắt thưởng chuyên cần của tháng đó.',
  },
  {
    rule: 'discipline.prohibited',
    kind: 'labour_regulations',
    ok: 'Người sử dụng lao động phát tiền ăn ca cho người lao động.',
    bad: 'Vi phạm quy định về trang phục bị phạt 50.000 đồng mỗi lần.',
  },
  {
    rule: 'discipline.prohibited',
    kind: 'labour_regulations',
    language: 'en',
    ok: 'Fines and wage cuts in place of discipline are prohibited.',
    bad: 'Workers who arrive late three times in a month are fined VND 100,000.',
  },
  {
    rule: 'discipline.forms',
    kind: 'labour_regulations',
    ok: 'Hình thức xử lý kỷ luật: khiển trách, kéo dài thời hạn nâng lương không quá 06 tháng, cách chức, sa thải.',
    bad: 'Hình thức xử lý kỷ luật: khiển trách, cảnh cáo, cách chức, sa thải.',
  },
  {
    rule: 'discipline.forms',
    kind: 'labour_regulations',
    ok: 'Kéo dài thời hạn nâng lương không quá 06 tháng.',
    bad: 'Kéo dài thời hạn nâng lương không quá 09 tháng.',
  },
  {
    rule: 'discipline.forms',
    kind: 'labour_regulations',
    ok: 'Việc tạm thời chuyển người lao động làm công việc khác không được sử dụng như một hình thức xử lý kỷ luật.',
    bad: 'Người vi phạm bị đình chỉ công việc không lương 10 ngày như một hình thức kỷ luật.',
  },
  {
    rule: 'discipline.dismissal_grounds',
    kind: 'labour_regulations',
    title: 'Hành vi bị xử lý kỷ luật sa thải',
    ok: 'Người lao động tự ý bỏ việc 05 ngày cộng dồn trong thời hạn 30 ngày hoặc 20 ngày cộng dồn trong thời hạn 365 ngày.',
    bad: 'Người lao động tự ý bỏ việc 04 ngày cộng dồn trong thời hạn 30 ngày.',
  },
  {
    rule: 'discipline.dismissal_grounds',
    kind: 'labour_regulations',
    title: 'Hành vi bị xử lý kỷ luật sa thải',
    ok: 'Tự ý bỏ việc 20 ngày cộng dồn trong 365 ngày.',
    bad: 'Tự ý bỏ việc 15 ngày cộng dồn trong 365 ngày.',
  },
  {
    rule: 'discipline.dismissal_grounds',
    kind: 'labour_regulations',
    title: 'Dismissal',
    language: 'en',
    ok: 'Absence without good reason for 5 days in total within 30 days.',
    bad: 'Absence without good reason for 3 consecutive working days.',
  },
  {
    rule: 'discipline.limitation',
    kind: 'labour_regulations',
    ok: 'Thời hiệu xử lý kỷ luật lao động là 06 tháng; đối với hành vi liên quan đến tài chính, tài sản là 12 tháng.',
    bad: 'Thời hiệu xử lý kỷ luật lao động là 09 tháng; đối với hành vi liên quan đến tài chính, tài sản là 12 tháng.',
  },
  {
    rule: 'discipline.limitation',
    kind: 'labour_regulations',
    ok: 'Thời hiệu xử lý kỷ luật lao động đối với hành vi tiết lộ bí mật kinh doanh là 12 tháng.',
    bad: 'Thời hiệu xử lý kỷ luật lao động đối với hành vi tiết lộ bí mật kinh doanh là 18 tháng.',
  },
  {
    rule: 'discipline.expunge',
    kind: 'labour_regulations',
    ok: 'Người bị khiển trách sau 03 tháng, nếu không tái phạm thì đương nhiên được xóa kỷ luật.',
    bad: 'Người bị khiển trách sau 06 tháng, nếu không tái phạm thì đương nhiên được xóa kỷ luật.',
  },
  {
    rule: 'discipline.expunge',
    kind: 'labour_regulations',
    ok: 'Người bị cách chức sau 03 năm, nếu không tái phạm thì được xóa kỷ luật.',
    bad: 'Người bị cách chức sau 05 năm, nếu không tái phạm thì được xóa kỷ luật.',
  },
  {
    rule: 'discipline.suspension',
    kind: 'labour_regulations',
    title: 'Tạm đình chỉ công việc',
    ok: 'Thời hạn tạm đình chỉ công việc không quá 15 ngày, trường hợp đặc biệt không quá 90 ngày.',
    bad: 'Thời hạn tạm đình chỉ công việc không quá 30 ngày, trường hợp đặc biệt không quá 90 ngày.',
  },
  {
    rule: 'discipline.suspension',
    kind: 'labour_regulations',
    title: 'Tạm đình chỉ công việc',
    ok: 'Trong thời gian tạm đình chỉ, người lao động được tạm ứng 50% tiền lương.',
    bad: 'Trong thời gian tạm đình chỉ, người lao động được tạm ứng 30% tiền lương.',
  },
  {
    rule: 'discipline.principles',
    kind: 'labour_regulations',
    ok: 'Ít nhất 05 ngày làm việc trước ngày họp xử lý kỷ luật lao động, Người sử dụng lao động thông báo cho người lao động.',
    bad: 'Ít nhất 02 ngày làm việc trước ngày họp xử lý kỷ luật lao động, Người sử dụng lao động thông báo cho người lao động.',
  },
  {
    rule: 'liability.damage_cap',
    kind: 'labour_regulations',
    ok: 'Người gây thiệt hại không nghiêm trọng do sơ suất thì bồi thường nhiều nhất 03 tháng tiền lương.',
    bad: 'Người gây thiệt hại không nghiêm trọng do sơ suất thì bồi thường nhiều nhất 05 tháng tiền lương.',
  },
  {
    rule: 'liability.damage_cap',
    kind: 'labour_regulations',
    ok: 'Thiệt hại không nghiêm trọng do sơ suất là thiệt hại không quá 10 tháng lương tối thiểu vùng.',
    bad: 'Thiệt hại không nghiêm trọng do sơ suất là thiệt hại không quá 5 tháng lương tối thiểu vùng.',
  },
  // LC Art. 118-121: labour regulations
  {
    rule: 'regs.procedure',
    kind: 'labour_regulations',
    ok: 'Trong thời hạn 10 ngày kể từ ngày ban hành, Người sử dụng lao động nộp hồ sơ đăng ký nội quy.',
    bad: 'Trong thời hạn 20 ngày kể từ ngày ban hành, Người sử dụng lao động nộp hồ sơ đăng ký nội quy.',
  },
  {
    rule: 'regs.procedure',
    kind: 'labour_regulations',
    language: 'en',
    ok: 'The Regulations take effect 15 days after the authority receives the complete dossier.',
    bad: 'The Regulations take effect 7 days after the authority receives the complete dossier.',
  },
  // LC Art. 63, 76-89; Decree 145 Art. 39
  {
    rule: 'cla.term',
    title: 'Hiệu lực và thời hạn',
    ok: 'Thỏa ước có thời hạn 03 năm kể từ ngày có hiệu lực.',
    bad: 'Thỏa ước có thời hạn 05 năm kể từ ngày có hiệu lực.',
  },
  {
    rule: 'cla.term',
    title: 'Effect and term',
    language: 'en',
    ok: 'The Agreement remains in force for 12 months.',
    bad: 'The Agreement remains in force for 6 months.',
  },
  {
    rule: 'cla.filing',
    ok: 'Trong thời hạn 10 ngày kể từ ngày ký kết, Người sử dụng lao động gửi 01 bản Thỏa ước đến Sở Nội vụ.',
    bad: 'Trong thời hạn 15 ngày kể từ ngày ký kết, Người sử dụng lao động gửi 01 bản Thỏa ước đến Sở Nội vụ.',
  },
  {
    rule: 'cla.costs',
    ok: 'Mọi chi phí cho việc thương lượng, ký kết Thỏa ước do Người sử dụng lao động chi trả.',
    bad: 'Chi phí thương lượng, ký kết Thỏa ước do Công đoàn cơ sở chi trả.',
  },
  {
    rule: 'cla.costs',
    language: 'en',
    ok: 'All costs of negotiating and signing the Agreement are borne by the employer.',
    bad: 'The costs of negotiating and signing the Agreement are shared equally by both parties.',
  },
  {
    rule: 'dialogue.periodic',
    title: 'Đối thoại tại nơi làm việc',
    ok: 'Các bên tổ chức đối thoại định kỳ 12 tháng một lần.',
    bad: 'Các bên tổ chức đối thoại định kỳ 18 tháng một lần.',
  },
  {
    rule: 'dialogue.procedure',
    title: 'Đối thoại tại nơi làm việc',
    ok: 'Nội dung đối thoại được gửi trước ít nhất 05 ngày làm việc.',
    bad: 'Nội dung đối thoại được gửi trước ít nhất 03 ngày làm việc.',
  },
  {
    rule: 'dialogue.procedure',
    title: 'Đối thoại tại nơi làm việc',
    ok: 'Nội dung chính được công bố trong thời hạn 03 ngày làm việc.',
    bad: 'Nội dung chính được công bố trong thời hạn 07 ngày làm việc.',
  },
  {
    rule: 'union.fee',
    severity: 'warning',
    ok: 'Người sử dụng lao động đóng kinh phí công đoàn bằng 2% quỹ tiền lương.',
    bad: 'Người sử dụng lao động đóng kinh phí công đoàn bằng 1% quỹ tiền lương.',
  },
];

describe('text patterns: a compliant and a violating clause for each rule', () => {
  it.each(cases.map((testCase, index) => ({ ...testCase, name: `${testCase.rule} #${index + 1} (${testCase.language ?? 'vi'})` })))(
    '$name',
    ({ rule, ok, bad, title, language, kind, severity }) => {
      const options = { ...(title ? { title } : {}), ...(language ? { language } : {}), ...(kind ? { kind } : {}) };
      expect(findingsOf(checkSentence(ok, options), rule, severity), ok).toEqual([]);
      const found = findingsOf(checkSentence(bad, options), rule, severity);
      expect(found.length, bad).toBeGreaterThan(0);
      expect(found[0]).toMatchObject({ clauseId: expect.any(String), citation: { law: expect.any(String), article: expect.any(Number) } });
      expect(found[0]?.message.vi).toMatch(/.+/);
      expect(found[0]?.message.en).toMatch(/.+/);
    },
  );

  it('a text finding quotes the clause and states the found and the expected value in both languages', () => {
    const [finding] = findingsOf(
      checkSentence('Làm thêm giờ vào ngày thường được trả ít nhất bằng 149% tiền lương.', { title: 'Làm thêm giờ' }),
      'pay.ot_weekday',
    );
    expect(finding?.message.vi).toBe(
      'Tiền lương làm thêm giờ vào ngày thường: 149% thấp hơn mức tối thiểu 150% theo điểm a khoản 1 Điều 98 Bộ luật Lao động 2019. Văn bản: “Làm thêm giờ vào ngày thường được trả ít nhất bằng 149% tiền lương.”',
    );
    expect(finding?.expected).toEqual({ vi: 'không thấp hơn 150%', en: 'at least 150%' });
    expect(finding?.actual?.en).toBe('149% — “Làm thêm giờ vào ngày thường được trả ít nhất bằng 149% tiền lương.”');
  });

  it('amounts are formatted the Vietnamese way in Vietnamese and the English way in English', () => {
    const [finding] = findingsOf(checkSentence('Trợ cấp thôi việc: mỗi năm làm việc được trợ cấp bằng 0,4 tháng tiền lương.'), 'severance');
    expect(finding?.actual?.vi).toMatch(/^0,4 tháng/);
    expect(finding?.actual?.en).toMatch(/^0.4 months/);
  });
});
