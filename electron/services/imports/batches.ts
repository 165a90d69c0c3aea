/** Past import batches: list them, and undo a whole one. */
import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import { AppError } from '../../../shared/errors/app-error';
import type { ImportBatch } from '../../../shared/ipc/channels/imports';
import { appendAudit } from '../audit/audit-log';
import { softDeleteListPeople } from '../people/list-removal';

/** Marks a batch's registrations removed and soft-deletes people left with no active registration. */
export function removeBatchRows(w: Writer, batchId: number, status: 'undone' | 'replaced', now: string): void {
  w.run(q.updateTable('registrations').set({ status: 'removed' }).where('batch_id', '=', batchId));
  softDeleteListPeople(w, batchId, now);
  w.run(q.updateTable('import_batches').set({ status, undone_at: now }).where('id', '=', batchId));
}

type BatchRow = { id: number; campaign_id: number; unit_id: number | null; unit_name: string | null; file_name: string; row_count: number; status: ImportBatch['status']; created_at: string; undone_at: string | null };

function toBatch(r: BatchRow): ImportBatch {
  return { id: r.id, campaignId: r.campaign_id, unitId: r.unit_id, unitName: r.unit_name, fileName: r.file_name, rowCount: r.row_count, status: r.status, createdAt: r.created_at, undoneAt: r.undone_at };
}

const batches = () => q.selectFrom('import_batches as b').leftJoin('units as u', 'u.id', 'b.unit_id').selectAll('b').select('u.name as unit_name');

export async function listBatches(ctx: ServiceContext, args: { campaignId: number | null }): Promise<ImportBatch[]> {
  const query = args.campaignId === null ? batches() : batches().where('b.campaign_id', '=', args.campaignId);
  return ctx.data.read.all(query.orderBy('b.id', 'desc')).map(toBatch);
}

function batchById(r: Reader, batchId: number): ImportBatch {
  return toBatch(r.get(batches().where('b.id', '=', batchId))!);
}

export async function undoBatch(ctx: ServiceContext, args: { batchId: number }): Promise<ImportBatch> {
  const now = ctx.now().toISOString();
  ctx.data.write((w) => {
    const b = w.get(q.selectFrom('import_batches').select('status').where('id', '=', args.batchId));
    if (!b) throw new AppError('BATCH_NOT_FOUND', `Không tìm thấy lần nhập số ${args.batchId}.`);
    if (b.status !== 'committed') throw new AppError('BATCH_NOT_ACTIVE', `Lần nhập số ${args.batchId} đã được huỷ hoặc thay thế trước đó.`);
    removeBatchRows(w, args.batchId, 'undone', now);
    appendAudit(w, { action: 'import.undo', entity: 'import_batch', entityId: args.batchId }, now);
  });
  return batchById(ctx.data.read, args.batchId);
}
