import type { Person } from '#shared/versions/model';
import type { Store } from '#main/store/store';

/** Participants as the history shows them, read once per request. */
export function createPeople(store: Store) {
  const known = new Map<string | null, Person>();
  return (participantId: string | null): Person => {
    const cached = known.get(participantId);
    if (cached) return cached;
    const participant = participantId === null ? undefined : store.participants.get(participantId);
    const person: Person = { participantId, displayName: participant?.displayName ?? null, side: participant?.side ?? null };
    known.set(participantId, person);
    return person;
  };
}

export type People = ReturnType<typeof createPeople>;
