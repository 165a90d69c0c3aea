/**
 * The crash-safety child that runs the REAL importer (buildPreview + commitImport through
 * importFiles) on generated CSV lists, and real merges, printing one line per commit:
 * "ACK real <file> <imported> <batchId>" or "ACK merge <survivor> <merged> <mergeId>".
 * Args: DB_PATH SEED FILES_DIR. Heavier to start than crash-child.ts, so it runs in some rounds only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../electron/services/imports/import-files';
import { mergeRandomPair, openCrashDatabase } from './crash-child-merge';
import { autoBackup } from '../../electron/services/backup/auto-backup';

const [dbPath, seedArg, filesDir] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function main() {
  const { ctx, campaignId, unitId } = await openCrashDatabase(dbPath);
  const files = fs.readdirSync(filesDir).filter((f) => f.endsWith('.csv')).sort();
  const done = new Set(ctx.conn.sqlite.prepare('SELECT file_name FROM import_batches').pluck().all() as string[]);
  const todo = files.filter((f) => !done.has(f));
  say('READY');
  for (;;) {
    if (rand() < 0.7 && todo.length) {
      const name = todo.shift()!;
      if (rand() < 0.1) autoBackup(ctx, 'import');
      const [r] = await importFiles(ctx, [{ name, data: fs.readFileSync(path.join(filesDir, name)) }], { campaignId: campaignId, unit: unitId, onDuplicate: 'skip' });
      if (!r.ok) throw new Error(`import failed: ${r.message}`);
      say(`ACK real ${name} ${r.imported} ${r.batchId}`);
    } else {
      const ack = mergeRandomPair(ctx);
      if (ack) say(ack);
    }
  }
}

main().catch((e) => {
  say(`ERROR ${e instanceof Error ? e.stack?.replace(/\n/g, ' | ') : String(e)}`);
  process.exit(3);
});
