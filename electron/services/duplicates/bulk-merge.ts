import { DEFAULT_THRESHOLD } from '../../../shared/domain/matching';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { cachedOrFreshMatch } from './run-match';
import { openPairs, type OpenPair } from './current-view';
import { mergePeople } from './merge';
import { backupBeforeChange } from '../backup/auto-backup';

/** Same ID number and (nearly) the same name, not yet decided: safe to merge after a summary. */
async function obviousPairs(ctx: ServiceContext, campaignId: number): Promise<OpenPair[]> {
  const m = await cachedOrFreshMatch(ctx, campaignId);
  return openPairs(ctx.sqlite, m, DEFAULT_THRESHOLD).filter((p) => p.obvious && p.decision === null);
}

export async function bulkMergeSummary(ctx: ServiceContext, campaignId: number) {
  const pairs = await obviousPairs(ctx, campaignId);
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const name = ctx.sqlite.prepare('SELECT full_name FROM people WHERE id = ?').pluck();
  return {
    pairs: pairs.length,
    people: ids.length,
    examples: pairs.slice(0, 20).map((p) => ({ a: name.get(p.a) as string, b: name.get(p.b) as string, reasons: p.reasons })),
  };
}

/** Merges every obvious pair in one transaction; the person registered first survives. */
export async function bulkMerge(ctx: ServiceContext, campaignId: number): Promise<{ merged: number; skipped: number }> {
  // A merge batch is preceded by an automatic backup (each merge is also undoable on its own).
  backupBeforeChange(ctx, 'merge');
  const pairs = await obviousPairs(ctx, campaignId);
  const db = ctx.sqlite;
  const mergedInto = db.prepare('SELECT merged_into FROM people WHERE id = ?').pluck();
  const root = (id: number): number => {
    let cur = id;
    for (let i = 0; i < 50; i++) {
      const next = mergedInto.get(cur) as number | null;
      if (next === null || next === undefined) return cur;
      cur = next;
    }
    return cur;
  };
  let merged = 0;
  let skipped = 0;
  db.transaction(() => {
    for (const p of pairs) {
      const a = root(p.a);
      const b = root(p.b);
      if (a === b) {
        skipped++;
        continue;
      }
      mergePeople(ctx, { survivorId: Math.min(a, b), mergedId: Math.max(a, b) });
      merged++;
    }
    appendAudit(db, { action: 'duplicates.bulkMerge', entity: 'campaign', entityId: campaignId, detail: `Gộp hàng loạt ${merged} cặp trùng rõ ràng (cùng số giấy tờ và họ tên)` }, ctx.now().toISOString());
  })();
  return { merged, skipped };
}
