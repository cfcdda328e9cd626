/**
 * The procedural checklist a reviewer of the labour authority reads beside the compliance report:
 * was the procedure the law sets followed, on time, with the required majority and documents?
 * Each item cites its provision and says what was found, in both languages.
 */
import type { IsoDate } from '#shared/calendar/isoDate';
import { lc } from '#shared/compliance/citations';
import { isCollectiveAgreement } from '#shared/documents/kinds';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import { formatIsoDate } from '#shared/format/vietnamTime';
import { deadlinesOf, type Deadline, type DeadlineId } from '#shared/lifecycle/deadlines';
import type { RoundFacts, Signature } from '#shared/lifecycle/model';
import { decidingVote, type LifecycleRecord } from '#shared/lifecycle/record';
import { missingDossierItems } from '#shared/lifecycle/regulationsMachine';
import { bargainingSideNames } from '#shared/lifecycle/stateNames';
import { describeVote, voteCitation } from '#shared/lifecycle/vote';
import { articleList } from '#shared/lifecycle/voteReadiness';

/** ok: in order; problem: the law was not followed; pending: not yet due or not yet done; info: for the record. */
export type ChecklistStatus = 'ok' | 'problem' | 'pending' | 'info';

export interface ChecklistItem {
  id: string;
  status: ChecklistStatus;
  citation: LegalCitation;
  message: Bilingual;
}

/** Facts of the text the checklist compares with the recorded steps. */
export interface TextFacts {
  headcount?: number;
  effectiveDate?: IsoDate;
  termYears?: number;
}

const d = formatIsoDate;

function deadlineItem(deadlines: readonly Deadline[], id: DeadlineId, what: Bilingual): ChecklistItem | null {
  const deadline = deadlines.find((candidate) => candidate.id === id);
  if (!deadline) return null;
  if (deadline.status === 'uncounted') {
    // Not a breach, but nobody can say whether the time limit was kept: the reader counts by hand.
    const done = deadline.doneOn === undefined ? null : d(deadline.doneOn);
    return {
      id,
      status: 'info',
      citation: deadline.citation,
      message: {
        vi: `${what.vi}: ${done ? `ngày ${done}` : 'chưa thực hiện'} — ${deadline.reason.vi}`,
        en: `${what.en}: ${done ? `on ${done}` : 'not done yet'} — ${deadline.reason.en}`,
      },
    };
  }
  const due = d(deadline.due);
  if (deadline.status === 'met' || deadline.status === 'missed') {
    const done = d(deadline.doneOn ?? deadline.due);
    const late = deadline.status === 'missed';
    return {
      id,
      status: late ? 'problem' : 'ok',
      citation: deadline.citation,
      message: {
        vi: `${what.vi}: ngày ${done}, thời hạn ${due} — ${late ? 'quá hạn' : 'đúng hạn'}`,
        en: `${what.en}: on ${done}, due ${due} — ${late ? 'late' : 'in time'}`,
      },
    };
  }
  const overdue = deadline.left < 0;
  const unit = deadline.unit === 'working_days' ? { vi: 'ngày làm việc', en: 'working days' } : { vi: 'ngày', en: 'days' };
  return {
    id,
    status: overdue ? 'problem' : 'pending',
    citation: deadline.citation,
    message: overdue
      ? {
          vi: `${what.vi}: chưa thực hiện, đã quá hạn ${due} (${-deadline.left} ${unit.vi})`,
          en: `${what.en}: not done, overdue since ${due} (${-deadline.left} ${unit.en})`,
        }
      : {
          vi: `${what.vi}: chưa thực hiện, hạn ${due} (còn ${deadline.left} ${unit.vi})`,
          en: `${what.en}: not done yet, due ${due} (${deadline.left} ${unit.en} left)`,
        },
  };
}

function voteItems(record: LifecycleRecord, round: RoundFacts, text: TextFacts): ChecklistItem[] {
  const citation = voteCitation(record.kind);
  const vote = decidingVote(round) ?? round.votes.at(-1);
  if (!vote)
    return [
      {
        id: 'vote',
        status: round.signing ? 'problem' : 'pending',
        citation,
        message: { vi: 'Chưa ghi nhận kết quả lấy ý kiến người lao động', en: 'No employee vote is recorded' },
      },
    ];
  const items: ChecklistItem[] = [
    {
      id: 'vote',
      status: vote.passed ? 'ok' : 'problem',
      citation,
      message: { vi: `Biểu quyết ngày ${d(vote.votedOn)}: ${describeVote(vote).vi}`, en: `Vote of ${d(vote.votedOn)}: ${describeVote(vote).en}` },
    },
  ];
  const group = vote.groups[0];
  if (record.kind === 'enterprise_agreement' && group && text.headcount !== undefined && text.headcount > group.eligible) {
    // Art. 76(1) counts every worker of the enterprise; a smaller base overstates the majority.
    const passesOnHeadcount = group.inFavour * 2 > text.headcount;
    items.push({
      id: 'vote_base',
      status: passesOnHeadcount ? 'info' : 'problem',
      citation: lc(76, 1),
      message: {
        vi: `Biểu quyết tính trên ${group.eligible} người nhưng văn bản ghi doanh nghiệp có ${text.headcount} người lao động; tỷ lệ phải tính trên toàn bộ người lao động${passesOnHeadcount ? ' (vẫn đạt trên 50%)' : ` — ${group.inFavour}/${text.headcount} không đạt trên 50%`}`,
        en: `The vote counts ${group.eligible} people but the text gives the enterprise ${text.headcount} workers; the share is of all workers${passesOnHeadcount ? ' (still more than 50%)' : ` — ${group.inFavour} of ${text.headcount} is not more than 50%`}`,
      },
    });
  }
  if (record.kind === 'multi_enterprise_agreement' && round.signing) {
    const names = round.signing.signatories.join(', ');
    items.push({
      id: 'signatories',
      status: 'info',
      citation: lc(76, 2),
      message: { vi: `Chỉ các doanh nghiệp có trên 50% tán thành được ký: ${names}`, en: `Only enterprises with more than 50% in favour may sign: ${names}` },
    });
  }
  return items;
}

/** What the draft held when it went to the vote: every article agreed, some left out (Art. 71), or the union's reason; the violations open then. */
function draftItems(round: RoundFacts): ChecklistItem[] {
  const draft = round.putToVote;
  if (!draft) return [];
  const leftOut = draft.notAgreed.filter((article) => article.leftOut);
  const overridden = draft.notAgreed.filter((article) => !article.leftOut);
  const counted = {
    vi: `${draft.agreedCount}/${draft.articleCount} điều được hai bên thống nhất`,
    en: `${draft.agreedCount} of ${draft.articleCount} articles agreed by both sides`,
  };
  const items: ChecklistItem[] = [];
  if (draft.notAgreed.length === 0) {
    items.push({
      id: 'vote_draft',
      status: 'ok',
      citation: lc(76, 1),
      message: { vi: `Dự thảo đưa ra lấy ý kiến: ${counted.vi}`, en: `Draft put to the vote: ${counted.en}` },
    });
  }
  if (leftOut.length > 0) {
    const list = articleList(leftOut);
    items.push({
      id: 'vote_left_out',
      status: 'info',
      citation: lc(71),
      message: {
        vi: `Dự thảo đưa ra lấy ý kiến: ${counted.vi}; để ngoài thỏa ước, chưa đạt được thỏa thuận: ${list.vi}`,
        en: `Draft put to the vote: ${counted.en}; left out of the agreement as not agreed: ${list.en}`,
      },
    });
  }
  if (draft.override && overridden.length > 0) {
    const list = articleList(overridden);
    const by = draft.override.byName ?? '—';
    items.push({
      id: 'vote_override',
      status: 'info',
      citation: lc(71),
      message: {
        vi: `Dự thảo được đưa ra lấy ý kiến khi còn điều chưa thống nhất: ${list.vi}; lý do của tổ chức đại diện người lao động (${by}): ${draft.override.reason}`,
        en: `The draft was put to the vote with articles not agreed: ${list.en}; the worker representative organisation's reason (${by}): ${draft.override.reason}`,
      },
    });
  }
  draft.violations.forEach((violation, index) => {
    const where = violation.articles.length > 0 ? articleList(violation.articles) : { vi: 'toàn văn bản', en: 'the whole document' };
    items.push({
      id: `vote_violation_${index + 1}`,
      status: 'info',
      citation: violation.citation,
      message: {
        vi: `Vi phạm còn tồn tại khi đưa dự thảo ra lấy ý kiến: ${violation.rule.vi} — ${where.vi}`,
        en: `Violation open when the draft was put to the vote: ${violation.rule.en} — ${where.en}`,
      },
    });
  });
  return items;
}

function signatureText(signature: Signature): Bilingual {
  const who = `${signature.representative.name} (${signature.representative.title})`;
  return {
    vi: `${who} ký cho ${bargainingSideNames[signature.side].vi} tại ${signature.place} ngày ${d(signature.signedOn)}`,
    en: `${who} signed for ${bargainingSideNames[signature.side].en} at ${signature.place} on ${d(signature.signedOn)}`,
  };
}

/** Art. 76(4): the legal representatives of both parties sign; one signature alone does not make the agreement signed. */
function signatureItem(round: RoundFacts): ChecklistItem | null {
  const recorded = round.signing ? round.signing.signatures : round.signatures;
  if (round.signing && !recorded) {
    return {
      id: 'signatures',
      status: 'info',
      citation: lc(76, 4),
      message: {
        vi: 'Việc ký kết được ghi nhận trong một bước, không ghi chữ ký của từng bên',
        en: "The signing was recorded in one step, without each side's signature",
      },
    };
  }
  const signatures = [recorded?.employer, recorded?.union].filter((signature): signature is Signature => signature !== undefined);
  if (signatures.length === 0) return null;
  const texts = signatures.map(signatureText);
  const joined = { vi: texts.map((text) => text.vi).join('; '), en: texts.map((text) => text.en).join('; ') };
  if (signatures.length === 2) return { id: 'signatures', status: 'ok', citation: lc(76, 4), message: joined };
  const missing = bargainingSideNames[signatures[0]?.side === 'employer' ? 'union' : 'employer'];
  return {
    id: 'signatures',
    status: 'pending',
    citation: lc(76, 4),
    message: { vi: `${joined.vi}; còn chờ chữ ký của ${missing.vi}`, en: `${joined.en}; awaiting the signature of ${missing.en}` },
  };
}

function agreementChecklist(record: LifecycleRecord, today: IsoDate, text: TextFacts): ChecklistItem[] {
  const round = record.current;
  const deadlines = deadlinesOf(record, today);
  const items: (ChecklistItem | null)[] = [
    deadlineItem(deadlines, 'bargaining_start', {
      vi: 'Bắt đầu thương lượng trong 30 ngày kể từ khi nhận yêu cầu',
      en: 'Bargaining started within 30 days of the request',
    }),
    deadlineItem(deadlines, 'bargaining_conclusion', {
      vi: 'Kết thúc thương lượng trong 90 ngày kể từ ngày bắt đầu (trừ khi hai bên thỏa thuận khác)',
      en: 'Bargaining concluded within 90 days of its start (unless agreed otherwise)',
    }),
    ...draftItems(round),
    ...voteItems(record, round, text),
    signatureItem(round),
  ];
  const { signing } = round;
  if (!signing)
    return [
      ...items.filter((item): item is ChecklistItem => item !== null),
      { id: 'signing', status: 'pending', citation: lc(76, 4), message: { vi: 'Thỏa ước chưa được ký', en: 'The agreement has not been signed' } },
    ];
  const vote = decidingVote(round);
  items.push({
    id: 'signing',
    status: vote && vote.votedOn <= signing.signedOn ? 'ok' : 'problem',
    citation: lc(76, 1),
    message: { vi: `Ký ngày ${d(signing.signedOn)}, sau khi biểu quyết đạt`, en: `Signed on ${d(signing.signedOn)}, after the vote passed` },
  });
  const source = {
    agreed: { vi: 'do các bên thỏa thuận', en: 'as agreed' },
    text: { vi: 'ghi trong thỏa ước', en: 'as written in the agreement' },
    signing_date: { vi: 'ngày ký, vì không có thỏa thuận khác', en: 'the signing date, none being agreed' },
  }[signing.effectiveSource];
  const retroactive = signing.effectiveOn < signing.signedOn;
  const textDiffers = text.effectiveDate !== undefined && text.effectiveDate !== signing.effectiveOn;
  items.push({
    id: 'effective_date',
    status: retroactive || textDiffers ? 'problem' : 'ok',
    citation: lc(78, 1),
    message: {
      vi: `Hiệu lực từ ${d(signing.effectiveOn)} (${source.vi})${retroactive ? ' — trước ngày ký' : ''}${textDiffers && text.effectiveDate ? ` — văn bản ghi ${d(text.effectiveDate)}` : ''}`,
      en: `In force from ${d(signing.effectiveOn)} (${source.en})${retroactive ? ' — before the signing date' : ''}${textDiffers && text.effectiveDate ? ` — the text says ${d(text.effectiveDate)}` : ''}`,
    },
  });
  const years = signing.termMonths / 12;
  const termDiffers = text.termYears !== undefined && Math.round(text.termYears * 12) !== signing.termMonths;
  items.push({
    id: 'term',
    status: signing.termMonths >= 12 && signing.termMonths <= 36 && !termDiffers ? 'ok' : 'problem',
    citation: lc(78, 3),
    message: {
      vi: `Thời hạn ${signing.termMonths} tháng (${years} năm), đến hết ngày ${d(signing.expiresOn)}${termDiffers ? ` — văn bản ghi ${text.termYears} năm` : ''}`,
      en: `Term of ${signing.termMonths} months (${years} years), until ${d(signing.expiresOn)}${termDiffers ? ` — the text says ${text.termYears} years` : ''}`,
    },
  });
  items.push(
    deadlineItem(deadlines, 'filing', {
      vi: 'Gửi thỏa ước đến Sở Nội vụ trong 10 ngày kể từ ngày ký',
      en: 'Sent to the Department of Home Affairs within 10 days of signing',
    }),
  );
  return items.filter((item): item is ChecklistItem => item !== null);
}

function regulationsChecklist(record: LifecycleRecord, today: IsoDate, text: TextFacts): ChecklistItem[] {
  const round = record.current;
  const deadlines = deadlinesOf(record, today);
  const items: (ChecklistItem | null)[] = [];
  if (text.headcount !== undefined && text.headcount < 10) {
    items.push({
      id: 'headcount',
      status: 'info',
      citation: lc(119, 1),
      message: {
        vi: `Doanh nghiệp có ${text.headcount} người lao động: dưới 10 người không bắt buộc đăng ký nội quy`,
        en: `The enterprise has ${text.headcount} workers: below 10, registration is not mandatory`,
      },
    });
  }
  const opinion = round.consultation?.opinion;
  items.push(
    round.issue?.withoutUnion
      ? {
          id: 'consultation',
          status: 'info',
          citation: lc(118, 3),
          message: {
            vi: 'Người sử dụng lao động xác nhận không có tổ chức đại diện người lao động tại cơ sở',
            en: 'The employer states there is no grassroots worker representative organisation',
          },
        }
      : opinion
        ? {
            id: 'consultation',
            status: 'ok',
            citation: lc(118, 3),
            message: {
              vi: `Đã tham khảo ý kiến tổ chức đại diện người lao động; ý kiến bằng văn bản nhận ngày ${d(opinion.receivedOn)}`,
              en: `The worker representative organisation was consulted; its written opinion was received on ${d(opinion.receivedOn)}`,
            },
          }
        : {
            id: 'consultation',
            status: round.issue ? 'problem' : 'pending',
            citation: lc(118, 3),
            message: {
              vi: 'Chưa có ý kiến bằng văn bản của tổ chức đại diện người lao động',
              en: 'No written opinion of the worker representative organisation is recorded',
            },
          },
  );
  items.push(
    round.issue
      ? {
          id: 'issued',
          status: 'ok',
          citation: lc(118, 1),
          message: { vi: `Ban hành ngày ${d(round.issue.issuedOn)}`, en: `Issued on ${d(round.issue.issuedOn)}` },
        }
      : { id: 'issued', status: 'pending', citation: lc(118, 1), message: { vi: 'Nội quy chưa được ban hành', en: 'The regulations have not been issued' } },
  );
  items.push(
    deadlineItem(deadlines, 'registration_filing', {
      vi: 'Nộp hồ sơ đăng ký trong 10 ngày kể từ ngày ban hành',
      en: 'Registration filed within 10 days of issue',
    }),
  );
  const registration = round.registration;
  if (registration) {
    const needsOpinion = !round.issue?.withoutUnion;
    const missing = missingDossierItems(registration.dossier, needsOpinion);
    const dossierItems: [string, boolean, Bilingual][] = [
      ['dossier_request', registration.dossier.request, { vi: 'Văn bản đề nghị đăng ký', en: 'Request for registration' }],
      ['dossier_regulations', registration.dossier.regulations, { vi: 'Nội quy lao động', en: 'The labour regulations' }],
    ];
    if (needsOpinion)
      dossierItems.push([
        'dossier_union_opinion',
        registration.dossier.unionOpinion,
        { vi: 'Văn bản góp ý của tổ chức đại diện người lao động', en: 'Written opinion of the worker representative organisation' },
      ]);
    for (const [id, present, what] of dossierItems)
      items.push({
        id,
        status: present ? 'ok' : 'problem',
        citation: lc(120),
        message: { vi: `${what.vi}: ${present ? 'có' : 'thiếu'}`, en: `${what.en}: ${present ? 'included' : 'missing'}` },
      });
    const discipline = registration.dossier.disciplineDocuments;
    items.push({
      id: 'dossier_discipline',
      status: discipline === 'missing' ? 'problem' : 'ok',
      citation: lc(120, 4),
      message: {
        vi: `Văn bản về kỷ luật lao động, trách nhiệm vật chất: ${{ none: 'không có', included: 'có', missing: 'thiếu' }[discipline]}`,
        en: `Documents on discipline and material liability: ${{ none: 'none exist', included: 'included', missing: 'missing' }[discipline]}`,
      },
    });
    if (missing.length === 0)
      items.push(
        deadlineItem(deadlines, 'authority_answer', {
          vi: 'Cơ quan quản lý thông báo yêu cầu sửa đổi trong 07 ngày làm việc kể từ khi nhận hồ sơ',
          en: 'The authority asks for amendments within 7 working days of receiving the dossier',
        }),
      );
    const effect = deadlines.find((deadline) => deadline.id === 'regulations_effect');
    if (effect && effect.status !== 'uncounted')
      items.push({
        id: 'effect',
        status: 'info',
        citation: lc(121),
        message: {
          vi: `Có hiệu lực từ ngày ${d(effect.due)} (15 ngày kể từ khi nhận đủ hồ sơ)`,
          en: `In force from ${d(effect.due)} (15 days after the complete dossier was received)`,
        },
      });
  }
  return items.filter((item): item is ChecklistItem => item !== null);
}

/** The procedural checklist of the round in progress, as of today. */
export function proceduralChecklist(record: LifecycleRecord, today: IsoDate, text: TextFacts = {}): ChecklistItem[] {
  return isCollectiveAgreement(record.kind) ? agreementChecklist(record, today, text) : regulationsChecklist(record, today, text);
}
