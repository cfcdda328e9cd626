import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { createJsonLogger, fileDestination } from '#main/logger';
import { apiChannel, createIpcApiHandler } from '#main/electron/ipcApi';
import { createElectronPrinter } from '#main/electron/printToPdf';
import { contentSecurityPolicy } from '#main/http/staticFiles';
import { defaultHost, defaultPort } from '#main/server/defaults';
import { startServerMode, type RunningServer } from '#main/server/serverMode';

/**
 * The desktop app: a thin shell over server mode's services. The embedded server listens on
 * 127.0.0.1 and serves the interface; the window is sandboxed and reaches main/ only through
 * the preload's single API channel. It logs JSON lines (as server mode does on stderr) to
 * logs/thoa-uoc.log in the user-data folder, beside the database: a desktop app has no terminal.
 */
const logger = createJsonLogger(fileDestination(join(app.getPath('userData'), 'logs', 'thoa-uoc.log')));
let server: RunningServer | null = null;

async function startEmbeddedServer(): Promise<RunningServer> {
  const options = {
    host: defaultHost,
    dataFolder: app.getPath('userData'),
    logger,
    rendererFolder: join(app.getAppPath(), 'dist', 'renderer'),
    migrationsFolder: join(app.getAppPath(), 'main', 'store', 'migrations'),
    appVersion: app.getVersion(),
    printPdf: createElectronPrinter(),
  };
  try {
    return await startServerMode({ ...options, port: defaultPort });
  } catch {
    // Another instance (or program) holds the default port: take any free one.
    return startServerMode({ ...options, port: 0 });
  }
}

function createWindow(origin: string): BrowserWindow {
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
  window.webContents.setWindowOpenHandler(({ url }) => {
    // New windows are never opened inside the app; web links go to the system browser.
    if (/^https?:\/\//.test(url) && !url.startsWith(origin)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${origin}/`)) event.preventDefault();
  });
  void window.loadURL(`${origin}/`);
  return window;
}

async function main(): Promise<void> {
  await app.whenReady();
  server = await startEmbeddedServer();
  const origin = server.url;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const handle = createIpcApiHandler(server.handlers, () => origin, logger);
  ipcMain.handle(apiChannel, (event, method: unknown, input: unknown) => handle(event.senderFrame?.url, method, input));
  createWindow(origin);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(origin);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!server) return;
  // Store what is pending and checkpoint open documents before the process ends.
  event.preventDefault();
  const closing = server;
  server = null;
  void closing.close().finally(() => app.exit(0));
});

main().catch((error: unknown) => {
  logger.log('error', 'electron.start_failed', { error });
  app.exit(1);
});
