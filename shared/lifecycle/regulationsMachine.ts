/**
 * The lifecycle of internal labour regulations (nội quy lao động), as a pure function:
 *
 *   drafting → union_consultation → issued → registration_sent → (authority's answer) → in_force
 *      ↑                                                │ amendments requested (Art. 119(3))
 *      └────────────────────────── amendment ───────────┘
 *
 * Consulting the union is required where one exists (Art. 118(3); Decree 145 Art. 41); registration
 * within 10 days of issue (Art. 119(2)) with the dossier of Art. 120; effect 15 days after a complete
 * dossier (Art. 121), computed in timeStates.ts.
 */
import { d145, lc } from '#shared/compliance/citations';
import type { LifecycleState } from '#shared/documents/lifecycleStates';
import type { Bilingual, LegalCitation } from '#shared/templates/schema';
import type { Dossier, LifecycleStep } from '#shared/lifecycle/model';
import type { LifecycleRecord } from '#shared/lifecycle/record';
import { allowed, dateBefore, firstRefusal, futureDate, refusal, type StepDecision, type StepEnvironment } from '#shared/lifecycle/refusals';
import { stateNames } from '#shared/lifecycle/stateNames';

function inState(state: LifecycleState, expected: readonly LifecycleState[], what: Bilingual, citation: LegalCitation): StepDecision | null {
  if (expected.includes(state)) return null;
  const names = expected.map((name) => stateNames[name]);
  return refusal('conflict', citation, {
    vi: `${what.vi} chỉ khi nội quy ở trạng thái ${names.map((name) => `“${name.vi}”`).join(' hoặc ')}; hiện đang “${stateNames[state].vi}”`,
    en: `${what.en} only when the regulations are ${names.map((name) => `“${name.en}”`).join(' or ')}; they are “${stateNames[state].en}”`,
  });
}

/** The items of Art. 120 a dossier lacks; the union's opinion is needed only where the union was consulted. */
export function missingDossierItems(dossier: Dossier, needsUnionOpinion: boolean): Bilingual[] {
  const missing: Bilingual[] = [];
  if (!dossier.request) missing.push({ vi: 'văn bản đề nghị đăng ký (khoản 1 Điều 120)', en: 'the request for registration (Art. 120(1))' });
  if (!dossier.regulations) missing.push({ vi: 'nội quy lao động (khoản 2 Điều 120)', en: 'the labour regulations (Art. 120(2))' });
  if (needsUnionOpinion && !dossier.unionOpinion)
    missing.push({
      vi: 'văn bản góp ý của tổ chức đại diện người lao động (khoản 3 Điều 120)',
      en: 'the written opinion of the worker representative organisation (Art. 120(3))',
    });
  if (dossier.disciplineDocuments === 'missing')
    missing.push({
      vi: 'các văn bản quy định về kỷ luật lao động, trách nhiệm vật chất (khoản 4 Điều 120)',
      en: 'the documents on discipline and material liability (Art. 120(4))',
    });
  return missing;
}

/** Whether a step may be taken on labour regulations, and what it records. */
export function decideRegulationsStep(record: LifecycleRecord, state: LifecycleState, step: LifecycleStep, env: StepEnvironment): StepDecision {
  const { today } = env;
  const round = record.current;
  switch (step.type) {
    case 'start_consultation':
      // Art. 118(3); Decree 145 Art. 41(1)(a): the employer sends the draft to the representative organisation.
      return (
        firstRefusal(
          inState(state, ['drafting'], { vi: 'Dự thảo được gửi tham khảo ý kiến', en: 'The draft is sent for consultation' }, lc(118, 3)),
          futureDate(step.sentOn, { vi: 'Ngày gửi dự thảo', en: 'The date the draft was sent' }, today),
        ) ?? allowed('union_consultation', { type: 'start_consultation', sentOn: step.sentOn })
      );
    case 'record_union_opinion': {
      const wrongState = inState(
        state,
        ['union_consultation'],
        { vi: 'Ý kiến của công đoàn được ghi nhận', en: "The union's opinion is recorded" },
        d145(41, 1),
      );
      if (wrongState) return wrongState;
      return (
        firstRefusal(
          futureDate(step.receivedOn, { vi: 'Ngày nhận văn bản góp ý', en: 'The date the opinion was received' }, today),
          round.consultation
            ? dateBefore(
                step.receivedOn,
                { vi: 'Ngày nhận văn bản góp ý', en: 'The date the opinion was received' },
                round.consultation.sentOn,
                { vi: 'ngày gửi dự thảo', en: 'the draft was sent' },
                d145(41, 1),
              )
            : null,
        ) ?? allowed('union_consultation', { type: 'record_union_opinion', receivedOn: step.receivedOn, opinion: step.opinion })
      );
    }
    case 'issue': {
      const what = { vi: 'Nội quy lao động được ban hành', en: 'The regulations are issued' };
      if (step.withoutUnion) {
        // Art. 118(3) requires consultation "where a grassroots representative organisation exists".
        const wrongState = inState(state, ['drafting', 'union_consultation'], what, lc(118, 1));
        if (wrongState) return wrongState;
        if (env.hasUnionParticipant)
          return refusal('conflict', lc(118, 3), {
            vi: 'Văn bản có đại diện công đoàn tham gia: phải tham khảo ý kiến tổ chức đại diện người lao động trước khi ban hành',
            en: 'A union representative takes part in this document: the worker representative organisation must be consulted before the regulations are issued',
          });
      } else {
        const wrongState = inState(state, ['union_consultation'], what, lc(118, 3));
        if (wrongState) return wrongState;
        if (!round.consultation?.opinion)
          return refusal('conflict', lc(118, 3), {
            vi: 'Chưa có ý kiến bằng văn bản của tổ chức đại diện người lao động: phải tham khảo ý kiến trước khi ban hành',
            en: 'The written opinion of the worker representative organisation has not been recorded: it must be consulted before the regulations are issued',
          });
      }
      const earliest = round.consultation?.opinion?.receivedOn;
      return (
        firstRefusal(
          futureDate(step.issuedOn, { vi: 'Ngày ban hành', en: 'The date of issue' }, today),
          earliest && !step.withoutUnion
            ? dateBefore(
                step.issuedOn,
                { vi: 'Ngày ban hành', en: 'The date of issue' },
                earliest,
                { vi: 'ngày nhận ý kiến của công đoàn', en: "the union's opinion" },
                lc(118, 3),
              )
            : null,
        ) ?? allowed('issued', { type: 'issue', issuedOn: step.issuedOn, withoutUnion: step.withoutUnion })
      );
    }
    case 'send_registration': {
      const wrongState = inState(state, ['issued'], { vi: 'Hồ sơ đăng ký được nộp', en: 'The registration dossier is filed' }, lc(119, 1));
      if (wrongState || !round.issue)
        return wrongState ?? refusal('conflict', lc(119, 2), { vi: 'Nội quy chưa được ban hành', en: 'The regulations have not been issued' });
      const missing = missingDossierItems(step.dossier, !round.issue.withoutUnion);
      if (missing.length > 0) {
        return refusal('invalid_input', lc(120), {
          vi: `Hồ sơ đăng ký còn thiếu: ${missing.map((item) => item.vi).join('; ')}`,
          en: `The registration dossier lacks ${missing.map((item) => item.en).join('; ')}`,
        });
      }
      // Art. 119(2): within 10 days of issue; a late filing is still filed, and shown as late.
      return (
        firstRefusal(
          futureDate(step.filedOn, { vi: 'Ngày nộp hồ sơ', en: 'The filing date' }, today),
          dateBefore(
            step.filedOn,
            { vi: 'Ngày nộp hồ sơ', en: 'The filing date' },
            round.issue.issuedOn,
            { vi: 'ngày ban hành', en: 'the date of issue' },
            lc(119, 2),
          ),
        ) ??
        allowed('registration_sent', {
          type: 'send_registration',
          filedOn: step.filedOn,
          dossier: step.dossier,
          ...(step.authority ? { authority: step.authority } : {}),
          ...(step.authorityId ? { authorityId: step.authorityId } : {}),
        })
      );
    }
    case 'open_amendment': {
      // Art. 119(3): amend and register again when the authority asks; Art. 118(3): consult the union again.
      const wrongState = inState(
        state,
        ['issued', 'registration_sent', 'in_force'],
        { vi: 'Nội quy được sửa đổi, bổ sung', en: 'The regulations are amended' },
        lc(118, 3),
      );
      if (wrongState) return wrongState;
      return (
        futureDate(step.requestReceivedOn, { vi: 'Ngày quyết định sửa đổi', en: 'The date of the decision to amend' }, today) ??
        allowed('drafting', {
          type: 'open_amendment',
          requestReceivedOn: step.requestReceivedOn,
          ...(step.reason ? { reason: step.reason } : {}),
          basis: 'amendment',
        })
      );
    }
    default:
      return refusal('invalid_input', undefined, { vi: 'Bước này không áp dụng cho nội quy lao động', en: 'This step does not apply to labour regulations' });
  }
}
