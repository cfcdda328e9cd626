/**
 * The topics of the built-in templates by name. A topic is stored as an id (`union_fee`); people
 * read its name ("Kinh phí công đoàn"). A template-pack test keeps every topic the library uses named here.
 */
import type { Language } from '#shared/format/locale';
import type { Bilingual } from '#shared/templates/schema';

export const topicNames: Readonly<Record<string, Bilingual>> = {
  accession: { vi: 'Gia nhập, rút khỏi thỏa ước', en: 'Joining and leaving the agreement' },
  accidents: { vi: 'Tai nạn lao động, bệnh nghề nghiệp', en: 'Work accidents and occupational diseases' },
  allowances: { vi: 'Phụ cấp, hỗ trợ', en: 'Allowances' },
  amendment: { vi: 'Sửa đổi, bổ sung', en: 'Amendment' },
  assets: { vi: 'Tài sản của doanh nghiệp', en: 'Company assets' },
  authority: { vi: 'Thẩm quyền xử lý', en: 'Who decides' },
  bonuses: { vi: 'Tiền thưởng', en: 'Bonuses' },
  breaks: { vi: 'Nghỉ giữa giờ', en: 'Breaks' },
  childcare: { vi: 'Nuôi con nhỏ, nhà trẻ', en: 'Childcare' },
  commitments: { vi: 'Trách nhiệm các bên', en: 'Commitments of the parties' },
  complaints: { vi: 'Khiếu nại, tố cáo', en: 'Complaints' },
  conduct: { vi: 'Ứng xử', en: 'Conduct' },
  confidentiality: { vi: 'Bảo mật', en: 'Confidentiality' },
  contracts: { vi: 'Hợp đồng lao động', en: 'Employment contracts' },
  costs: { vi: 'Chi phí', en: 'Costs' },
  deductions: { vi: 'Khấu trừ tiền lương', en: 'Deductions from wages' },
  definitions: { vi: 'Giải thích từ ngữ', en: 'Definitions' },
  dialogue: { vi: 'Đối thoại tại nơi làm việc', en: 'Workplace dialogue' },
  discipline: { vi: 'Kỷ luật lao động', en: 'Labour discipline' },
  dismissal: { vi: 'Sa thải', en: 'Dismissal' },
  disputes: { vi: 'Tranh chấp lao động', en: 'Labour disputes' },
  dissemination: { vi: 'Công bố, phổ biến', en: 'Publication' },
  dress_code: { vi: 'Trang phục', en: 'Dress code' },
  effect: { vi: 'Hiệu lực', en: 'Entry into force' },
  favourability: { vi: 'Điều kiện có lợi hơn', en: 'More favourable terms' },
  filing: { vi: 'Gửi cơ quan quản lý', en: 'Filing with the authority' },
  fire_safety: { vi: 'Phòng cháy, chữa cháy', en: 'Fire safety' },
  gender_equality: { vi: 'Bình đẳng giới', en: 'Gender equality' },
  gifts: { vi: 'Quà tặng', en: 'Gifts' },
  grievances: { vi: 'Kiến nghị nội bộ', en: 'Internal grievances' },
  harassment: { vi: 'Quấy rối tình dục', en: 'Sexual harassment' },
  health: { vi: 'Chăm sóc sức khỏe', en: 'Health care' },
  holidays: { vi: 'Nghỉ lễ, tết', en: 'Public holidays' },
  housing: { vi: 'Nhà ở, đi lại', en: 'Housing and transport' },
  hygiene: { vi: 'Vệ sinh lao động', en: 'Occupational hygiene' },
  information: { vi: 'Công khai thông tin', en: 'Information' },
  intellectual_property: { vi: 'Sở hữu trí tuệ', en: 'Intellectual property' },
  invalidity: { vi: 'Thỏa ước vô hiệu', en: 'Invalidity' },
  job_security: { vi: 'Việc làm', en: 'Job security' },
  leave: { vi: 'Nghỉ hằng năm', en: 'Annual leave' },
  limitation: { vi: 'Thời hiệu', en: 'Time limits' },
  material_liability: { vi: 'Trách nhiệm vật chất', en: 'Liability for damage' },
  maternity: { vi: 'Thai sản', en: 'Maternity' },
  meals: { vi: 'Bữa ăn giữa ca', en: 'Shift meals' },
  minimum_wage: { vi: 'Lương tối thiểu', en: 'Minimum wage' },
  monitoring: { vi: 'Theo dõi thực hiện', en: 'Monitoring' },
  night_work: { vi: 'Làm việc ban đêm', en: 'Night work' },
  osh: { vi: 'An toàn, vệ sinh lao động', en: 'Occupational safety and health' },
  overtime: { vi: 'Làm thêm giờ', en: 'Overtime' },
  parties: { vi: 'Các bên', en: 'Parties' },
  personal_leave: { vi: 'Nghỉ việc riêng', en: 'Personal leave' },
  ppe: { vi: 'Phương tiện bảo vệ cá nhân', en: 'Protective equipment' },
  principles: { vi: 'Mục đích, nguyên tắc', en: 'Purpose and principles' },
  probation: { vi: 'Thử việc', en: 'Probation' },
  procedure: { vi: 'Trình tự, thủ tục', en: 'Procedure' },
  raises: { vi: 'Nâng lương', en: 'Pay rises' },
  ratification: { vi: 'Lấy ý kiến, ký kết', en: 'Vote and signing' },
  registration: { vi: 'Đăng ký nội quy', en: 'Registration' },
  remedies: { vi: 'Khắc phục hậu quả', en: 'Remedies' },
  renewal: { vi: 'Gia hạn, ký mới', en: 'Renewal' },
  restructuring: { vi: 'Tổ chức lại doanh nghiệp', en: 'Restructuring' },
  scope: { vi: 'Phạm vi áp dụng', en: 'Scope' },
  severance: { vi: 'Trợ cấp thôi việc', en: 'Severance pay' },
  shifts: { vi: 'Ca làm việc', en: 'Shifts' },
  social_insurance: { vi: 'Bảo hiểm xã hội', en: 'Social insurance' },
  stoppage: { vi: 'Ngừng việc', en: 'Work stoppage' },
  suspension: { vi: 'Tạm đình chỉ công việc', en: 'Suspension' },
  term: { vi: 'Thời hạn', en: 'Term' },
  termination: { vi: 'Chấm dứt hợp đồng', en: 'Termination' },
  training: { vi: 'Đào tạo', en: 'Training' },
  transfer: { vi: 'Điều chuyển công việc', en: 'Transfers' },
  union: { vi: 'Công đoàn', en: 'Trade union' },
  union_fee: { vi: 'Kinh phí công đoàn', en: 'Union fee' },
  union_protection: { vi: 'Bảo vệ cán bộ công đoàn', en: 'Protection of union officers' },
  violence: { vi: 'Bạo lực tại nơi làm việc', en: 'Workplace violence' },
  wage_payment: { vi: 'Trả lương', en: 'Wage payment' },
  wages: { vi: 'Tiền lương', en: 'Wages' },
  weekly_rest: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest' },
  welfare: { vi: 'Phúc lợi', en: 'Welfare' },
  working_hours: { vi: 'Thời giờ làm việc', en: 'Working hours' },
  workplace_order: { vi: 'Trật tự tại nơi làm việc', en: 'Workplace order' },
};

/**
 * A topic as people read it: its name, or, for a topic someone typed for their own template (kept
 * as an id without diacritics, "phu_cap_an_ca"), its words.
 */
export function topicName(topic: string, language: Language): string {
  const name = Object.hasOwn(topicNames, topic) ? topicNames[topic] : undefined;
  return name ? name[language] : topic.replaceAll('_', ' ');
}

/** The topic a name stands for ("Kinh phí công đoàn", "union fee": `union_fee`), in either language; null when no topic has it. */
export function topicByName(name: string): string | null {
  const wanted = name.trim().toLocaleLowerCase('vi-VN');
  return (
    Object.keys(topicNames).find((topic) => [topicName(topic, 'vi'), topicName(topic, 'en')].some((known) => known.toLocaleLowerCase('vi-VN') === wanted)) ??
    null
  );
}
