import type { Dialogue, DialogueParticipant } from '#shared/dialogue/model';

/** A person of one side; the id says which, so tests can name who was present. */
export function person(id: string, side: DialogueParticipant['side'], fields: Partial<DialogueParticipant> = {}): DialogueParticipant {
  return { id, name: `Người ${id}`, position: '', side, legalRepresentative: false, authorised: false, female: false, unit: '', ...fields };
}

/** The employer side as Art. 38 wants it: three people, the first the legal representative. */
export function employerSide(): DialogueParticipant[] {
  return [person('e1', 'employer', { legalRepresentative: true }), person('e2', 'employer'), person('e3', 'employer')];
}

/** `count` worker representatives, w1… */
export function workerSide(count: number, fields: Partial<DialogueParticipant> = {}): DialogueParticipant[] {
  return Array.from({ length: count }, (_, index) => person(`w${index + 1}`, 'union', fields));
}

/** A periodic dialogue of an enterprise of `headcount` workers, in preparation. */
export function periodicDialogue(headcount: number, fields: Partial<Dialogue> = {}): Dialogue {
  return {
    id: 'dt1',
    workspaceId: 'local',
    kind: 'periodic',
    matter: null,
    title: 'Đối thoại định kỳ năm 2027',
    enterprise: { name: 'Công ty May Hưng Thịnh', headcount, restDays: 'sunday' },
    meeting: { date: '2027-02-15', time: '08:00', place: 'Hội trường' },
    participants: [...employerSide(), ...workerSide(3)],
    agenda: [],
    state: 'draft',
    request: null,
    agendaSentOn: null,
    heldOn: null,
    attendance: [],
    signatures: { employer: null, union: null },
    minutesSignedOn: null,
    publishedOn: null,
    summary: '',
    commitments: [],
    completedOn: null,
    submissionsOpen: true,
    createdAt: '2027-01-04T01:00:00.000Z',
    updatedAt: '2027-01-04T01:00:00.000Z',
    ...fields,
  };
}
