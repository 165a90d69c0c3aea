import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../electron/services/create-context';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { backupFolderId } from '../../electron/services/backup/backup-ids';
import { contract } from '../../shared/ipc/contract';
import { runCli } from '../../electron/cli';
import { installNetGuard, unexpectedUrls } from './net-guard';
import { ROOT } from './bundle';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-nonet-'));

describe('no network access', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the guard really catches outbound requests (so the next test can fail)', async () => {
    const guard = installNetGuard();
    try {
      expect(() => http.get('http://93.184.216.34/')).toThrow(/network access denied/);
      await expect(async () => fetch('https://example.com/')).rejects.toThrow(/network access denied/);
      // Loopback stays allowed: the test host lives there.
      const server = http.createServer((_q, s) => s.end('ok')).listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      const port = (server.address() as { port: number }).port;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
      server.close();
      expect(guard.attempts).toEqual(['http.get 93.184.216.34', 'fetch example.com']);
    } finally {
      guard.restore();
    }
  });

  it('main-process code paths (every IPC channel, backups, restore, CLI) make no outbound request', async () => {
    const guard = installNetGuard();
    try {
      const ctx = createAppContext(path.join(dir, 'data', 'giot-hong.sqlite'));
      const dispatch = createDispatcher(ctx);
      const usb = path.join(dir, 'usb');
      fs.mkdirSync(usb);
      const scripted: [string, unknown][] = [
        ['units:create', { name: 'Phường Đông Kinh' }],
        ['backup:now', {}],
        ['backup:toFolder', { folderId: backupFolderId(usb) }],
        ['backup:check', {}],
        ['privacy:findPeople', { query: 'nguyen' }],
        ['audit:list', { page: 1 }],
        ['audit:verify', {}],
        ['security:setPassword', { newPassword: 'mat-khau-1', idleMinutes: 5 }],
        ['security:lock', {}],
        ['security:unlock', { password: 'mat-khau-1' }],
      ];
      for (const [channel, args] of scripted) {
        const r = await dispatch(channel, args);
        expect(r.ok, `${channel}: ${JSON.stringify(r)}`).toBe(true);
      }
      const list = await dispatch('backup:list', {});
      const file = (list as { ok: true; value: { items: { id: string }[] } }).value.items[0].id;
      expect((await dispatch('backup:restore', { id: file })).ok).toBe(true);
      // Every other channel with empty arguments: whatever runs must stay offline.
      for (const channel of Object.keys(contract)) await dispatch(channel, {});
      await new Promise((r) => setTimeout(r, 300));
      await ctx.conn.close();
      const io = { out: () => {}, err: () => {} };
      expect(await runCli(['db', 'info', '--db', path.join(dir, 'data', 'giot-hong.sqlite')], io)).toBe(0);
      expect(await runCli(['backup', '--db', path.join(dir, 'data', 'giot-hong.sqlite'), '--to', usb], io)).toBe(0);
      expect(guard.attempts).toEqual([]);
    } finally {
      guard.restore();
    }
  });

  it('the built renderer and main bundles contain no URL they could fetch', async () => {
    const out = path.join(dir, 'bundle');
    await build({
      bundle: true, platform: 'browser', target: 'chrome130', format: 'esm', jsx: 'automatic', minify: true, write: true,
      entryPoints: { app: path.join(ROOT, 'renderer/main.tsx') }, outdir: out, define: { __APP_VERSION__: '"test"', 'process.env.NODE_ENV': '"production"' },
      loader: { '.ttf': 'file', '.png': 'file', '.svg': 'file', '.woff2': 'file' }, logLevel: 'error',
    });
    await build({
      bundle: true, platform: 'node', target: 'node22', format: 'cjs', entryPoints: { main: path.join(ROOT, 'electron/main.ts'), preload: path.join(ROOT, 'electron/preload.ts') },
      outdir: out, packages: 'external', external: ['electron'], define: { __APP_VERSION__: '"test"' }, logLevel: 'error',
    });
    const app = fs.readFileSync(path.join(out, 'app.js'), 'utf8');
    expect(app.length).toBeGreaterThan(10_000);
    expect(unexpectedUrls(app)).toEqual([]);
    expect(app).not.toMatch(/new WebSocket\(|sendBeacon|new EventSource\(|XMLHttpRequest/);
    // The renderer talks to main only through window.api: no fetch of its own.
    expect(app).not.toMatch(/\bfetch\(/);
    for (const f of ['main.js', 'preload.js']) expect(unexpectedUrls(fs.readFileSync(path.join(out, f), 'utf8')), f).toEqual([]);
    // The bundle `npm run build` produced, when there is one, passes the same check.
    const built = path.join(ROOT, 'out/renderer/app.js');
    if (fs.existsSync(built)) expect(unexpectedUrls(fs.readFileSync(built, 'utf8'))).toEqual([]);
    // The check itself finds a URL when there is one.
    expect(unexpectedUrls('fetch("https://api.example.com/x")')).toEqual(['https://api.example.com/x']);
  }, 120_000);
});
