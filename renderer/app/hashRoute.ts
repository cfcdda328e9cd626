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
  | { page: 'reviewDocument'; documentId: string };

/** Routes live in the hash, so the same build works from server mode and inside the desktop app. */
export function parseRoute(hash: string): Route {
  if (hash === '#/new') return { page: 'new' };
  if (hash === '#/review') return { page: 'review' };
  const [, page, argument] = /^#\/([a-z]+)\/(.+)$/.exec(hash) ?? [];
  const value = argument ? decodeURIComponent(argument) : '';
  if (page === 'join' && value) return { page: 'join', code: value };
  if (page === 'access' && value) return { page: 'access', code: value };
  if (page === 'host' && value) return { page: 'host', token: value };
  if (page === 'd' && value) return { page: 'document', documentId: value };
  if (page === 'review' && value) return { page: 'reviewDocument', documentId: value };
  if (page === 'minutes' && value) return { page: 'minutes', documentId: value };
  return { page: 'home' };
}

export function navigate(route: Route): void {
  const hash =
    route.page === 'join'
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
  window.location.hash = hash;
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
