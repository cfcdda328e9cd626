import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { createJsonLogger, fileDestination, type Logger } from '#main/logger';
import { vietnamDate } from '#shared/format/vietnamTime';
import type { DesktopBackupInput } from '#shared/api/backup';
import { apiChannel, backupChannel, createIpcApiHandler, createIpcBackupHandler } from '#main/electron/ipcApi';
import { createElectronPrinter } from '#main/electron/printToPdf';
import { guardWebContents, isPermissionGranted } from '#main/electron/webContentsGuard';
import { contentSecurityPolicy } from '#main/http/staticFiles';
import { databaseFileName } from '#main/server/dataFolder';
import { DataFolderInUseError, dataFolderInUseText, lockDataFolder, type DataFolderLock } from '#main/server/dataFolderLock';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { startServerMode, type RunningServer } from '#main/server/serverMode';

/**
 * The desktop app: a thin shell over server mode's services. One instance runs at a time, and it
 * holds its data folder like a server does. The embedded server listens on 127.0.0.1 and serves
 * the interface; the window is sandboxed and reaches main/ only through the preload's single API
 * channel; every web contents is guarded (webContentsGuard.ts). It logs JSON lines (as server mode
 * does on stderr) to logs/thoa-uoc.log in the user-data folder: a desktop app has no terminal.
 */
/** Opened once this launch is the only instance: a second launch writes nothing in the folder. */
let logger: Logger;
let server: RunningServer | null = null;
let dataFolderLock: DataFolderLock | null = null;
/** The embedded server's origin, the only one the app's windows may show (null until it listens). */
let origin: string | null = null;

async function startEmbeddedServer(dataFolder: string): Promise<RunningServer> {
  const options = {
    host: defaultHost,
    dataFolder,
    logger,
    rendererFolder: join(app.getAppPath(), 'dist', 'renderer'),
    migrationsFolder: join(app.getAppPath(), 'main', 'store', 'sqlite', 'migrations'),
    appVersion: app.getVersion(),
    printPdf: createElectronPrinter(),
  };
  try {
    return await startServerMode({ ...options, port: defaultPort });
  } catch (error) {
    // Another program holds the default port: take any free one.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startServerMode({ ...options, port: 0 });
  }
}

function createWindow(appOrigin: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Thỏa Ước',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  void window.loadURL(`${appOrigin}/`);
  return window;
}

/** The save dialog of "Back up…", over the app's window; it asks before replacing a file. */
async function chooseBackupFile(window: BrowserWindow | null, words: DesktopBackupInput): Promise<string | null> {
  const options = {
    title: words.title,
    buttonLabel: words.buttonLabel,
    defaultPath: `thoa-uoc-backup-${vietnamDate(Date.now())}.sqlite`,
    filters: [{ name: words.fileType, extensions: ['sqlite'] }],
    properties: ['showOverwriteConfirmation' as const],
  };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}

/** A second launch shows this instance's window, restored and in front (or a new one if all were closed). */
function showWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) {
    if (origin) createWindow(origin);
    return;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function main(): Promise<void> {
  await app.whenReady();
  const dataFolder = app.getPath('userData');
  dataFolderLock = await lockDataFolder(dataFolder, 'desktop', {
    logger,
    onLost: (error) => {
      logger.log('error', 'data_folder.lock_lost', { folder: dataFolder, error });
      app.quit();
    },
  });
  server = await startEmbeddedServer(dataFolder);
  const appOrigin = server.url;
  origin = appOrigin;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, origin)),
  );
  const handle = createIpcApiHandler(server.handlers, () => appOrigin, logger);
  ipcMain.handle(apiChannel, (event, method: unknown, input: unknown) => handle(event.senderFrame?.url, method, input));
  const backup = createIpcBackupHandler(join(dataFolder, databaseFileName), () => appOrigin, logger);
  ipcMain.handle(backupChannel, (event, words: unknown) =>
    backup(event.senderFrame?.url, words, (chosen) => chooseBackupFile(BrowserWindow.fromWebContents(event.sender), chosen)),
  );
  createWindow(appOrigin);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(appOrigin);
  });
}

/** Stores what is pending, checkpoints open documents, closes the database, then gives the data folder up. */
async function stopEmbeddedServer(): Promise<void> {
  const closing = server;
  const lock = dataFolderLock;
  server = null;
  dataFolderLock = null;
  try {
    await closing?.close();
  } finally {
    await lock?.release();
  }
}

// A second launch quits at once; the running instance hears of it ('second-instance') and shows its window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  logger = createJsonLogger(fileDestination(join(app.getPath('userData'), 'logs', 'thoa-uoc.log')));
  app.on('second-instance', showWindow);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(
      contents,
      () => origin,
      (url) => void shell.openExternal(url),
    ),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    if (!server && !dataFolderLock) return;
    event.preventDefault();
    stopEmbeddedServer()
      .catch((error: unknown) => logger.log('error', 'electron.stop_failed', { error }))
      .finally(() => app.exit(0));
  });

  main().catch(async (error: unknown) => {
    logger.log('error', 'electron.start_failed', { error });
    await stopEmbeddedServer().catch((stopError: unknown) => logger.log('error', 'electron.stop_failed', { error: stopError }));
    // No window has opened yet, so the interface has not said its language: Vietnamese, as the
    // interface starts, unless this computer is set to prefer English.
    const language = app.getPreferredSystemLanguages()[0]?.startsWith('en') ? 'en' : 'vi';
    if (error instanceof DataFolderInUseError) dialog.showErrorBox('Thỏa Ước', dataFolderInUseText(error, language));
    app.exit(1);
  });
}
