/**
 * Who may take each step of the lifecycle, with the provision that gives them the role. The host
 * (the person running the server) takes part through a participant seat, except that the host may
 * record a side's signature: the signatures are the legal representatives' (Art. 76(4)), and
 * whoever holds the signed copy may record it, naming the side. A participant records only their
 * own side's signature (agreementMachine.ts).
 */
import { lc, d145 } from '#shared/compliance/citations';
import type { Side } from '#shared/sides';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import type { LifecycleActionType } from '#shared/lifecycle/model';

/** Who is taking a step: a participant of a side, or the host. */
export type LifecycleActor = { kind: 'participant'; side: Side } | { kind: 'host' };

export interface StepPermission {
  sides: readonly Side[];
  host: boolean;
  citation: LegalCitation;
  /** Why these people, in words (shown when someone else tries). */
  who: Bilingual;
}

const bothSides = ['employer', 'union'] as const;

export const stepPermissions: Readonly<Record<LifecycleActionType, StepPermission>> = {
  // Art. 70(1): each party has the right to request bargaining.
  request_bargaining: {
    sides: bothSides,
    host: false,
    citation: lc(70, 1),
    who: { vi: 'mỗi bên thương lượng đều có quyền yêu cầu thương lượng', en: 'either bargaining party may request bargaining' },
  },
  record_bargaining_dates: { sides: bothSides, host: false, citation: lc(70, 1), who: { vi: 'hai bên thương lượng', en: 'the two bargaining parties' } },
  // Art. 71, 76(3): the worker representative organisation puts the draft to the vote, so it states which articles not agreed stay outside it.
  leave_out_article: {
    sides: ['union'],
    host: false,
    citation: lc(76, 3),
    who: {
      vi: 'tổ chức đại diện người lao động, bên đưa dự thảo ra lấy ý kiến, quyết định để điều chưa thống nhất ra ngoài thỏa ước',
      en: 'the worker representative organisation, which puts the draft to the vote, leaves articles not agreed out of the agreement',
    },
  },
  withdraw_leave_out: {
    sides: ['union'],
    host: false,
    citation: lc(76, 3),
    who: {
      vi: 'tổ chức đại diện người lao động, bên đã để điều khoản ra ngoài thỏa ước',
      en: 'the worker representative organisation, which left the article out',
    },
  },
  // Art. 76(3): the worker representative organisation decides the time, place and method of the vote.
  open_vote: {
    sides: ['union'],
    host: false,
    citation: lc(76, 3),
    who: {
      vi: 'tổ chức đại diện người lao động quyết định thời gian, địa điểm và cách thức lấy ý kiến',
      en: 'the worker representative organisation decides the time, place and method of the vote',
    },
  },
  return_to_bargaining: { sides: bothSides, host: false, citation: lc(70, 1), who: { vi: 'hai bên thương lượng', en: 'the two bargaining parties' } },
  // Art. 76(3); Decree 145 Art. 45(1)(d): the workers decide, through their representative organisation.
  record_vote: {
    sides: ['union'],
    host: false,
    citation: lc(76, 3),
    who: {
      vi: 'tổ chức đại diện người lao động tổ chức lấy ý kiến và ghi nhận kết quả',
      en: 'the worker representative organisation holds the vote and records its result',
    },
  },
  // Art. 76(4): signed by the legal representatives of the parties; each side records its own signature, or the host one side's.
  sign: {
    sides: bothSides,
    host: true,
    citation: lc(76, 4),
    who: {
      vi: 'mỗi bên ghi nhận chữ ký của đại diện bên mình, hoặc người quản trị ghi nhận thay cho một bên',
      en: "each party records its own representative's signature, or the host records one on a party's behalf",
    },
  },
  // Art. 77: the employer party sends the agreement to the provincial labour authority.
  send_to_authority: {
    sides: ['employer'],
    host: false,
    citation: lc(77),
    who: {
      vi: 'người sử dụng lao động gửi thỏa ước đến cơ quan chuyên môn về lao động cấp tỉnh (Sở Nội vụ)',
      en: 'the employer sends the agreement to the provincial labour authority (Department of Home Affairs)',
    },
  },
  // Art. 82(1): amended only by voluntary agreement through bargaining, which either party may request.
  open_amendment: {
    sides: bothSides,
    host: false,
    citation: lc(82, 1),
    who: { vi: 'mỗi bên đều có quyền yêu cầu sửa đổi, bổ sung', en: 'either party may request an amendment' },
  },
  // Art. 118(3); Decree 145 Art. 41(1)(a): the employer sends the draft to the representative organisation.
  start_consultation: {
    sides: ['employer'],
    host: false,
    citation: lc(118, 3),
    who: { vi: 'người sử dụng lao động gửi dự thảo để tham khảo ý kiến', en: 'the employer sends the draft for consultation' },
  },
  // Decree 145 Art. 41(1)(b): the representative organisation answers in writing.
  record_union_opinion: {
    sides: ['union'],
    host: false,
    citation: d145(41, 1),
    who: { vi: 'tổ chức đại diện người lao động có ý kiến bằng văn bản', en: 'the worker representative organisation gives its opinion in writing' },
  },
  // Art. 118(1): the employer issues the labour regulations.
  issue: {
    sides: ['employer'],
    host: false,
    citation: lc(118, 1),
    who: { vi: 'người sử dụng lao động ban hành nội quy lao động', en: 'the employer issues the labour regulations' },
  },
  // Art. 119(1): the employer registers them with the provincial labour authority.
  send_registration: {
    sides: ['employer'],
    host: false,
    citation: lc(119, 1),
    who: { vi: 'người sử dụng lao động đăng ký nội quy lao động', en: 'the employer registers the labour regulations' },
  },
  // Art. 93(2): the employer consults the representative organisation on the salary scale; either side records that it did.
  record_scale_consultation: {
    sides: bothSides,
    host: false,
    citation: lc(93, 2),
    who: {
      vi: 'hai bên: người sử dụng lao động tham khảo ý kiến tổ chức đại diện người lao động',
      en: 'the two sides: the employer consults the worker representative organisation',
    },
  },
  // Art. 93(3): the employer publishes the scale at the workplace before applying it.
  publish_salary_scale: {
    sides: ['employer'],
    host: false,
    citation: lc(93, 3),
    who: { vi: 'người sử dụng lao động công bố công khai thang lương, bảng lương', en: 'the employer publishes the salary scale' },
  },
  // Art. 119(3): the authority answers; Art. 77 for agreements it receives.
  record_authority_answer: {
    sides: ['reviewer'],
    host: false,
    citation: lc(119, 3),
    who: { vi: 'cơ quan chuyên môn về lao động (người thẩm định)', en: 'the labour authority (the reviewer)' },
  },
};

/** Amending labour regulations is the employer's (Art. 118(1), (3)); for agreements either party may ask (Art. 82). */
export const regulationsAmendmentPermission: StepPermission = {
  sides: ['employer'],
  host: false,
  citation: lc(118, 3),
  who: {
    vi: 'người sử dụng lao động sửa đổi, bổ sung nội quy lao động sau khi tham khảo ý kiến tổ chức đại diện người lao động',
    en: 'the employer amends the labour regulations, after consulting the worker representative organisation',
  },
};

/** Whether an actor holds a permission. */
export function isPermitted(permission: StepPermission, actor: LifecycleActor): boolean {
  return actor.kind === 'host' ? permission.host : permission.sides.includes(actor.side);
}
