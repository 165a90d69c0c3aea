/**
 * Issue 16: every crafted file through every reader (the list importer, units, quotas, results and
 * the Node host's imports:parse), each file in its own child process with a 1 GB heap cap and a
 * timeout: a typed Vietnamese error naming the file, peak memory under 1 GB, a generous time bound,
 * and a database left exactly as it was.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from '../../../electron/db/sqlite-driver';
import { createAppContext } from '../../../electron/services/create-context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { importFiles } from '../../../electron/services/imports/import-files';
import { bundleScript, childEnv } from '../bundle';
import { logicalDump } from '../dump';
import { craftedFiles, plainList, type Crafted } from './make-hostile';
import type { ReaderOutcome } from './hostile-child';

/** Per file, all five readers together; the machine is shared and noisy, so this is generous. */
const TIME_BOUND_MS = 30_000;
const MEMORY_BOUND_MB = 1024;

let dir: string;
let child: string;
let dbPath: string;
let campaignId: number;
let files: Crafted[];
let before: string;

function dump(): string {
  const db = new Database(dbPath, { readonly: true });
  try { return logicalDump(db); } finally { db.close(); }
}

function runChild(file: string): Promise<{ outcomes: ReaderOutcome[]; maxRssMb: number; ms: number; status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const t = Date.now();
    const p = spawn(process.execPath, ['--max-old-space-size=1024', child, file, dbPath, String(campaignId)], { env: childEnv(), timeout: 90_000, killSignal: 'SIGKILL' });
    let out = '';
    let err = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (err += c));
    p.on('close', (status) => {
      const line = out.trim().split('\n').pop() ?? '';
      let parsed = { outcomes: [] as ReaderOutcome[], maxRssMb: Infinity };
      try { parsed = JSON.parse(line); } catch { /* reported below */ }
      resolve({ ...parsed, ms: Date.now() - t, status, stderr: err.slice(-2000) });
    });
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-hostile-'));
  child = await bundleScript('test/safety/hostile/hostile-child.ts', path.join(dir, 'hostile-child.cjs'));
  dbPath = path.join(dir, 'db.sqlite');
  const ctx = createAppContext(dbPath, { now: () => new Date('2026-05-01T08:00:00Z') });
  campaignId = (await createCampaign(ctx, { name: 'Đợt thử', donationDates: ['2026-05-28'] })).id;
  const unit = await createUnit(ctx, { name: 'Phường Vĩnh Trại', kind: 'commune' });
  const [o] = await importFiles(ctx, [{ name: 'Danh sách thật.xlsx', data: await plainList() }], { campaignId, unit: unit.id, onDuplicate: 'skip' });
  expect(o.ok, o.message).toBe(true);
  await ctx.conn.close();
  files = await craftedFiles();
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.data);
  before = dump();
}, 120_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile files through every reader', () => {
  it('each crafted file is small (generated in the test)', () => {
    for (const f of files) expect(f.data.length, f.name).toBeLessThan(4 * 1024 * 1024);
  });

  it('every reader refuses each file with a typed Vietnamese error naming it, within 1 GB and the time bound; the database is unchanged', async () => {
    const results: Record<string, Awaited<ReturnType<typeof runChild>>> = {};
    // Two at a time: the suite stays well under a minute on one core.
    const queue = [...files];
    await Promise.all([0, 1].map(async () => {
      for (let f = queue.shift(); f; f = queue.shift()) results[f.name] = await runChild(path.join(dir, f.name));
    }));
    for (const f of files) {
      const r = results[f.name];
      const where = `${f.name}: ${r.stderr}`;
      expect(r.status, where).toBe(0);
      expect(r.outcomes.map((o) => o.reader), where).toEqual(['lists', 'units', 'quotas', 'results', 'host']);
      expect(r.maxRssMb, where).toBeLessThan(MEMORY_BOUND_MB);
      expect(r.ms, where).toBeLessThan(TIME_BOUND_MS);
      console.log(f.name, Math.round(r.maxRssMb), 'MB', r.ms, 'ms', r.outcomes.map((o) => `${o.reader}:${o.ok ? 'ok' : o.code}:${o.ms}`).join(' '));
      for (const o of r.outcomes) {
        const want = o.reader === 'lists' || o.reader === 'host' ? f.expect.lists : f.expect.others;
        const label = `${f.name} → ${o.reader}: ${o.code} ${o.message}`;
        if (want === 'ok' || (want === 'any' && o.ok)) { expect(o.ok, label).toBe(true); continue; }
        expect(o.ok, label).toBe(false);
        expect(o.code, label).not.toBe('INTERNAL');
        expect(o.message, label).toContain(f.name);
        expect(o.message, label).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
        // The reader's own check answered (the host reports the same message without a code).
        if (o.reader !== 'host' && want !== 'any' && want.length <= 2) expect(want, label).toContain(o.code);
      }
    }
    expect(dump()).toBe(before);
  }, 300_000);
});
