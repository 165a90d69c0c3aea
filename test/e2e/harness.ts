import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from '../../electron/db/sqlite-driver';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
/** Every run's screenshots: an ignored folder, looked at by people; `npm run screenshots` copies the README's few into docs/. */
export const SCREENSHOT_DIR = path.join(ROOT, '.tmp', 'screenshots');
fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

export interface E2eApp {
  url: string;
  dbPath: string;
  dir: string;
  page: Page;
  browser: Browser;
  /** Read-only look at the real SQLite file behind the UI. */
  query<T = unknown>(sql: string, ...params: unknown[]): T[];
  screenshot(name: string): Promise<string>;
  /** Every request the page made that did not go to the local host. */
  foreignRequests: string[];
  close(): Promise<void>;
}

function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('Debian Chromium not found: apt-get install chromium');
}

async function startHostProcess(dbPath: string, pickDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const hostJs = path.join(ROOT, 'out', 'host.js');
  if (!fs.existsSync(hostJs)) throw new Error('out/host.js missing: run `npm run build` first');
  // The host's stand-in for main's file dialogs "chooses" this folder (and its newest .sqlite file).
  const env = { ...process.env, GIOT_HONG_HOST_PICK_DIR: pickDir };
  const proc = spawn(process.execPath, [hostJs, '--db', dbPath, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { proc, url };
}

/** Starts the real Node host on a fresh SQLite file and opens Debian's Chromium on it. */
export async function launchApp(opts: { dbPath?: string } = {}): Promise<E2eApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-e2e-'));
  const dbPath = opts.dbPath ?? path.join(dir, 'e2e.sqlite');
  const { proc, url } = await startHostProcess(dbPath, path.join(dir, 'USB'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=vi-VN'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:')) foreignRequests.push(u);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    url, dbPath, dir, page, browser, foreignRequests,
    query<T>(sql: string, ...params: unknown[]) {
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async screenshot(name: string) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      if (pageErrors.length) console.warn('page errors:', pageErrors.join('\n'));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Completes the first-run form through the UI. */
export async function completeFirstRun(page: Page, opts: { campaign?: string; date?: string } = {}): Promise<void> {
  await page.getByLabel('Tên cơ quan ban hành văn bản').fill('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN');
  await page.getByLabel('Cơ quan cấp trên').fill('UBND THÀNH PHỐ LẠNG SƠN');
  await page.getByLabel('Địa danh ghi trên văn bản').fill('Lạng Sơn');
  await page.getByLabel('Chức vụ').fill('TRƯỞNG BAN');
  await page.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
  await page.getByLabel('Tên đợt').fill(opts.campaign ?? 'Đợt 1 năm 2026');
  if (opts.date) await page.getByLabel('Ngày hiến máu').fill(opts.date);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
}
