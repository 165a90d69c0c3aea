import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import type { MergeSnapshot } from './merge';

interface MergeRow {
  id: number;
  survivor_id: number;
  merged_id: number;
  field_choices: string;
  moved_registrations: string;
  moved_donations: string;
  undone_at: string | null;
}

/**
 * Undoes a merge, also after later imports and later merges: the moved registrations and donations
 * (by id) go back to the merged person, its merged_into is cleared, the survivor's fields the merge
 * wrote are restored (unless the clerk corrected them since), and credited flags come back.
 */
export function undoMerge(ctx: ServiceContext, mergeId: number): { ok: boolean } {
  const db = ctx.sqlite;
  const at = ctx.now().toISOString();
  return db.transaction(() => {
    const m = db.prepare('SELECT * FROM person_merges WHERE id = ?').get(mergeId) as MergeRow | undefined;
    if (!m) throw new AppError('MERGE_NOT_FOUND', `Không tìm thấy lần gộp #${mergeId}.`);
    if (m.undone_at) throw new AppError('MERGE_UNDONE', `Lần gộp #${mergeId} đã được hoàn tác trước đó.`);
    const snap = JSON.parse(m.field_choices) as MergeSnapshot;
    const regs = JSON.parse(m.moved_registrations) as { id: number; credited: number }[];
    const dons = JSON.parse(m.moved_donations) as number[];

    const current = db.prepare('SELECT * FROM people WHERE id = ?').get(m.survivor_id) as Record<string, unknown>;
    const restored: string[] = [];
    for (const [col, { before, after }] of Object.entries(snap.fields)) {
      if (current[col] !== after) continue; // corrected by hand since: the later correction wins
      db.prepare(`UPDATE people SET ${col} = ? WHERE id = ?`).run(before, m.survivor_id);
      restored.push(col);
    }
    const moveReg = db.prepare('UPDATE registrations SET person_id = ?, credited = ? WHERE id = ?');
    for (const r of regs) moveReg.run(m.merged_id, r.credited, r.id);
    const credit = db.prepare('UPDATE registrations SET credited = ? WHERE id = ?');
    for (const c of snap.creditBefore) credit.run(c.credited, c.id);
    const moveDon = db.prepare('UPDATE donations SET person_id = ? WHERE id = ?');
    for (const d of dons) moveDon.run(m.merged_id, d);
    db.prepare('UPDATE people SET merged_into = NULL, updated_at = ? WHERE id = ?').run(at, m.merged_id);
    db.prepare('UPDATE people SET updated_at = ? WHERE id = ?').run(at, m.survivor_id);
    db.prepare('UPDATE person_merges SET undone_at = ? WHERE id = ?').run(at, mergeId);
    appendAudit(
      db,
      { action: 'duplicates.undoMerge', entity: 'person', entityId: m.merged_id, detail: `Hoàn tác lần gộp #${mergeId}: tách người #${m.merged_id} khỏi người #${m.survivor_id}, trả lại ${regs.length} đăng ký, ${dons.length} lần hiến` },
      at,
    );
    return { ok: true };
  })();
}

export function listMerges(ctx: ServiceContext, campaignId: number) {
  return ctx.sqlite
    .prepare(
      `SELECT pm.id, pm.survivor_id AS survivorId, s.full_name AS survivorName, pm.merged_id AS mergedId, m.full_name AS mergedName,
              pm.created_at AS createdAt, pm.undone_at AS undoneAt, pm.batch_id AS batchId, pm.rule
       FROM person_merges pm JOIN people s ON s.id = pm.survivor_id JOIN people m ON m.id = pm.merged_id
       WHERE EXISTS (SELECT 1 FROM registrations r WHERE r.campaign_id = ? AND r.person_id IN (pm.survivor_id, pm.merged_id))
       ORDER BY pm.id DESC`,
    )
    .all(campaignId) as { id: number; survivorId: number; survivorName: string; mergedId: number; mergedName: string; createdAt: string; undoneAt: string | null; batchId: number | null; rule: string | null }[];
}
