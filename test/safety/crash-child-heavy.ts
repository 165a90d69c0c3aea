/**
 * The crash-safety child for the heavy paths (issue 16, "kill -9 rounds extended"). Args: MODE DB_PATH SEED DIR.
 *  - bigimport: the real importer on lists of more than 5,000 rows (commitImport's bulk path, which
 *    changes cache_size and foreign_keys for the transaction). Prints "COMMIT <file>" before each
 *    commit and "ACK real <file> <imported> <batchId>" after it, once it has checked that the
 *    connection's pragmas are back to what they were.
 *  - bulkmerge: imports a list of people registered twice (same CCCD, name and birth date), then
 *    "BULK", bulkMerge, "ACK bulk <batchId> <merged>".
 *  - restore: "WRITE m" / "ACK mark m" (a marker in settings), a backup, another marker, then
 *    "RESTORE m" (the marker the backup holds), restoreFromBackup, "ACK restore m".
 *  - tofolder: "COPY", backupToFolder(DIR) (a USB stick), "ACK folder <name>".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../electron/services/create-context';
import { createUnit } from '../../electron/services/units/units';
import { openCrashDatabase } from './crash-child-merge';
import { buildPreview } from '../../electron/services/imports/build-preview';
import { commitImport } from '../../electron/services/imports/commit-import';
import { importFiles } from '../../electron/services/imports/import-files';
import { bulkMerge } from '../../electron/services/duplicates/bulk-merge';
import { autoBackup, backupToFolder } from '../../electron/services/backup/auto-backup';
import { restoreFromBackup } from '../../electron/services/backup/restore';

const [mode, dbPath, seedArg, dir] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Lường', 'Nông'];
const GIVEN = ['An', 'Bình', 'Hồng', 'Vân', 'Dũng', 'Hà', 'Lan', 'Tuấn', 'Thảo', 'Quỳnh'];

/** A list in which each of `people` people is registered twice (two organisations sent the same person). */
function pairsList(people: number): string {
  const lines = ['STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại'];
  for (let i = 0; i < people; i++) {
    const female = rand() < 0.5;
    const name = `${FAMILY[Math.floor(rand() * 10)]} ${female ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(rand() * 10)]} ${GIVEN[Math.floor(rand() * 10)]}`;
    const year = 1970 + Math.floor(rand() * 35);
    const id = `0${String(10 + Math.floor(rand() * 80))}${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
    const row = `${name},${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${year},${female ? 'Nữ' : 'Nam'},${id},09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
    lines.push(`${2 * i + 1},${row}`, `${2 * i + 2},${row}`);
  }
  return lines.join('\r\n');
}

function pragmas(ctx: AppContext) {
  const p = (name: string) => String(ctx.conn.sqlite.pragma(name, { simple: true }));
  return `foreign_keys=${p('foreign_keys')} cache_size=${p('cache_size')} synchronous=${p('synchronous')} journal_mode=${p('journal_mode')}`;
}

async function main() {
  const { ctx, campaignId, unitId } = await openCrashDatabase(dbPath);
  const opened = pragmas(ctx);
  const mark = (m: string) => {
    say(`WRITE ${m}`);
    ctx.conn.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('crash.marker', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(m);
    say(`ACK mark ${m}`);
  };
  say('READY');
  if (mode === 'bigimport') {
    const done = new Set(ctx.conn.sqlite.prepare('SELECT file_name FROM import_batches').pluck().all() as string[]);
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.csv') && !done.has(f)).sort()) {
      const { preview } = await buildPreview(ctx, { fileName: name, data: fs.readFileSync(path.join(dir, name)), campaignId });
      if (preview.rows.length <= 5000) throw new Error(`list ${name} has ${preview.rows.length} rows: not the bulk path`);
      say(`COMMIT ${name}`);
      const r = await commitImport(ctx, { previewId: preview.id, unitId, newUnitName: null, onDuplicate: 'skip' });
      // The bulk path changed cache_size and foreign_keys for its transaction: they must be back.
      const after = pragmas(ctx);
      if (after !== opened) throw new Error(`pragmas not restored after a bulk commit: ${opened} -> ${after}`);
      say(`ACK real ${name} ${r.imported} ${r.batchId}`);
    }
    say('DONE');
  } else if (mode === 'bulkmerge') {
    for (let n = 0; ; n++) {
      const people = 100 + Math.floor(rand() * 150);
      const name = `cap-${process.pid}-${n}-r${2 * people}.csv`;
      const [r] = await importFiles(ctx, [{ name, data: Buffer.from(pairsList(people)) }], { campaignId, unit: unitId, onDuplicate: 'skip', matchDuplicates: false });
      if (!r.ok) throw new Error(`import failed: ${r.message}`);
      say(`ACK real ${name} ${r.imported} ${r.batchId}`);
      say('BULK');
      const b = await bulkMerge(ctx, campaignId);
      if (b.batchId === null || b.merged < people) throw new Error(`bulk merge merged ${b.merged} of ${people} pairs`);
      say(`ACK bulk ${b.batchId} ${b.merged}`);
    }
  } else if (mode === 'restore') {
    for (let n = 0; ; n++) {
      const before = `${seedArg}-${n}-a`;
      mark(before);
      const backup = autoBackup(ctx, 'manual').file;
      // Work done after the backup, which the restore takes back.
      await createUnit(ctx, { name: `Đơn vị ${seedArg}-${n}`, kind: 'commune' });
      mark(`${seedArg}-${n}-b`);
      say(`RESTORE ${before}`);
      await restoreFromBackup(ctx, backup);
      say(`ACK restore ${before}`);
    }
  } else if (mode === 'tofolder') {
    for (;;) {
      say('COPY');
      const r = backupToFolder(ctx, dir);
      say(`ACK folder ${path.basename(r.file)}`);
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e) => {
  say(`ERROR ${e instanceof Error ? e.stack?.replace(/\n/g, ' | ') : String(e)}`);
  process.exit(3);
});
