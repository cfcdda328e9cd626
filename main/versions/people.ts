import type { Person } from '#shared/versions/model';
import type { Store } from '#main/store/port';

/** The participants of a document as the history shows them, read once per request. */
export async function peopleOf(store: Store, documentId: string): Promise<People> {
  const participants = new Map((await store.participants.listByDocument(documentId)).map((participant) => [participant.id, participant]));
  return (participantId: string | null): Person => {
    const participant = participantId === null ? undefined : participants.get(participantId);
    return { participantId, displayName: participant?.displayName ?? null, side: participant?.side ?? null };
  };
}

export type People = (participantId: string | null) => Person;
