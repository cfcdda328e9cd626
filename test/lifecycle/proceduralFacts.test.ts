import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '#shared/documents/kinds';
import type { LifecycleEventRecord, Signing } from '#shared/lifecycle/model';
import { checkDocument } from '#shared/compliance/checkDocument';
import { complianceInputFor } from '#shared/lifecycle/complianceInput';
import { documentDate, factChanges, isProceduralFact, recordedFactValues, withoutFacts } from '#shared/lifecycle/proceduralFacts';
import { foldEvents } from '#shared/lifecycle/record';
import { countVote } from '#shared/lifecycle/vote';
import type { VoteGroup } from '#shared/lifecycle/model';

// The procedural facts of a text (the vote, the signing, the issue) as the lifecycle record gives
// them: nothing before the step that records them, nothing once a new round starts (decision 0013).

type Step = Pick<LifecycleEventRecord, 'to' | 'facts'>;

const toVote: Step[] = [
  { to: 'bargaining', facts: { type: 'request_bargaining', requestReceivedOn: '2027-01-04', requestedBy: 'union' } },
  { to: 'employee_vote', facts: { type: 'open_vote', concludedOn: '2027-01-20' } },
];
const vote = (kind: DocumentKind, groups: VoteGroup[], votedOn = '2027-01-22'): Step => ({
  to: 'employee_vote',
  facts: { type: 'record_vote', vote: countVote(kind, votedOn, groups) },
});
const signing: Signing = {
  signedOn: '2027-01-27',
  effectiveOn: '2027-03-01',
  effectiveSource: 'agreed',
  termMonths: 36,
  expiresOn: '2030-02-28',
  signatories: [],
  signedVersionId: null,
};
const sign: Step = { to: 'signed', facts: { type: 'sign', signing } };
const factsAfter = (kind: DocumentKind, steps: Step[]) => recordedFactValues(kind, foldEvents(kind, steps).current);

describe('procedural facts from the lifecycle record', () => {
  it('has none for a draft, nor while the draft is before the workers', () => {
    expect(factsAfter('enterprise_agreement', [])).toEqual({});
    expect(factsAfter('enterprise_agreement', toVote)).toEqual({});
    expect(documentDate(foldEvents('enterprise_agreement', toVote).current)).toBeNull();
  });

  it('gives the passed vote of an enterprise (all its workers) and then the signing date', () => {
    const voted = [...toVote, vote('enterprise_agreement', [{ name: '', eligible: 1250, votesCast: 900, inFavour: 700 }])];
    expect(factsAfter('enterprise_agreement', voted)).toEqual({ vote_date: '2027-01-22', vote_total_workers: 1250, vote_in_favour: 700 });
    expect(factsAfter('enterprise_agreement', [...voted, sign])).toEqual({
      vote_date: '2027-01-22',
      vote_total_workers: 1250,
      vote_in_favour: 700,
      signing_date: '2027-01-27',
    });
    expect(documentDate(foldEvents('enterprise_agreement', [...voted, sign]).current)).toBe('2027-01-27');
  });

  it('gives those consulted for a sector, only the date for a multi-enterprise agreement (its counts are in its annex)', () => {
    expect(factsAfter('sector_agreement', [...toVote, vote('sector_agreement', [{ name: '', eligible: 40, inFavour: 21 }])])).toEqual({
      vote_date: '2027-01-22',
      sector_vote_consulted: 40,
      sector_vote_in_favour: 21,
    });
    const multi = vote('multi_enterprise_agreement', [
      { name: 'Công ty A', eligible: 100, inFavour: 60 },
      { name: 'Công ty B', eligible: 80, inFavour: 30 },
    ]);
    expect(factsAfter('multi_enterprise_agreement', [...toVote, multi])).toEqual({ vote_date: '2027-01-22' });
  });

  it('states no vote that failed, nor one whose draft went back to the table, nor any in a new round (an amendment needs its own)', () => {
    expect(factsAfter('enterprise_agreement', [...toVote, vote('enterprise_agreement', [{ name: '', eligible: 100, inFavour: 50 }])])).toEqual({});
    const passed = [...toVote, vote('enterprise_agreement', [{ name: '', eligible: 100, inFavour: 51 }])];
    expect(factsAfter('enterprise_agreement', [...passed, { to: 'bargaining', facts: { type: 'return_to_bargaining' } }])).toEqual({});
    const amended: Step = { to: 'bargaining', facts: { type: 'open_amendment', requestReceivedOn: '2027-06-01', basis: 'amendment' } };
    const record = foldEvents('enterprise_agreement', [...passed, sign, amended]);
    expect(recordedFactValues('enterprise_agreement', record.current)).toEqual({});
    expect(documentDate(record.current)).toBeNull();
  });

  it('dates issued labour regulations with their issue date', () => {
    const issued = foldEvents('labour_regulations', [{ to: 'issued', facts: { type: 'issue', issuedOn: '2027-02-03', withoutUnion: false } }]);
    expect(recordedFactValues('labour_regulations', issued.current)).toEqual({ issue_date: '2027-02-03' });
    expect(documentDate(issued.current)).toBe('2027-02-03');
  });

  it('are what the compliance check reads of the vote, whatever a document made before holds, and only once due', () => {
    // A draft made before decision 0013: the wizard wrote 100 workers and 51 votes, and 1,250 typed.
    const document = {
      kind: 'enterprise_agreement' as const,
      blocks: [],
      variables: { headcount: 1250, vote_total_workers: 100, vote_in_favour: 51 },
      language: 'vi' as const,
    };
    const draft = complianceInputFor(document, foldEvents('enterprise_agreement', toVote).current, '2027-01-21');
    expect(draft.variables).toEqual({ headcount: 1250 });
    expect(draft.signed).toBe(false);
    expect(checkDocument(draft).filter((finding) => finding.ruleId === 'cla.vote')).toEqual([]);
    const voted = [...toVote, vote('enterprise_agreement', [{ name: '', eligible: 1250, inFavour: 700 }]), sign];
    const signedInput = complianceInputFor(document, foldEvents('enterprise_agreement', voted).current, '2027-01-28');
    expect(signedInput.variables).toMatchObject({ headcount: 1250, vote_total_workers: 1250, vote_in_favour: 700 });
    expect(signedInput.signed).toBe(true);
    expect(checkDocument(signedInput).filter((finding) => finding.ruleId === 'cla.vote')).toEqual([]);
  });

  it('says what to write so that a document holds exactly the recorded facts, and nothing when it does', () => {
    const values = { headcount: 1250, vote_total_workers: 100, vote_in_favour: 51, ot_rate_weekday: 150 };
    expect(factChanges(values, {})).toEqual({ set: {}, remove: ['vote_total_workers', 'vote_in_favour'] });
    expect(factChanges(values, { vote_date: '2027-01-22', vote_total_workers: 1250, vote_in_favour: 51 })).toEqual({
      set: { vote_date: '2027-01-22', vote_total_workers: 1250 },
      remove: [],
    });
    expect(
      factChanges({ ...values, vote_total_workers: 1250, vote_date: '2027-01-22' }, { vote_date: '2027-01-22', vote_total_workers: 1250, vote_in_favour: 51 }),
    ).toEqual({ set: {}, remove: [] });
    expect(withoutFacts(values)).toEqual({ headcount: 1250, ot_rate_weekday: 150 });
    expect(['headcount', 'signing_place', 'effective_date'].filter(isProceduralFact)).toEqual([]);
  });
});
