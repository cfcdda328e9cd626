import { useSyncExternalStore } from 'react';
import type { Side } from '#shared/sides';

/** A seat in one document: the token that the server maps to this person and side. */
export interface Membership {
  documentId: string;
  documentTitle: string;
  token: string;
  participantId: string;
  side: Side;
  displayName: string;
}

export interface Session {
  displayName: string | null;
  /** Server mode's host token (from the link printed at start-up, or a workspace's invitation); the desktop app needs none. */
  hostToken: string | null;
  /** A labour authority's reviewer token (from the operator's invitation): its queue holds what every workspace sent the authority. */
  authority: { token: string; name: string } | null;
  memberships: Membership[];
}

const storageKey = 'thoa-uoc.session';
const emptySession: Session = { displayName: null, hostToken: null, authority: null, memberships: [] };
const listeners = new Set<() => void>();

function read(): Session {
  try {
    return { ...emptySession, ...(JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<Session>) };
  } catch {
    return emptySession;
  }
}

let current = read();

/** This device's session: who I am, and the documents I have joined. */
export function getSession(): Session {
  return current;
}

export function updateSession(change: (session: Session) => Session): void {
  current = change(current);
  localStorage.setItem(storageKey, JSON.stringify(current));
  for (const listener of listeners) listener();
}

export function saveMembership(membership: Membership): void {
  updateSession((session) => ({
    ...session,
    memberships: [...session.memberships.filter((m) => m.documentId !== membership.documentId), membership],
  }));
}

export function forgetMembership(documentId: string): void {
  updateSession((session) => ({ ...session, memberships: session.memberships.filter((m) => m.documentId !== documentId) }));
}

export function membershipFor(documentId: string): Membership | undefined {
  return current.memberships.find((m) => m.documentId === documentId);
}

export function useSession(): Session {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, getSession);
}
