import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../security';
import type { Dispatch } from '../ipc/dispatch';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 300 * 1024 * 1024;

export interface HostOptions {
  rendererDir: string;
  bridgeFile: string;
  dispatch: Dispatch;
  port?: number;
}

/**
 * The test/dev host: serves the built renderer and answers window.api calls over HTTP with the
 * same dispatcher Electron uses. Bound to 127.0.0.1; calls need the per-run token the page carries.
 */
export function startHost(opts: HostOptions): Promise<{ server: http.Server; url: string }> {
  const token = randomBytes(16).toString('hex');
  const root = path.resolve(opts.rendererDir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.startsWith('/__api/')) {
      if (req.method !== 'POST' || req.headers['x-giot-hong-token'] !== token) {
        res.writeHead(403).end();
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/__api/'.length));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', async () => {
        let args: unknown;
        try {
          args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          args = undefined;
        }
        const result = await opts.dispatch(channel, args);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(result));
      });
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      fs.createReadStream(opts.bridgeFile).pipe(res);
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/' || !path.extname(rel)) rel = '/index.html';
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    if (file.endsWith('index.html')) {
      const html = fs.readFileSync(file, 'utf8').replace(
        '<head>',
        `<head><meta name="giot-hong-token" content="${token}"><script src="/__host/bridge.js"></script>`,
      );
      res.writeHead(200, headers).end(html);
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}
