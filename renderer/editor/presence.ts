import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { sides, type Side } from '#shared/sides';

/** A person in the document, as the server vouches for them (never as a client claims). */
export interface PresentParticipant {
  id: string;
  name: string;
  side: Side;
}

/** The server-stamped identity of an awareness state, if it carries a valid one. */
export function participantOfState(state: Record<string, unknown> | undefined): PresentParticipant | null {
  const value = state?.participant as Partial<PresentParticipant> | undefined;
  if (!value || typeof value.id !== 'string' || typeof value.name !== 'string') return null;
  return (sides as readonly unknown[]).includes(value.side) ? (value as PresentParticipant) : null;
}

function presentParticipants(awareness: Awareness): PresentParticipant[] {
  const byId = new Map<string, PresentParticipant>();
  for (const state of awareness.getStates().values()) {
    const participant = participantOfState(state);
    if (participant) byId.set(participant.id, participant);
  }
  return [...byId.values()].sort((a, b) => a.side.localeCompare(b.side) || a.name.localeCompare(b.name));
}

/** Everyone currently in the document, one entry per participant (several tabs count once). */
export function usePresence(awareness: Awareness): PresentParticipant[] {
  const [present, setPresent] = useState(() => presentParticipants(awareness));
  useEffect(() => {
    const update = () =>
      setPresent((previous) => {
        const next = presentParticipants(awareness);
        const same = next.length === previous.length && next.every((p, i) => p.id === previous[i]?.id);
        return same ? previous : next;
      });
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness]);
  return present;
}
