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
import { insertPerson } from '../electron/services/people/write-person';
import { q, statement } from '../electron/db/query';
import { row, timeIt, type BenchRow } from './types';

const insR = statement<{ id: number; row: number; raw: string; now: string }>((p) =>
  q.insertInto('registrations').values({ person_id: p.id, campaign_id: 1, source_file: 'ds.xlsx', source_row: p.row, raw: p.raw, created_at: p.now }),
);
const insD = statement<{ id: number; now: string }>((p) =>
  q.insertInto('donations').values({ person_id: p.id, campaign_id: 1, donated_on: '2026-05-20', outcome: 'donated', volume_ml: 350, created_at: p.now }),
);

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-bench-backup-'));
  try {
    const dbPath = path.join(dir, 'giot-hong.sqlite');
    const ctx = createAppContext(dbPath);
    const now = '2026-05-01T00:00:00Z';
    const db = ctx.conn.sqlite;
    // People are added by the people module (its search key), each with a registration, every other one a donation.
    ctx.data.write((w) => {
      w.run(q.insertInto('campaigns').values({ name: 'Đợt 1', created_at: now, updated_at: now }));
      for (let i = 0; i < 100_000; i++) {
        const id = insertPerson(w, { full_name: `Nguyễn Văn Số ${i}`, birth_date: '1990-01-01', national_id: String(1e11 + i), phone: `09${String(i).padStart(8, '0')}`, address: `Khối ${i % 20}, phường Vĩnh Trại` }, now);
        w.run(insR, { id, row: i + 3, raw: JSON.stringify({ 'Họ tên': `Nguyễn Văn Số ${i}`, 'Địa chỉ': `Khối ${i % 20}` }), now });
        if (i % 2 === 0) w.run(insD, { id, now });
      }
    });
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
