import { describe, expect, it } from 'vitest';
import path from 'node:path';
import {
  CONTENT_SECURITY_POLICY, isAppUrl, permissionCheckHandler, permissionRequestHandler, resolveAppFile,
  shouldBlockNavigation, windowOpenHandler, windowOptions,
} from '../../electron/security';

describe('window hardening', () => {
  it('creates windows sandboxed, isolated, without Node', () => {
    const o = windowOptions('/app/preload.js');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.js', sandbox: true, contextIsolation: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true,
      allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false,
    });
  });

  it('denies navigation away from the app, window.open and every permission', () => {
    expect(shouldBlockNavigation('app://giot-hong/index.html')).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(shouldBlockNavigation(url)).toBe(true);
    }
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    permissionRequestHandler(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(permissionCheckHandler()).toBe(false);
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/renderer';
    expect(resolveAppFile(root, 'app://giot-hong/', path.posix.join, path.posix.normalize)).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile(root, 'app://giot-hong/app.js', path.posix.join, path.posix.normalize)).toBe('/opt/app/renderer/app.js');
    expect(resolveAppFile(root, 'app://giot-hong/%2e%2e/%2e%2e/etc/passwd', path.posix.join, path.posix.normalize)).toBe('/opt/app/renderer/etc/passwd');
    expect(resolveAppFile(root, 'app://giot-hong/..%2f..%2fetc/passwd', path.posix.join, path.posix.normalize)).toBeNull();
    expect(resolveAppFile(root, 'app://other/app.js', path.posix.join, path.posix.normalize)).toBeNull();
    expect(isAppUrl('http://giot-hong/')).toBe(false);
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});
