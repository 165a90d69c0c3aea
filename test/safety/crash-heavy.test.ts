import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import Database from '../../electron/db/sqlite-driver';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildChild, generateLists, killRound, verifyAfterKill, type Acks } from './crash-harness';
import { openDatabase } from '../../electron/db/connection';
import { startDatabase } from '../../electron/services/backup/startup';
import { listBackupFiles } from '../../electron/services/backup/backup-store';
import { checkDatabaseFile, verifyChecksum } from '../../electron/services/backup/sqlite-file';
import { createAppContext } from '../../electron/services/create-context';
import { createCampaign } from '../../electron/services/campaigns/campaigns';
import { createUnit } from '../../electron/services/units/units';
import { importFiles } from '../../electron/services/imports/import-files';

/**
 * Issue 16, "kill -9 rounds extended": the heavy paths the 200 light rounds of crash.test.ts do not
 * reach — the >5,000-row bulk commit of the list importer, a bulk merge, a restore and a backup to a
 * folder — each killed at random moments, mostly while its own work is in flight (the kill timer
 * starts at the line the child prints just before that work). After each kill the files are checked
 * as the next start of the app finds them, against what the child acknowledged before the kill.
 * CRASH_HEAVY_ROUNDS=n runs n rounds of each (default 10–14), CRASH_SEED fixes the seed.
 */
const ROUNDS = Number(process.env.CRASH_HEAVY_ROUNDS ?? 0);
const rounds = (n: number) => (ROUNDS > 0 ? ROUNDS : n);

describe('crash safety of the heavy paths (kill -9 during bulk commit, bulk merge, restore, backup to a folder)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-crash-heavy-'));
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
  let s = seed >>> 0 || 7;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  let child = '';
  beforeAll(async () => {
    child = await buildChild(dir, 'test/safety/crash-child-heavy.ts', 'crash-child-heavy.cjs');
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const newAcks = (): Acks => ({ imports: new Map(), real: new Map(), merges: new Map() });

  /** How long the watched work took when it was not killed: kills are drawn within 1.2× of it. */
  function spanTracker(start: string, end: string, initial: number) {
    let span = initial;
    let at = 0;
    return {
      delay: () => Math.floor(rand() * span * 1.2),
      onLine(line: string) {
        const w = line.split(' ')[0];
        if (w === start) at = Date.now();
        else if (line.startsWith(end) && at) {
          span = Math.max(50, Date.now() - at);
          at = 0;
        }
      },
    };
  }

  /** The first round of each kind kills right after the first acknowledgement: one whole run is measured and acknowledged. */
  const firstRound = (ack: string) => ({ afterReadyMs: 0, rawMs: 0, trigger: ack });

  /** A database the copy and restore rounds work on: a real 3,000-row list imported. */
  async function seededDb(sub: string): Promise<string> {
    const dbPath = path.join(dir, sub, 'giot-hong.sqlite');
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const lists = path.join(dir, `${sub}-lists`);
    generateLists(lists, 1, rand, { prefix: 'goc', rows: () => 3000 });
    const ctx = createAppContext(dbPath);
    await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    const campaign = await createCampaign(ctx, { name: 'Đợt 1 năm 2026' });
    const name = fs.readdirSync(lists)[0];
    const [r] = await importFiles(ctx, [{ name, data: fs.readFileSync(path.join(lists, name)) }], { campaignId: campaign.id, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    expect(r.ok).toBe(true);
    await ctx.conn.close();
    return dbPath;
  }

  /** The next start of the app (startDatabase): it must open normally; `look` reads the opened database. */
  async function nextStart<T>(dbPath: string, look: (db: BetterSqlite3.Database) => T): Promise<T> {
    const started = startDatabase(dbPath);
    if (started.mode !== 'normal') throw new Error(`next start in recovery mode: ${started.message}`);
    try {
      return look(started.ctx.conn.sqlite);
    } finally {
      await started.ctx.conn.close();
    }
  }

  it('kill -9 during the >5,000-row bulk commit of the real importer: each list whole or absent, pragmas back', async () => {
    const n = rounds(12);
    const dbPath = path.join(dir, 'big', 'giot-hong.sqlite');
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const lists = path.join(dir, 'big-lists');
    generateLists(lists, n + 2, rand, { prefix: 'lon', rows: () => 5001 + Math.floor(rand() * 150) });
    const acks = newAcks();
    const checked = new Set<string>();
    const span = spanTracker('COMMIT', 'ACK real', 400);
    let killedInCommit = 0;
    for (let r = 0; r < n; r++) {
      let last = '';
      const inCommit = rand() < 0.85;
      const timing = r === 0 ? firstRound('ACK real') : inCommit ? { afterReadyMs: span.delay(), rawMs: 0, trigger: 'COMMIT' } : { afterReadyMs: Math.floor(rand() * 1200), rawMs: 0 };
      const res = await killRound(child, ['bigimport', dbPath, String(Math.floor(rand() * 2 ** 31)), lists], timing, acks, (line) => {
        span.onLine(line);
        if (/^(COMMIT|ACK) /.test(line)) last = line;
      });
      if (last.startsWith('COMMIT ')) killedInCommit++;
      const problems = verifyAfterKill(dbPath, acks, checked);
      if (res.childError) problems.push(`child failed: ${res.childError}`);
      // The bulk path turns foreign keys off for its transaction: the next start has them on, and nothing dangles.
      const conn = openDatabase(dbPath);
      try {
        if (conn.sqlite.pragma('foreign_keys', { simple: true }) !== 1) problems.push('foreign_keys off at the next start');
        const bad = conn.sqlite.prepare("SELECT count(*) FROM import_batches b WHERE b.row_count <> (SELECT count(*) FROM registrations r WHERE r.batch_id = b.id)").pluck().get() as number;
        if (bad) problems.push(`${bad} import batches not whole`);
      } finally {
        await conn.close();
      }
      expect(problems, `round ${r}, seed ${seed}`).toEqual([]);
    }
    expect(killedInCommit, `seed ${seed}`).toBeGreaterThanOrEqual(Math.ceil(n / 3));
    expect(acks.real.size, `seed ${seed}`).toBeGreaterThan(0);
    console.log(`crash (bulk commit): ${n} kills, ${killedInCommit} inside a >5,000-row commit, ${acks.real.size} big lists acknowledged (seed ${seed})`);
  }, 240_000);

  it('kill -9 during a bulk merge: all pairs of the batch merged or none, merge_batches agrees with person_merges', async () => {
    const n = rounds(10);
    const dbPath = path.join(dir, 'bulk', 'giot-hong.sqlite');
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    const acks = newAcks();
    const checked = new Set<string>();
    const bulks = new Map<number, number>();
    const span = spanTracker('BULK', 'ACK bulk', 1200);
    let killedInBulk = 0;
    for (let r = 0; r < n; r++) {
      let last = '';
      const timing = r === 0 ? firstRound('ACK bulk') : rand() < 0.85 ? { afterReadyMs: span.delay(), rawMs: 0, trigger: 'BULK' } : { afterReadyMs: Math.floor(rand() * 800), rawMs: 0 };
      const res = await killRound(child, ['bulkmerge', dbPath, String(Math.floor(rand() * 2 ** 31)), '-'], timing, acks, (line) => {
        span.onLine(line);
        const w = line.split(' ');
        if (w[0] === 'ACK' && w[1] === 'bulk') bulks.set(Number(w[2]), Number(w[3]));
        if (/^(BULK|ACK)/.test(line)) last = line;
      });
      if (last === 'BULK') killedInBulk++;
      const problems = verifyAfterKill(dbPath, acks, checked);
      if (res.childError) problems.push(`child failed: ${res.childError}`);
      const db = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        const batches = db.prepare('SELECT b.id, b.merged, (SELECT count(*) FROM person_merges m WHERE m.batch_id = b.id) AS rows FROM merge_batches b').all() as { id: number; merged: number; rows: number }[];
        for (const b of batches) if (b.merged !== b.rows || b.merged === 0) problems.push(`merge batch ${b.id}: merged ${b.merged}, person_merges ${b.rows}`);
        for (const [id, merged] of bulks) {
          const b = batches.find((x) => x.id === id);
          if (!b || b.merged !== merged) problems.push(`acknowledged bulk merge ${id} (${merged} pairs) is missing or differs`);
        }
        const orphans = db.prepare('SELECT count(*) FROM person_merges m WHERE m.batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM merge_batches b WHERE b.id = m.batch_id)').pluck().get() as number;
        if (orphans) problems.push(`${orphans} merges point to a missing batch`);
        // Every pair in this database is data-decided (same CCCD, name, birth date): after a committed batch none is left open.
        const open = db.prepare('SELECT count(*) FROM (SELECT national_id FROM people WHERE merged_into IS NULL GROUP BY national_id HAVING count(*) > 1)').pluck().get() as number;
        const unmergedImports = db.prepare("SELECT count(*) FROM import_batches WHERE created_at > COALESCE((SELECT max(created_at) FROM merge_batches), '')").pluck().get() as number;
        if (open && !unmergedImports) problems.push(`${open} decided pairs left open although no list came after the last bulk merge`);
        const audit = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'duplicates.bulkMerge'").pluck().get() as number;
        if (audit !== batches.length) problems.push(`audit has ${audit} bulk merge entries for ${batches.length} batches`);
      } finally {
        db.close();
      }
      expect(problems, `round ${r}, seed ${seed}`).toEqual([]);
    }
    expect(killedInBulk, `seed ${seed}`).toBeGreaterThanOrEqual(Math.ceil(n / 3));
    expect(bulks.size, `seed ${seed}`).toBeGreaterThan(0);
    console.log(`crash (bulk merge): ${n} kills, ${killedInBulk} inside a bulk merge, ${bulks.size} bulk merges (${[...bulks.values()].reduce((a, b) => a + b, 0)} pairs) acknowledged (seed ${seed})`);
  }, 240_000);

  it('kill -9 during a restore: the live database is the old one or the restored one, opens at the next start and passes integrity_check', async () => {
    const n = rounds(14);
    const dbPath = await seededDb('restore');
    const acks = newAcks();
    const checked = new Set<string>();
    const span = spanTracker('RESTORE', 'ACK restore', 600);
    let current: string | null = null;
    let killedInRestore = 0;
    let restoresAcked = 0;
    let tmpLeft = 0;
    for (let r = 0; r < n; r++) {
      let possible: Set<string | null> = new Set([current]);
      let last = '';
      const timing = r === 0 ? firstRound('ACK restore') : rand() < 0.8 ? { afterReadyMs: span.delay(), rawMs: 0, trigger: 'RESTORE' } : { afterReadyMs: Math.floor(rand() * 500), rawMs: 0 };
      const res = await killRound(child, ['restore', dbPath, String(r), '-'], timing, acks, (line) => {
        span.onLine(line);
        const [w0, w1, w2] = line.split(' ');
        // What the file may hold if the kill lands now: the acknowledged state, or the one being written.
        if (w0 === 'WRITE' || w0 === 'RESTORE') possible = new Set([current, w1]);
        else if (w0 === 'ACK' && (w1 === 'mark' || w1 === 'restore')) {
          current = w2;
          possible = new Set([w2]);
          if (w1 === 'restore') restoresAcked++;
        }
        if (/^(RESTORE|ACK|WRITE)/.test(line)) last = line;
      });
      if (last.startsWith('RESTORE')) killedInRestore++;
      const problems = verifyAfterKill(dbPath, acks, checked);
      if (res.childError) problems.push(`child failed: ${res.childError}`);
      if (fs.existsSync(`${dbPath}.restore-tmp`)) tmpLeft++;
      try {
        const found = await nextStart(dbPath, (db) => ({
          marker: (db.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get() as string | undefined) ?? null,
          integrity: db.pragma('integrity_check', { simple: true }),
        }));
        if (found.integrity !== 'ok') problems.push(`integrity_check after the next start: ${String(found.integrity)}`);
        if (!possible.has(found.marker)) problems.push(`database holds "${String(found.marker)}", expected one of ${[...possible].join(', ')}`);
        current = found.marker;
      } catch (e) {
        problems.push(String(e));
      }
      // A kill while the backup was being copied in leaves its temporary copy: the next start removes it.
      if (fs.existsSync(`${dbPath}.restore-tmp`)) problems.push('restore-tmp left after the next start');
      expect(problems, `round ${r}, seed ${seed}`).toEqual([]);
    }
    expect(killedInRestore, `seed ${seed}`).toBeGreaterThanOrEqual(Math.ceil(n / 3));
    expect(restoresAcked, `seed ${seed}`).toBeGreaterThan(0);
    console.log(`crash (restore): ${n} kills, ${killedInRestore} inside a restore (${tmpLeft} while the backup was copied in), ${restoresAcked} restores acknowledged (seed ${seed})`);
  }, 240_000);

  it('kill -9 during a backup to a folder: nothing that looks like a finished backup unless it is one; the .partial is gone at the next start', async () => {
    const n = rounds(14);
    const dbPath = await seededDb('usb-src');
    const usb = path.join(dir, 'USB');
    fs.mkdirSync(usb);
    const acks = newAcks();
    const acked = new Set<string>();
    const span = spanTracker('COPY', 'ACK folder', 250);
    let partialsLeft = 0;
    for (let r = 0; r < n; r++) {
      const timing = r === 0 ? firstRound('ACK folder') : { afterReadyMs: span.delay(), rawMs: 0, trigger: 'COPY' };
      const res = await killRound(child, ['tofolder', dbPath, String(r), usb], timing, acks, (line) => {
        span.onLine(line);
        const w = line.split(' ');
        if (w[0] === 'ACK' && w[1] === 'folder') acked.add(w[2]);
      });
      const problems = verifyAfterKill(dbPath, acks);
      if (res.childError) problems.push(`child failed: ${res.childError}`);
      // Before the next start: every file named like a backup is a whole, verified one with its checksum.
      const finished = listBackupFiles(usb);
      for (const b of finished) {
        if (!checkDatabaseFile(b.file, 'integrity').ok) problems.push(`${b.name} looks finished but fails integrity_check`);
        try {
          if (verifyChecksum(b.file) !== 'ok') problems.push(`${b.name} has no checksum`);
        } catch (e) {
          problems.push(`${b.name}: ${String(e)}`);
        }
      }
      for (const name of acked) if (!finished.some((b) => b.name === name)) problems.push(`acknowledged copy ${name} is missing`);
      if (fs.readdirSync(usb).some((f) => f.endsWith('.partial'))) partialsLeft++;
      try {
        await nextStart(dbPath, () => null);
      } catch (e) {
        problems.push(String(e));
      }
      const left = fs.readdirSync(usb);
      for (const f of left) {
        if (f.endsWith('.partial')) problems.push(`${f} still there after the next start`);
        if (f.endsWith('.sha256') && !left.includes(f.slice(0, -'.sha256'.length))) problems.push(`${f} left without its backup after the next start`);
      }
      expect(problems, `round ${r}, seed ${seed}`).toEqual([]);
    }
    expect(partialsLeft, `seed ${seed}`).toBeGreaterThanOrEqual(Math.ceil(n / 4));
    expect(acked.size, `seed ${seed}`).toBeGreaterThan(0);
    console.log(`crash (backup to a folder): ${n} kills, ${partialsLeft} left a .partial (cleaned at the next start), ${acked.size} copies acknowledged (seed ${seed})`);
  }, 240_000);
  it('the moments a random kill rarely hits: a restore killed after its copy, a USB backup killed between checksum and rename', async () => {
    const dbPath = await seededDb('moments');
    const before = await nextStart(dbPath, (db) => db.prepare('SELECT count(*) FROM people').pluck().get());
    // Restore: the backup copied in beside the database, the rename not done yet.
    fs.copyFileSync(dbPath, `${dbPath}.restore-tmp`);
    // USB: the checksum written, the .partial not renamed yet (the pending ledger names it).
    const usb = path.join(dir, 'USB-moments');
    fs.mkdirSync(usb);
    const dest = path.join(usb, 'giot-hong-20260501-080000-000-manual.sqlite');
    fs.copyFileSync(dbPath, `${dest}.partial`);
    fs.writeFileSync(`${dest}.sha256`, `${'0'.repeat(64)}  ${path.basename(dest)}\n`);
    fs.writeFileSync(path.join(path.dirname(dbPath), 'backups', 'pending-partials.txt'), `${dest}.partial\n`);
    expect(await nextStart(dbPath, (db) => db.prepare('SELECT count(*) FROM people').pluck().get())).toBe(before);
    expect(fs.existsSync(`${dbPath}.restore-tmp`)).toBe(false);
    expect(fs.readdirSync(usb)).toEqual([]);
  }, 60_000);
});
