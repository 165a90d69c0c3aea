// Backup, restore and start-up check on a database the size of several years of an office:
// 100,000 people, 100,000 registrations, 50,000 donations. Baseline: a raw copy of the same
// (closed, checkpointed) file, the cheapest thing that could be called a copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../electron/services/create-context';
import { autoBackup } from '../electron/services/backup/auto-backup';
import { restoreDatabaseFile } from '../electron/services/backup/restore';
import { checkDatabaseAtStart } from '../electron/services/backup/health';
import { row, timeIt, type BenchRow } from './types';

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-bench-backup-'));
  try {
    const dbPath = path.join(dir, 'giot-hong.sqlite');
    const ctx = createAppContext(dbPath);
    const now = '2026-05-01T00:00:00Z';
    const db = ctx.conn.sqlite;
    db.prepare("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('Đợt 1', ?, ?)").run(now, now);
    const p = db.prepare('INSERT INTO people (full_name, search_key, birth_date, national_id, phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const r = db.prepare("INSERT INTO registrations (person_id, campaign_id, source_file, source_row, raw, created_at) VALUES (?, 1, 'ds.xlsx', ?, ?, ?)");
    const d = db.prepare("INSERT INTO donations (person_id, campaign_id, donated_on, outcome, volume_ml, created_at) VALUES (?, 1, '2026-05-20', 'donated', 350, ?)");
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) {
        const id = Number(p.run(`Nguyễn Văn Số ${i}`, `nguyen van so ${i}`, '1990-01-01', String(1e11 + i), `09${String(i).padStart(8, '0')}`, `Khối ${i % 20}, phường Vĩnh Trại`, now, now).lastInsertRowid);
        r.run(id, i + 3, JSON.stringify({ 'Họ tên': `Nguyễn Văn Số ${i}`, 'Địa chỉ': `Khối ${i % 20}` }), now);
        if (i % 2 === 0) d.run(id, now);
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const size = fs.statSync(dbPath).size;
    const backup = await timeIt(() => autoBackup(ctx, 'import'));
    const copy = await timeIt(() => fs.copyFileSync(dbPath, path.join(dir, 'raw-copy.sqlite')));
    await ctx.conn.close();
    const start = await timeIt(() => checkDatabaseAtStart(dbPath));
    const restore = await timeIt(() => restoreDatabaseFile(dbPath, backup.value.file));
    const mb = Math.round(size / 1024 / 1024);
    return [
      row({ name: `backup: verified VACUUM INTO snapshot of a ${mb} MB database (100k people)`, value: Math.round(backup.ms), unit: 'ms', baseline: Math.round(copy.ms), target: '< 5 s', met: backup.ms < 5000 }),
      row({ name: 'backup: quick_check at start (same database)', value: Math.round(start.ms), unit: 'ms', baseline: null, target: '< 2 s', met: start.ms < 2000 && start.value.state === 'ok' }),
      row({ name: 'backup: restore (save current + write + verify + swap)', value: Math.round(restore.ms), unit: 'ms', baseline: Math.round(copy.ms), target: '< 15 s', met: restore.ms < 15000 }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
