import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'join'; code: string }
  | { page: 'access'; code: string }
  | { page: 'host'; token: string }
  | { page: 'document'; documentId: string }
  | { page: 'new' }
  | { page: 'minutes'; documentId: string }
  | { page: 'review' }
  | { page: 'reviewDocument'; documentId: string }
  | { page: 'dialogues' }
  | { page: 'dialogue'; dialogueId: string }
  | { page: 'ask'; code: string }
  | { page: 'answers'; code: string };

/** Routes live in the hash, so the same build works from server mode and inside the desktop app. */
export function parseRoute(hash: string): Route {
  if (hash === '#/new') return { page: 'new' };
  if (hash === '#/review') return { page: 'review' };
  if (hash === '#/dialogues') return { page: 'dialogues' };
  const [, page, argument] = /^#\/([a-z]+)\/(.+)$/.exec(hash) ?? [];
  const value = argument ? decodeURIComponent(argument) : '';
  if (page === 'join' && value) return { page: 'join', code: value };
  if (page === 'access' && value) return { page: 'access', code: value };
  if (page === 'host' && value) return { page: 'host', token: value };
  if (page === 'd' && value) return { page: 'document', documentId: value };
  if (page === 'review' && value) return { page: 'reviewDocument', documentId: value };
  if (page === 'minutes' && value) return { page: 'minutes', documentId: value };
  if (page === 'dialogue' && value) return { page: 'dialogue', dialogueId: value };
  // The two pages a worker opens without an account: submitting to a dialogue, and its published answers.
  if (page === 'ask' && value) return { page: 'ask', code: value };
  if (page === 'answers' && value) return { page: 'answers', code: value };
  return { page: 'home' };
}

/** The address of a route, for links ("#/d/…"). */
export function routeHash(route: Route): string {
  if (route.page === 'dialogues') return '#/dialogues';
  if (route.page === 'dialogue') return `#/dialogue/${encodeURIComponent(route.dialogueId)}`;
  if (route.page === 'ask') return `#/ask/${encodeURIComponent(route.code)}`;
  if (route.page === 'answers') return `#/answers/${encodeURIComponent(route.code)}`;
  return route.page === 'join'
    ? `#/join/${encodeURIComponent(route.code)}`
    : route.page === 'access'
      ? `#/access/${encodeURIComponent(route.code)}`
      : route.page === 'host'
        ? `#/host/${encodeURIComponent(route.token)}`
        : route.page === 'document'
          ? `#/d/${encodeURIComponent(route.documentId)}`
          : route.page === 'new'
            ? '#/new'
            : route.page === 'review'
              ? '#/review'
              : route.page === 'reviewDocument'
                ? `#/review/${encodeURIComponent(route.documentId)}`
                : route.page === 'minutes'
                  ? `#/minutes/${encodeURIComponent(route.documentId)}`
                  : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(
    (listener) => {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
    () => window.location.hash,
  );
  return parseRoute(hash);
}
