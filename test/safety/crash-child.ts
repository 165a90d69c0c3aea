/**
 * The process the crash-safety test kills with SIGKILL. It opens a real database and writes
 * import-like batches (an import_batches row with its people, registrations and donations, in one
 * transaction through the services' inTransaction) and real merges (mergePeople), now and then an
 * automatic backup, and prints one line per commit: "ACK import <tag> <rows> <donations>" or
 * "ACK merge <survivor> <merged>". Args: DB_PATH SEED.
 */
import fs from 'node:fs';
import { inTransaction } from '../../electron/services/context';
import { appendAudit } from '../../electron/services/audit/audit-log';
import { mergeRandomPair, openCrashDatabase } from './crash-child-merge';
import { autoBackup } from '../../electron/services/backup/auto-backup';
import { foldVietnamese } from '../../shared/domain/text';

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
      await inTransaction(ctx, async (tx) => {
        const now = tx.now().toISOString();
        const batch = await tx.db
          .insertInto('import_batches')
          .values({ campaign_id: campaignId, unit_id: unitId, file_name: `${tag}.xlsx`, file_hash: tag, file_size: rows * 100, row_count: rows, status: 'committed', mapping: '{}', sheets: '["Sheet1"]', created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (let i = 0; i < rows; i++) {
          const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
          const p = await tx.db
            .insertInto('people')
            .values({
              full_name: name, search_key: foldVietnamese(name), gender: rand() < 0.5 ? 'M' : 'F', birth_date: `19${70 + Math.floor(rand() * 30)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
              national_id: String(Math.floor(rand() * 1e12)).padStart(12, '0'), phone: `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
              note: tag, created_at: now, updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const reg = await tx.db
            .insertInto('registrations')
            .values({ person_id: p.id, campaign_id: campaignId, unit_id: unitId, batch_id: batch.id, source_file: `${tag}.xlsx`, source_sheet: 'Sheet1', source_row: i + 5, raw: JSON.stringify({ name }), issues: '[]', status: 'active', credited: 1, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (rand() < 0.5) {
            donations++;
            await tx.db
              .insertInto('donations')
              .values({ person_id: p.id, campaign_id: campaignId, registration_id: reg.id, donated_on: '2026-05-20', outcome: 'donated', volume_ml: 350, source_file: tag, source_row: i + 5, created_at: now })
              .execute();
          }
        }
        await tx.db.updateTable('import_batches').set({ mapping: JSON.stringify({ donations }) }).where('id', '=', batch.id).execute();
        appendAudit(tx.sqlite, { action: 'crash.import', entity: 'import_batch', entityId: batch.id, detail: `${rows} dòng` });
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
