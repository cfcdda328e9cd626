import { existsSync, readdirSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { createRequire, Module } from 'node:module';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildElectronBundle } from '#main/electron/electronBundle';
import { holderFileName, lockDirectoryName, readHolder } from '#main/server/dataFolderLock';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { runRefusedServer } from '../helpers/serverProcess';
import { createTempFolder } from '../helpers/tempFolder';
import { waitFor, within } from '../helpers/waitFor';

// The bundled desktop shell (dist/electron/main.cjs) run in Node with a stand-in for the `electron`
// module, since the Electron binary cannot be downloaded here. The stand-in records what the shell
// asks of Electron and emits the events Electron would; everything behind it is real: the embedded
// server, the data folder's lock, the API handlers. (Yjs warns that it "was already imported": the
// bundle carries its own copy beside this process's, and the two never exchange a document.)

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

type Listener = (...args: unknown[]) => void;
/** What ipcMain.handle registers: its result (a promise, for the API) goes back to the renderer. */
type IpcHandler = (...args: unknown[]) => unknown;

/** A cancellable event as Electron passes it. */
function cancellable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

class StandInContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

/** The `electron` module as far as main.ts uses it. */
function standInElectron(options: { userData: string; singleInstance: boolean }) {
  const calls: string[] = [];
  /** What the save dialog answers next (a path, or null: cancelled), and what it was asked. */
  const saveDialog = { answer: null as string | null, asked: [] as { parent: unknown; options: Record<string, unknown> }[] };
  const opened: string[] = [];
  const windows: StandInWindow[] = [];
  const ipc = new Map<string, IpcHandler>();
  let permissionHandler: Listener | null = null;
  let exit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (exit = resolve));

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return options.singleInstance;
    },
    quit: () => calls.push('quit'),
    exit: (code: number) => {
      calls.push(`exit ${code}`);
      exit(code);
    },
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
      return options.userData;
    },
    getAppPath: () => projectRoot,
    getVersion: () => '0.1.0',
  });

  class StandInWindow {
    static getAllWindows = (): StandInWindow[] => [...windows];
    static fromWebContents = (contents: unknown): StandInWindow | null => windows.find((window) => window.webContents === contents) ?? null;
    readonly webContents = new StandInContents();
    readonly calls: string[] = [];
    loadedUrl: string | null = null;
    minimized = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      windows.push(this);
      // Electron announces every new web contents to the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized = (): boolean => this.minimized;
    restore = (): void => {
      this.calls.push('restore');
      this.minimized = false;
    };
    show = (): void => void this.calls.push('show');
    focus = (): void => void this.calls.push('focus');
  }

  const electron = {
    app,
    BrowserWindow: StandInWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => calls.push(`showErrorBox ${title}: ${message}`),
      showSaveDialog: (parent: unknown, dialogOptions: Record<string, unknown>) => {
        saveDialog.asked.push({ parent, options: dialogOptions });
        return Promise.resolve({ canceled: saveDialog.answer === null, filePath: saveDialog.answer ?? '' });
      },
    },
    ipcMain: { handle: (channel: string, handler: IpcHandler) => ipc.set(channel, handler) },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => {} },
        setPermissionRequestHandler: (handler: Listener) => (permissionHandler = handler),
      },
    },
    shell: { openExternal: (url: string) => Promise.resolve(void opened.push(url)) },
  };
  return { electron, app, calls, opened, windows, ipc, exited, saveDialog, permission: () => permissionHandler };
}

describe('the bundled desktop shell, run with a stand-in for Electron', () => {
  const require = createRequire(import.meta.url);
  const cleanups: (() => void | Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Loads dist/electron/main.cjs with `electron` resolving to the stand-in. */
  function launch(singleInstance: boolean) {
    const userData = createTempFolder('thoa-uoc-desktop-');
    cleanups.push(() => userData.remove());
    const shell = standInElectron({ userData: userData.path, singleInstance });
    const entry = buildElectronBundle();
    const electronPath = createRequire(entry).resolve('electron');
    const standIn = new Module(electronPath);
    standIn.exports = shell.electron;
    standIn.loaded = true;
    require.cache[electronPath] = standIn;
    const forget = (path: string) => Reflect.deleteProperty(require.cache, path);
    cleanups.push(() => {
      forget(electronPath);
      forget(entry);
    });
    forget(entry);
    require(entry);
    return { ...shell, userData: userData.path };
  }

  it('a second launch quits at once, before it starts anything or touches the data folder', async () => {
    const shell = launch(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(shell.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(shell.app.eventNames()).toEqual([]);
    expect(readdirSync(shell.userData)).toEqual([]);
  });

  it('S20 the first launch holds its data folder as the desktop app, guards every web contents, comes to the front on a second launch and gives the folder up on quit', async () => {
    // The default port taken (by this test, or by anything else on the machine): the shell takes a free one.
    const occupier: Server = createServer();
    await new Promise<void>((resolve) => occupier.once('error', () => resolve()).listen(defaultPort, defaultHost, () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => (occupier.listening ? occupier.close(() => resolve()) : resolve())));

    const shell = launch(true);
    await waitFor(() => shell.windows.length > 0, 'the window to open', { timeoutMs: 20_000 });
    const [window] = shell.windows;
    if (!window) throw new Error('no window');
    const origin = new URL(window.loadedUrl ?? '').origin;
    expect(window.loadedUrl).toBe(`${origin}/`);
    expect(new URL(origin).port).not.toBe(String(defaultPort));
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(shell.app.listenerCount('second-instance')).toBe(1);
    cleanups.push(async () => {
      // Should the test fail midway, the shell still stops its server and gives the folder up.
      if (!shell.calls.some((call) => call.startsWith('exit'))) shell.app.emit('will-quit', cancellable());
      await within(shell.exited, 10_000, 'the shell to exit');
    });

    // The folder is held: a server started on it is refused, naming the desktop app.
    expect(readHolder(shell.userData)).toMatchObject({ kind: 'desktop', pid: process.pid });
    const refused = await runRefusedServer(shell.userData);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`The data folder ${shell.userData} is in use by the desktop app (pid ${process.pid} on `);

    // The window's web contents is guarded, and the window calls the embedded server's API.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://thuvienphapluat.vn/' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://thuvienphapluat.vn/']);
    const navigation = (url: string) => {
      const event = cancellable();
      window.webContents.emit('will-navigate', event, url);
      return event.prevented;
    };
    expect([navigation(`${origin}/#/documents`), navigation('https://evil.example/')]).toEqual([false, true]);
    const webview = cancellable();
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    const granted = (permission: string, requestingUrl: string) =>
      new Promise((resolve) => shell.permission()?.(window.webContents, permission, resolve, { requestingUrl, isMainFrame: true }));
    expect(await granted('clipboard-sanitized-write', `${origin}/`)).toBe(true);
    expect(await granted('media', `${origin}/`)).toBe(false);
    const call = shell.ipc.get('thoa-uoc:api');
    expect(await call?.({ senderFrame: { url: `${origin}/#/` } }, 'documents/list', {})).toEqual({ ok: true, result: [] });

    // Any other web contents is guarded too.
    const other = new StandInContents();
    shell.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: `${origin}/` })).toEqual({ action: 'deny' });

    // A second launch: this instance's window is restored and brought to the front.
    window.minimized = true;
    shell.app.emit('second-instance', {}, [], projectRoot, {});
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(shell.windows).toHaveLength(1);

    // Quitting stores everything, closes the database and gives the folder up before exiting.
    const quitting = cancellable();
    shell.app.emit('will-quit', quitting);
    expect(quitting.prevented).toBe(true);
    expect(await within(shell.exited, 10_000, 'the shell to exit')).toBe(0);
    expect([existsSync(join(shell.userData, lockDirectoryName)), existsSync(join(shell.userData, holderFileName))]).toEqual([false, false]);
  });

  it('"Back up…" from the app window asks where to save and writes the database there, while the app runs', async () => {
    const shell = launch(true);
    await waitFor(() => shell.windows.length > 0, 'the window to open', { timeoutMs: 20_000 });
    const [window] = shell.windows;
    if (!window) throw new Error('no window');
    cleanups.push(async () => {
      if (!shell.calls.some((call) => call.startsWith('exit'))) shell.app.emit('will-quit', cancellable());
      await within(shell.exited, 10_000, 'the shell to exit');
    });
    const origin = new URL(window.loadedUrl ?? '').origin;
    const fromWindow = { senderFrame: { url: `${origin}/#/` }, sender: window.webContents };
    expect(await shell.ipc.get('thoa-uoc:api')?.(fromWindow, 'documents/create', { kind: 'enterprise_agreement', title: 'Thỏa ước 2027' })).toMatchObject({
      ok: true,
    });

    const backups = createTempFolder('thoa-uoc-desktop-backups-');
    cleanups.push(() => backups.remove());
    const words = { title: 'Save a Thỏa Ước backup', buttonLabel: 'Save', fileType: 'Thỏa Ước backup' };
    const backup = shell.ipc.get('thoa-uoc:backup');
    expect(await backup?.(fromWindow, words)).toEqual({ outcome: 'cancelled' });
    shell.saveDialog.answer = join(backups.path, 'thoa-uoc-backup.sqlite');
    expect(await backup?.(fromWindow, words)).toEqual({ outcome: 'saved', file: shell.saveDialog.answer, bytes: expect.any(Number), documents: 1 });
    // The dialog is the window's, in the window's words, proposing a dated .sqlite file.
    expect(shell.saveDialog.asked.map(({ parent, options }) => ({ parent: parent === window, ...options }))).toEqual([
      ...Array<unknown>(2).fill({
        parent: true,
        title: words.title,
        buttonLabel: words.buttonLabel,
        defaultPath: expect.stringMatching(/^thoa-uoc-backup-\d{4}-\d{2}-\d{2}\.sqlite$/),
        filters: [{ name: words.fileType, extensions: ['sqlite'] }],
        properties: ['showOverwriteConfirmation'],
      }),
    ]);
    expect(readdirSync(backups.path)).toEqual(['thoa-uoc-backup.sqlite']);
  });
});
