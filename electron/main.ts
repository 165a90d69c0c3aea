import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startDatabase } from './services/backup/startup';
import { resolveDbPath } from './db/default-path';
import { loadOrCreateKey } from './db/key-store';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { registerIpc } from './ipc/register-electron';
import {
  APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, permissionCheckHandler, permissionRequestHandler,
  resolveAppFile, shouldBlockNavigation, windowOpenHandler, windowOptions, dropDevOnlyEnv,
} from './security';
import { logError, logInfo } from './log';
import { setBackupPicker } from './services/backup/backup-ids';

// A packaged build never lets the environment choose code for the main process to run.
dropDevOnlyEnv(process.env, app.isPackaged);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Every web contents the app ever creates is locked down the same way.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => { if (shouldBlockNavigation(url)) event.preventDefault(); });
    contents.on('will-redirect', (event, url) => { if (shouldBlockNavigation(url)) event.preventDefault(); });
    contents.setWindowOpenHandler(windowOpenHandler);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(() => {
    const rendererDir = path.join(__dirname, 'renderer');
    session.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
    session.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
    // No request may leave the machine: only app:// and devtools are served.
    session.defaultSession.webRequest.onBeforeRequest((details, cb) => {
      const ok = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools:') || details.url.startsWith('blob:') || details.url.startsWith('data:');
      cb({ cancel: !ok });
    });
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(rendererDir, request.url, path.join, path.normalize);
      if (!file) return new Response('Not found', { status: 404 });
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(res.body, { status: res.status, headers });
    });

    // quick_check, backup before a migration, open, daily backup; a damaged file opens the recovery screen.
    const started = startDatabase(resolveDbPath(process.argv, app.getPath('userData')), { key: databaseKey() });
    let dispatch: Dispatch;
    if (started.mode === 'normal') {
      const ctx = started.ctx;
      dispatch = createDispatcher(ctx);
      app.on('will-quit', () => void ctx.conn.close());
    } else {
      logError('open database', new Error('recovery mode'));
      dispatch = started.dispatch;
    }
    registerIpc(ipcMain, dispatch);

    // Main owns the dialogs: the renderer gets an opaque id for what the clerk chose, never sends a path.
    const pick = async (kind: 'folder' | 'file'): Promise<string | null> => {
      const options: Electron.OpenDialogOptions = kind === 'folder'
        ? { title: 'Chọn thư mục lưu bản sao (ổ USB)', properties: ['openDirectory', 'createDirectory'] }
        : { title: 'Chọn tệp sao lưu để khôi phục', properties: ['openFile'], filters: [{ name: 'Bản sao lưu Giọt Hồng', extensions: ['sqlite'] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    };
    setBackupPicker({ chooseFolder: () => pick('folder'), chooseFile: () => pick('file') });

    win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.js'), { packaged: app.isPackaged }));
    if (app.isPackaged) win.webContents.on('devtools-opened', () => win?.webContents.closeDevTools());
    win.once('ready-to-show', () => win?.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
}

/** The database key, protected by safeStorage (DPAPI); none (plain database) when it is unavailable. */
function databaseKey(): string | undefined {
  try {
    const r = loadOrCreateKey(app.getPath('userData'), safeStorage);
    if (r.key === null) logInfo('safeStorage unavailable: database encryption at rest is off');
    return r.key ?? undefined;
  } catch (e) {
    logError('load database key', e);
    return undefined;
  }
}
