/**
 * The process the crash-safety test kills with SIGKILL. It opens a real database and writes
 * import-like batches (an import_batches row with its people, registrations and donations, in one
 * transaction through the data layer, people through the people module) and real merges (mergePeople), now and then an
 * automatic backup, and prints one line per commit: "ACK import <tag> <rows> <donations>" or
 * "ACK merge <survivor> <merged>". Args: DB_PATH SEED.
 */
import fs from 'node:fs';
import { q } from '../../electron/db/query';
import { insertPerson } from '../../electron/services/people/write-person';
import { appendAudit } from '../../electron/services/audit/audit-log';
import { mergeRandomPair, openCrashDatabase } from './crash-child-merge';
import { autoBackup } from '../../electron/services/backup/auto-backup';

const [dbPath, seedArg] = process.argv.slice(2);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Thu', 'Minh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Hồng', 'Vân', 'Dũng', 'Hà', 'Lan', 'Tuấn', 'Thảo'];

async function main() {
  const { ctx, campaignId, unitId } = await openCrashDatabase(dbPath);
  say('READY');
  for (let n = 0; ; n++) {
    const kind = rand() < 0.7 ? 'import' : 'merge';
    if (kind === 'import') {
      if (rand() < 0.08) autoBackup(ctx, 'import');
      const tag = `b-${process.pid}-${n}-${Math.floor(rand() * 1e9)}`;
      const rows = 3 + Math.floor(rand() * 40);
      let donations = 0;
      ctx.data.write((w) => {
        const now = ctx.now().toISOString();
        const batchId = w.run(
          q.insertInto('import_batches').values({ campaign_id: campaignId, unit_id: unitId, file_name: `${tag}.xlsx`, file_hash: tag, file_size: rows * 100, row_count: rows, status: 'committed', mapping: '{}', sheets: '["Sheet1"]', created_at: now }),
        ).lastInsertRowid;
        for (let i = 0; i < rows; i++) {
          const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
          const personId = insertPerson(w, {
            full_name: name, gender: rand() < 0.5 ? 'M' : 'F', birth_date: `19${70 + Math.floor(rand() * 30)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
            national_id: String(Math.floor(rand() * 1e12)).padStart(12, '0'), phone: `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`, note: tag,
          }, now);
          const regId = w.run(
            q.insertInto('registrations').values({ person_id: personId, campaign_id: campaignId, unit_id: unitId, batch_id: batchId, source_file: `${tag}.xlsx`, source_sheet: 'Sheet1', source_row: i + 5, raw: JSON.stringify({ name }), issues: '[]', status: 'active', credited: 1, created_at: now }),
          ).lastInsertRowid;
          if (rand() < 0.5) {
            donations++;
            w.run(q.insertInto('donations').values({ person_id: personId, campaign_id: campaignId, registration_id: regId, donated_on: '2026-05-20', outcome: 'donated', volume_ml: 350, source_file: tag, source_row: i + 5, created_at: now }));
          }
        }
        w.run(q.updateTable('import_batches').set({ mapping: JSON.stringify({ donations }) }).where('id', '=', batchId));
        appendAudit(w, { action: 'crash.import', entity: 'import_batch', entityId: batchId, detail: `${rows} dòng` });
      });
      say(`ACK import ${tag} ${rows} ${donations}`);
    } else {
      const ack = mergeRandomPair(ctx);
      if (ack) say(ack);
    }
  }
}

main().catch((e) => {
  say(`ERROR ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(3);
});
