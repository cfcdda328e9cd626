/** The lifecycle states and the bargaining sides in words, for the rules' messages (the interface has its own labels in i18n). */
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { BargainingSide } from '#shared/negotiation/model';
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

/** The two bargaining parties inside a sentence ("the signature of the employer side"). */
export const bargainingSideNames: Readonly<Record<BargainingSide, Bilingual>> = {
  employer: { vi: 'bên người sử dụng lao động', en: 'the employer side' },
  union: { vi: 'bên người lao động', en: 'the worker side' },
};
