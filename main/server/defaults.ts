/** The documented default port of server mode (and of the desktop app's embedded server). */
export const defaultPort = 4477;

export const defaultHost = '127.0.0.1';

/** The link an invited person opens; the renderer's join page reads the code from it. */
export function invitationLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/$/, '')}/#/join/${encodeURIComponent(code)}`;
}

/** The link a workspace's host or an authority's reviewer opens to redeem the operator's invitation (access/redeem). */
export function accessLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/$/, '')}/#/access/${encodeURIComponent(code)}`;
}
