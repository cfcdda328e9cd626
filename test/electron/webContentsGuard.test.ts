import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardWebContents, isAppUrl, isPermissionGranted, type GuardedContents } from '#main/electron/webContentsGuard';

// The guard on plain objects shaped like Electron's web contents (the Electron binary cannot run
// here); test/electron/desktopShell.test.ts checks that the bundled shell applies it to every one.

const appOrigin = 'http://127.0.0.1:4477';

/** A web contents as far as the guard uses it: events, and the window-open handler it sets. */
class StandInContents extends EventEmitter implements GuardedContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a cancellable event as Electron does; true when a listener cancelled it. */
  prevented(event: 'will-navigate' | 'will-attach-webview', url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function guarded(origin: string | null = appOrigin) {
  const contents = new StandInContents();
  const opened: string[] = [];
  guardWebContents(
    contents,
    () => origin,
    (url) => opened.push(url),
  );
  return { contents, opened };
}

describe('the guard on every web contents of the desktop app', () => {
  it('opens no window: web links go to the system browser, anything else nowhere', () => {
    const { contents, opened } = guarded();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    for (const url of [
      'https://thuvienphapluat.vn/van-ban/Lao-dong',
      'http://192.168.1.20:4477/#/join/ABCDE',
      `${appOrigin}/#/documents`,
      'file:///etc/passwd',
      'javascript:alert(1)',
      'thoa-uoc://x',
      'not a url',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://thuvienphapluat.vn/van-ban/Lao-dong', 'http://192.168.1.20:4477/#/join/ABCDE']);
  });

  it("lets pages navigate only within the app's origin, and attaches no <webview>", () => {
    const { contents } = guarded();
    expect(contents.prevented('will-navigate', `${appOrigin}/`)).toBe(false);
    expect(contents.prevented('will-navigate', `${appOrigin}/#/documents/abc`)).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:4478/',
      'https://127.0.0.1:4477/',
      'http://127.0.0.1:4477.evil.example/',
      'http://127.0.0.1:4477@evil.example/',
      'file:///etc/passwd',
      'data:text/html,<p>x</p>',
      'javascript:alert(1)',
      '',
    ]) {
      expect({ url, prevented: contents.prevented('will-navigate', url) }).toEqual({ url, prevented: true });
    }
    expect(contents.prevented('will-attach-webview')).toBe(true);
  });

  it('before the embedded server listens, no navigation is allowed at all', () => {
    const { contents } = guarded(null);
    expect(contents.prevented('will-navigate', `${appOrigin}/`)).toBe(true);
    expect(isAppUrl(`${appOrigin}/`, null)).toBe(false);
  });

  it("grants only the clipboard write the app uses, and only to the app's pages", () => {
    expect(isPermissionGranted('clipboard-sanitized-write', `${appOrigin}/#/documents/abc`, appOrigin)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', appOrigin)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', `${appOrigin}/`, null)).toBe(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'hid', 'unknown']) {
      expect({ permission, granted: isPermissionGranted(permission, `${appOrigin}/`, appOrigin) }).toEqual({ permission, granted: false });
    }
  });
});
