import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
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

/**
 * Largest request body: a list file is at most 60 MB (IMPORT_LIMITS.maxFileBytes), 80 MB in base64,
 * plus its JSON envelope. A bigger body is refused with 413 as it arrives, before it is buffered.
 */
export const MAX_BODY = 96 * 1024 * 1024;

/** A JSON answer the bridge understands as a failed call (never a thrown error). */
function fail(res: http.ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) { res.destroy(); return; }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: { code, message } }));
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

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
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    req.on('error', () => res.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.startsWith('/__api/')) {
      if (req.method !== 'POST' || !sameToken(req.headers['x-giot-hong-token'], token)) {
        res.writeHead(403).end();
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/__api/'.length));
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > MAX_BODY) {
        fail(res, 413, 'TOO_LARGE', 'Dữ liệu gửi lên quá lớn (tối đa 96 MB). Hãy chia nhỏ tệp.');
        res.on('finish', () => req.socket.destroy()); // the answer first, then drop the rest unread
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      req.on('data', (c: Buffer) => {
        if (refused) return;
        size += c.length;
        if (size > MAX_BODY) {
          refused = true;
          chunks.length = 0;
          fail(res, 413, 'TOO_LARGE', 'Dữ liệu gửi lên quá lớn (tối đa 96 MB). Hãy chia nhỏ tệp.');
          res.on('finish', () => req.socket.destroy());
          req.pause();
        } else chunks.push(c);
      });
      req.on('end', () => {
        if (refused) return;
        let args: unknown = {};
        if (chunks.length) {
          try {
            args = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            fail(res, 400, 'BAD_REQUEST', 'Dữ liệu gửi lên không phải JSON hợp lệ. Không có gì được thay đổi.');
            return;
          }
        }
        opts.dispatch(channel, args).then(
          (result) => {
            let body: string;
            try { body = JSON.stringify(result); } catch { fail(res, 500, 'INTERNAL', 'Không gửi được kết quả. Dữ liệu không bị thay đổi.'); return; }
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
            res.end(body);
          },
          () => fail(res, 500, 'INTERNAL', 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi.'),
        );
      });
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      fs.createReadStream(opts.bridgeFile).on('error', () => res.destroy()).pipe(res);
      return;
    }
    let rel = decodeURIComponent(url.pathname);
    if (rel.includes('\0')) { res.writeHead(404).end(); return; }
    if (rel === '/' || !path.extname(rel)) rel = '/index.html';
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
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
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  // One malformed request (a bad %-escape, a NUL, a broken socket) is answered 400 and never ends the process.
  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      fail(res, 400, 'BAD_REQUEST', 'Yêu cầu không hợp lệ.');
    }
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return; }
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
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
