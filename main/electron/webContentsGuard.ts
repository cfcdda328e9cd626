/** An event whose default action (opening, navigating, attaching) can be cancelled. */
interface Preventable {
  preventDefault(): void;
}

/** What the guard uses of a web contents: Electron's WebContents has it, and tests pass their own. */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}

/** Whether a URL is a page of the app: the embedded server's origin (null until it listens). */
export function isAppUrl(url: string, appOrigin: string | null): boolean {
  if (appOrigin === null) return false;
  try {
    return new URL(url).origin === appOrigin;
  } catch {
    return false;
  }
}

/**
 * Guards every web contents the app creates (app 'web-contents-created'), whatever created it: no
 * new window ever opens inside the app (web links go to the system browser instead), no page
 * navigates away from the app's origin, and no <webview> is attached.
 */
export function guardWebContents(contents: GuardedContents, appOrigin: () => string | null, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url) && !isAppUrl(url, appOrigin())) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one permission the app's pages use: writing text to the clipboard (copying an invitation link). */
const appPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** The session's permission requests: granted only for what the app uses, and only to its own pages. */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string | null): boolean {
  return appPermissions.has(permission) && isAppUrl(requestingUrl, appOrigin);
}
