/** Past import batches: list them, and undo a whole one. */
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { AppError } from '../../../shared/errors/app-error';
import type { ImportBatch } from '../../../shared/ipc/channels/imports';
import { appendAudit } from '../audit/audit-log';

/** Marks a batch's registrations removed and soft-deletes people left with no active registration. */
export function removeBatchRows(db: Database.Database, batchId: number, status: 'undone' | 'replaced', now: string): void {
  db.prepare("UPDATE registrations SET status = 'removed' WHERE batch_id = ?").run(batchId);
  db.prepare(
    `UPDATE people SET deleted_at = ?, updated_at = ? WHERE deleted_at IS NULL AND id IN (SELECT person_id FROM registrations WHERE batch_id = ?)
     AND NOT EXISTS (SELECT 1 FROM registrations r2 WHERE r2.person_id = people.id AND r2.status = 'active')
     AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.person_id = people.id)`,
  ).run(now, now, batchId);
  db.prepare('UPDATE import_batches SET status = ?, undone_at = ? WHERE id = ?').run(status, now, batchId);
}

type BatchRow = { id: number; campaign_id: number; unit_id: number | null; unit_name: string | null; file_name: string; row_count: number; status: ImportBatch['status']; created_at: string; undone_at: string | null };

function toBatch(r: BatchRow): ImportBatch {
  return { id: r.id, campaignId: r.campaign_id, unitId: r.unit_id, unitName: r.unit_name, fileName: r.file_name, rowCount: r.row_count, status: r.status, createdAt: r.created_at, undoneAt: r.undone_at };
}

const SELECT = 'SELECT b.*, u.name AS unit_name FROM import_batches b LEFT JOIN units u ON u.id = b.unit_id';

export async function listBatches(ctx: ServiceContext, args: { campaignId: number | null }): Promise<ImportBatch[]> {
  const rows = (args.campaignId === null
    ? ctx.sqlite.prepare(`${SELECT} ORDER BY b.id DESC`).all()
    : ctx.sqlite.prepare(`${SELECT} WHERE b.campaign_id = ? ORDER BY b.id DESC`).all(args.campaignId)) as BatchRow[];
  return rows.map(toBatch);
}

export async function undoBatch(ctx: ServiceContext, args: { batchId: number }): Promise<ImportBatch> {
  const db = ctx.sqlite;
  const now = ctx.now().toISOString();
  db.transaction(() => {
    const b = db.prepare('SELECT status FROM import_batches WHERE id = ?').get(args.batchId) as { status: string } | undefined;
    if (!b) throw new AppError('BATCH_NOT_FOUND', `Không tìm thấy lần nhập số ${args.batchId}.`);
    if (b.status !== 'committed') throw new AppError('BATCH_NOT_ACTIVE', `Lần nhập số ${args.batchId} đã được huỷ hoặc thay thế trước đó.`);
    removeBatchRows(db, args.batchId, 'undone', now);
    appendAudit(db, { action: 'import.undo', entity: 'import_batch', entityId: args.batchId }, now);
  })();
  return toBatch(db.prepare(`${SELECT} WHERE b.id = ?`).get(args.batchId) as BatchRow);
}
