/**
 * Issue 16 item 7: the Node host survives a fuzz of malformed URLs, headers and bodies. One bad
 * request is answered (400, 403, 404 or 413) and never ends the process; malformed JSON is refused,
 * not read as {}; a body past the cap is refused as it arrives.
 */
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../../electron/host/server';
import type { Dispatch } from '../../../electron/ipc/dispatch';

let server: http.Server;
let port: number;
let token: string;
let dir: string;
const calls: { channel: string; args: unknown }[] = [];

/** A raw request over TCP: what curl --path-as-is or a hostile local process can send. */
function raw(request: string | Buffer, wait = 2000, keepOpen = false): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (c) => (out += c.toString('latin1')));
    s.on('error', () => resolve(out));
    s.on('close', () => resolve(out));
    s.setTimeout(wait, () => { s.destroy(); resolve(out); });
    if (keepOpen) s.write(request); else s.end(request);
  });
}

const status = (res: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(res)?.[1] ?? 0);

function post(pathPart: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<string> {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  const h = { host: `127.0.0.1:${port}`, 'x-giot-hong-token': token, 'content-type': 'application/json', 'content-length': String(b.length), connection: 'close', ...headers };
  return raw(Buffer.concat([Buffer.from(`POST ${pathPart} HTTP/1.1\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`, 'latin1'), b]));
}

async function alive(): Promise<void> {
  const res = await raw(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
  expect(status(res)).toBe(200);
  const ok = await post('/__api/app:info', '{}');
  expect(status(ok)).toBe(200);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>ok</body></html>');
  const dispatch: Dispatch = async (channel, args) => {
    calls.push({ channel, args });
    return { ok: true, value: { channel } };
  };
  const started = await startHost({ rendererDir: dir, bridgeFile: path.join(dir, 'index.html'), dispatch, port: 0 });
  server = started.server;
  port = Number(new URL(started.url).port);
  const page = await raw(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
  token = /name="giot-hong-token" content="([0-9a-f]+)"/.exec(page)![1];
});

afterAll(() => {
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Node host survives malformed requests', () => {
  it('a malformed %-escape in the path (the URIError that ended the process) is answered, without a token', async () => {
    const res = await raw(`GET /%E0%A4%A HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
    expect(status(res)).toBe(400);
    await alive();
  });

  it('a fuzz of malformed URLs and request lines: every one answered or closed, the host still serves', async () => {
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const pieces = ['%', '%E0', '%A4%A', '%00', '%FF%FE', '%2e%2e%2f', '..', '/', '\\', '?', '#', '%u0041', '__api', '__host', 'é', '\u0000', '//', '%%', 'index.html', '%C0%AF', ' ', '\t'];
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'G\u0000T', ''];
    for (let i = 0; i < 150; i++) {
      let p = '/';
      for (let k = 0, n = 1 + rand(8); k < n; k++) p += pieces[rand(pieces.length)];
      const m = methods[rand(methods.length)];
      const res = await raw(Buffer.from(`${m} ${p} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx-giot-hong-token: ${token}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`, 'latin1'), 1000);
      const code = status(res);
      expect(code === 0 || [200, 400, 403, 404, 413].includes(code), `${m} ${JSON.stringify(p)} → ${code}`).toBe(true);
    }
    await alive();
  }, 60_000);

  it('path traversal and NUL bytes in a path never leave the renderer folder', async () => {
    for (const p of ['/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/index.html%00.js', '/%2e%2e%5c%2e%2e%5cwindows']) {
      const res = await raw(`GET ${p} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`);
      // Either refused, or (no extension) the app's own index page: never a file outside the folder.
      expect([200, 400, 404]).toContain(status(res));
      if (status(res) === 200) expect(res).toContain('<body>ok</body>');
      expect(res).not.toContain('root:');
    }
  });

  it('malformed JSON is refused with 400, never read as {}', async () => {
    const before = calls.length;
    for (const body of ['{', '{"a":', 'nul', '\u0000', '{"campaignId": 1,}', Buffer.from([0xff, 0xfe, 0x7b]), '[' .repeat(5000)]) {
      const res = await post('/__api/app:info', body);
      expect(status(res), JSON.stringify(body)).toBe(400);
      expect(res).toContain('"ok":false');
    }
    expect(calls.length).toBe(before);
    await alive();
  });

  it('a malformed channel name is refused, a deeply nested JSON body does not crash it', async () => {
    expect(status(await post('/__api/%E0%A4%A', '{}'))).toBe(400);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect([200, 400]).toContain(status(await post('/__api/app:info', deep)));
    await alive();
  });

  it('a body over the cap is refused as it arrives (413), by its declared length or by what is sent', async () => {
    const declared = await raw(`POST /__api/app:info HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx-giot-hong-token: ${token}\r\ncontent-length: 304087040\r\nconnection: close\r\n\r\n{`, 2000, true);
    expect(status(declared), declared).toBe(413);
    // Chunked, no length announced: refused once the cap is passed.
    const res = await new Promise<string>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      let out = '';
      s.on('data', (c) => (out += c.toString('latin1')));
      s.on('error', () => resolve(out));
      s.on('close', () => resolve(out));
      s.write(`POST /__api/app:info HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nx-giot-hong-token: ${token}\r\ntransfer-encoding: chunked\r\n\r\n`);
      const size = 4 * 1024 * 1024;
      const frame = Buffer.concat([Buffer.from(`${size.toString(16)}\r\n`), Buffer.alloc(size, 0x20), Buffer.from('\r\n')]);
      let sent = 0;
      const pump = () => {
        while (sent < 100 * 1024 * 1024 && !s.destroyed) {
          sent += size;
          if (!s.write(frame)) { s.once('drain', pump); return; }
        }
        if (!s.destroyed) s.end('0\r\n\r\n');
      };
      pump();
    });
    expect(status(res), res.slice(0, 300)).toBe(413);
    await alive();
  }, 60_000);

  it('calls without the token, with a wrong token or a forged Host header are refused', async () => {
    expect(status(await post('/__api/app:info', '{}', { 'x-giot-hong-token': 'x'.repeat(token.length) }))).toBe(403);
    expect(status(await post('/__api/app:info', '{}', { 'x-giot-hong-token': '' }))).toBe(403);
    expect(status(await post('/__api/app:info', '{}', { host: 'evil.example:80' }))).toBe(403);
  });
});
