/**
 * Window hardening kept free of the electron import so it can be unit-tested in Node:
 * main.ts wires these into Electron's events.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'giot-hong';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface SecureWebPreferences {
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  /** Chromium's built-in PDF viewer, for the print preview of generated documents (no third-party plugins exist in Electron). */
  plugins: true;
  /** DevTools only in development: a packaged build cannot open them (no console on the clerk's data). */
  devTools: boolean;
}

/**
 * Environment variables that let a development run point the main process at other code; ignored
 * (deleted at start) in a packaged build, so the environment cannot choose a JS file main runs.
 */
export const DEV_ONLY_ENV = ['GIOT_HONG_PDF_WORKER'] as const;

export function dropDevOnlyEnv(env: NodeJS.ProcessEnv, packaged: boolean): void {
  if (packaged) for (const k of DEV_ONLY_ENV) delete env[k];
}

export function windowOptions(preloadPath: string, opts: { packaged?: boolean } = {}) {
  const webPreferences: SecureWebPreferences = {
    preload: preloadPath,
    devTools: !opts.packaged,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    plugins: true,
  };
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Giọt Hồng',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences,
  };
}

/** True only for pages the app itself serves. */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app is never allowed. */
export function shouldBlockNavigation(url: string): boolean {
  return !isAppUrl(url);
}

/** window.open and target=_blank: always denied. */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, geolocation, notifications…: the app needs none. */
export function permissionRequestHandler(_wc: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}

/** Resolves an app:// URL to a file under the renderer folder, refusing any escape from it. */
export function resolveAppFile(rootDir: string, raw: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  if (!isAppUrl(raw)) return null;
  const u = new URL(raw);
  let rel = decodeURIComponent(u.pathname);
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = normalize(join(rootDir, rel));
  const root = normalize(rootDir);
  if (full !== root && !full.startsWith(root.endsWith('/') || root.endsWith('\\') ? root : root + (root.includes('\\') ? '\\' : '/'))) return null;
  return full;
}
