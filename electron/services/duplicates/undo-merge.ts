import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import type { MergeSnapshot } from './merge';
import type { Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import { restorePersonColumn, touchPerson, unlinkMerged } from '../people/merge-links';

const moveRegistration = statement<{ id: number; personId: number; credited: number }>((p) =>
  q.updateTable('registrations').set({ person_id: p.personId, credited: p.credited }).where('id', '=', p.id),
);
const setCredited = statement<{ id: number; credited: number }>((p) => q.updateTable('registrations').set({ credited: p.credited }).where('id', '=', p.id));
const moveDonation = statement<{ id: number; personId: number }>((p) => q.updateTable('donations').set({ person_id: p.personId }).where('id', '=', p.id));

/**
 * Undoes a merge, also after later imports and later merges: the moved registrations and donations
 * (by id) go back to the merged person, its merged_into is cleared, the survivor's fields the merge
 * wrote are restored (unless the clerk corrected them since), and credited flags come back.
 */
export function undoMerge(ctx: ServiceContext, mergeId: number): { ok: boolean } {
  const at = ctx.now().toISOString();
  return ctx.data.write((w) => undoMergeWith(w, mergeId, at));
}

/** The undo inside an open transaction (a bulk undo makes many in one). */
export function undoMergeWith(w: Writer, mergeId: number, at: string): { ok: boolean } {
  const m = w.get(q.selectFrom('person_merges').selectAll().where('id', '=', mergeId));
  if (!m) throw new AppError('MERGE_NOT_FOUND', `Không tìm thấy lần gộp #${mergeId}.`);
  if (m.undone_at) throw new AppError('MERGE_UNDONE', `Lần gộp #${mergeId} đã được hoàn tác trước đó.`);
  const snap = JSON.parse(m.field_choices) as MergeSnapshot;
  const regs = JSON.parse(m.moved_registrations) as { id: number; credited: number }[];
  const dons = JSON.parse(m.moved_donations) as number[];

  const current = w.get(q.selectFrom('people').selectAll().where('id', '=', m.survivor_id)) as Record<string, unknown>;
  const restored: string[] = [];
  for (const [col, { before, after }] of Object.entries(snap.fields)) {
    if (current[col] !== after) continue; // corrected by hand since: the later correction wins
    restorePersonColumn(w, m.survivor_id, col, before);
    restored.push(col);
  }
  for (const r of regs) w.run(moveRegistration, { personId: m.merged_id, credited: r.credited, id: r.id });
  for (const c of snap.creditBefore) w.run(setCredited, { credited: c.credited, id: c.id });
  for (const d of dons) w.run(moveDonation, { personId: m.merged_id, id: d });
  unlinkMerged(w, m.merged_id, at);
  touchPerson(w, m.survivor_id, at);
  w.run(q.updateTable('person_merges').set({ undone_at: at }).where('id', '=', mergeId));
  appendAudit(
    w,
    { action: 'duplicates.undoMerge', entity: 'person', entityId: m.merged_id, detail: `Hoàn tác lần gộp #${mergeId}: tách người #${m.merged_id} khỏi người #${m.survivor_id}, trả lại ${regs.length} đăng ký, ${dons.length} lần hiến` },
    at,
  );
  return { ok: true };
}

type MergeListRow = { id: number; survivorId: number; survivorName: string; mergedId: number; mergedName: string; createdAt: string; undoneAt: string | null; batchId: number | null; rule: string | null };

export function listMerges(ctx: ServiceContext, campaignId: number): MergeListRow[] {
  return ctx.data.read.all(
    sql<MergeListRow>`SELECT pm.id, pm.survivor_id AS survivorId, s.full_name AS survivorName, pm.merged_id AS mergedId, m.full_name AS mergedName,
              pm.created_at AS createdAt, pm.undone_at AS undoneAt, pm.batch_id AS batchId, pm.rule
       FROM person_merges pm JOIN people s ON s.id = pm.survivor_id JOIN people m ON m.id = pm.merged_id
       WHERE EXISTS (SELECT 1 FROM registrations r WHERE r.campaign_id = ${campaignId} AND r.person_id IN (pm.survivor_id, pm.merged_id))
       ORDER BY pm.id DESC`,
  );
}
