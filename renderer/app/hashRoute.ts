import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'join'; code: string }
  | { page: 'host'; token: string }
  | { page: 'document'; documentId: string }
  | { page: 'new' };

/** Routes live in the hash, so the same build works from server mode and inside the desktop app. */
export function parseRoute(hash: string): Route {
  if (hash === '#/new') return { page: 'new' };
  const [, page, argument] = /^#\/([a-z]+)\/(.+)$/.exec(hash) ?? [];
  const value = argument ? decodeURIComponent(argument) : '';
  if (page === 'join' && value) return { page: 'join', code: value };
  if (page === 'host' && value) return { page: 'host', token: value };
  if (page === 'd' && value) return { page: 'document', documentId: value };
  return { page: 'home' };
}

export function navigate(route: Route): void {
  const hash =
    route.page === 'join' ? `#/join/${encodeURIComponent(route.code)}`
    : route.page === 'host' ? `#/host/${encodeURIComponent(route.token)}`
    : route.page === 'document' ? `#/d/${encodeURIComponent(route.documentId)}`
    : route.page === 'new' ? '#/new'
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
