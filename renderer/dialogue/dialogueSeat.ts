import { useMemo, useSyncExternalStore } from 'react';
import type { ApiClient } from '#shared/api/client';
import { hostClient, participantClient } from '../api/apiClients';
import { useSession, type Membership, type Session } from '../session/session';

/**
 * Who the dialogue area acts as. A dialogue belongs to a workspace, not to a document: its host
 * organises it, and the people of its documents take part as the side of their seat (the server
 * decides what each may do). A person with several seats chooses one; the choice is kept on this
 * device.
 */
export type DialogueSeat = { kind: 'host' } | { kind: 'member'; membership: Membership };

const storageKey = 'thoa-uoc.dialogueSeat';
const listeners = new Set<() => void>();

function storedChoice(): string | null {
  return localStorage.getItem(storageKey);
}

export function chooseSeat(key: string): void {
  localStorage.setItem(storageKey, key);
  for (const listener of listeners) listener();
}

export function seatKey(seat: DialogueSeat): string {
  return seat.kind === 'host' ? 'host' : `member:${seat.membership.documentId}`;
}

/** Every seat this device holds: the host first (the desktop app, or server mode's host token), then each document joined. */
export function seatsOf(session: Session): DialogueSeat[] {
  const host: DialogueSeat[] = window.thoaUoc || session.hostToken ? [{ kind: 'host' }] : [];
  return [...host, ...session.memberships.map((membership): DialogueSeat => ({ kind: 'member', membership }))];
}

/** What an export call needs to know whose call it is (renderer/export/abortableCall.ts). */
export function seatWho(seat: DialogueSeat, session: Session): { token: string } | { hostToken: string | null } {
  return seat.kind === 'host' ? { hostToken: session.hostToken } : { token: seat.membership.token };
}

function clientOf(seat: DialogueSeat, session: Session): ApiClient | null {
  return seat.kind === 'host' ? hostClient(session.hostToken) : participantClient(seat.membership.token);
}

export interface ChosenSeat {
  seats: DialogueSeat[];
  seat: DialogueSeat | null;
  client: ApiClient | null;
}

/** The seat chosen (else the first), and an API client acting as it. */
export function useDialogueSeat(): ChosenSeat {
  const session = useSession();
  const choice = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, storedChoice);
  return useMemo(() => {
    const seats = seatsOf(session);
    const seat = seats.find((candidate) => seatKey(candidate) === choice) ?? seats[0] ?? null;
    return { seats, seat, client: seat ? clientOf(seat, session) : null };
  }, [session, choice]);
}
