/** The lifecycle states in words, for the rules' messages (the interface has its own labels in i18n). */
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Bilingual } from '#shared/templates/schema';

export const stateNames: Readonly<Record<LifecycleState, Bilingual>> = {
  drafting: { vi: 'Đang soạn thảo', en: 'drafting' },
  bargaining: { vi: 'Đang thương lượng', en: 'bargaining' },
  employee_vote: { vi: 'Lấy ý kiến người lao động', en: 'employee vote' },
  signed: { vi: 'Đã ký kết', en: 'signed' },
  submitted: { vi: 'Đã gửi cơ quan quản lý', en: 'sent to the authority' },
  in_force: { vi: 'Đang có hiệu lực', en: 'in force' },
  expiring: { vi: 'Sắp hết hạn', en: 'expiring' },
  expired: { vi: 'Đã hết hạn', en: 'expired' },
  union_consultation: { vi: 'Tham khảo ý kiến công đoàn', en: 'union consultation' },
  issued: { vi: 'Đã ban hành', en: 'issued' },
  registration_sent: { vi: 'Đã nộp hồ sơ đăng ký', en: 'registration dossier sent' },
};
