import { autoMergeRule, DEFAULT_THRESHOLD, MIN_SHOWN_SCORE } from '../../../shared/domain/matching';
import { birthYearOf, nameKey } from '../../../shared/domain/people/identity';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { cachedOrFreshMatch } from './run-match';
import { openPairs, type OpenPair } from './current-view';
import { mergeWith } from './merge';
import { undoMergeWith } from './undo-merge';
import { loadRootResolver } from '../people/survivors';
import type { Reader } from '../../db/data';
import { q, sql, statement } from '../../db/query';

const fullName = statement<{ id: number }, { full_name: string }>((p) => q.selectFrom('people').select('full_name').where('id', '=', p.id));
const mergedInto = statement<{ id: number }, { merged_into: number | null }>((p) => q.selectFrom('people').select('merged_into').where('id', '=', p.id));
const familyIds = statement<{ root: number }, { national_id: string }>(
  (p) => sql<{ national_id: string }>`SELECT national_id FROM people WHERE (id = ${p.root} OR merged_into = ${p.root}) AND national_id IS NOT NULL`,
);

interface DecidedPair {
  pair: OpenPair;
  rule: string;
}

/** Active people of the campaign by folded name + birth year, to know whether a name and year are unique there. */
function namesakesByYear(ctx: ServiceContext, campaignId: number): { key(id: number): string | null; people(key: string): Set<number> } {
  const resolve = loadRootResolver(ctx);
  const rows = ctx.data.read.all(
    sql<{ id: number; full_name: string; birth_date: string | null }>`SELECT DISTINCT p.id, p.full_name, p.birth_date FROM registrations r JOIN people p ON p.id = r.person_id
       WHERE r.campaign_id = ${campaignId} AND r.status = 'active' AND p.deleted_at IS NULL`,
  );
  const byKey = new Map<string, Set<number>>();
  const keyOf = new Map<number, string>();
  for (const r of rows) {
    const y = birthYearOf(r.birth_date);
    if (!y) continue;
    const k = `${nameKey(r.full_name)}|${y}`;
    keyOf.set(r.id, k);
    const root = resolve(r.id);
    const s = byKey.get(k);
    if (s) s.add(root);
    else byKey.set(k, new Set([root]));
  }
  return { key: (id) => keyOf.get(id) ?? null, people: (k) => byKey.get(k) ?? new Set() };
}

/** Every open pair the data decides, each with its rule. Deferred pairs and "not the same person" stay with the clerk. */
async function decidedPairs(ctx: ServiceContext, campaignId: number): Promise<{ decided: DecidedPair[]; open: OpenPair[] }> {
  const m = await cachedOrFreshMatch(ctx, campaignId);
  const open = openPairs(ctx.data.read, m, MIN_SHOWN_SCORE).filter((p) => p.decision === null);
  const names = namesakesByYear(ctx, campaignId);
  const decided: DecidedPair[] = [];
  for (const p of open) {
    const ka = names.key(p.a);
    const kb = names.key(p.b);
    const others = (k: string | null) => (k ? [...names.people(k)].filter((id) => id !== p.a && id !== p.b).length : 0);
    const rule = autoMergeRule(p, { nameYearUnique: ka !== null && others(ka) === 0 && others(kb) === 0 });
    if (rule) decided.push({ pair: p, rule });
  }
  return { decided, open };
}

export async function bulkMergeSummary(ctx: ServiceContext, campaignId: number) {
  const { decided, open } = await decidedPairs(ctx, campaignId);
  const ids = [...new Set(decided.flatMap((d) => [d.pair.a, d.pair.b]))];
  const name = (id: number) => ctx.data.read.value(fullName, { id }) as string;
  const rules = new Map<string, number>();
  for (const d of decided) rules.set(d.rule, (rules.get(d.rule) ?? 0) + 1);
  return {
    pairs: decided.length,
    people: ids.length,
    rules: [...rules.entries()].sort((a, b) => b[1] - a[1]).map(([rule, pairs]) => ({ rule, pairs })),
    examples: decided.slice(0, 20).map((d) => ({ a: name(d.pair.a), b: name(d.pair.b), reasons: d.pair.reasons, rule: d.rule })),
    remaining: open.filter((p) => p.score >= DEFAULT_THRESHOLD && !decided.some((d) => d.pair === p)).length,
  };
}

/** Two merged families that carry two different ID numbers of the same kind are two people, whatever a pair said. */
function familiesConflict(r: Reader, a: number, b: number): boolean {
  const ids = (root: number) => new Set(r.column(familyIds, { root }).filter((x) => x.length === 9 || x.length === 12));
  const ia = ids(a);
  const ib = ids(b);
  for (const x of ia) for (const y of ib) if (x.length === y.length && x !== y) return true;
  return false;
}

/**
 * Merges every pair the data decides, as one batch in one transaction (the person registered first
 * survives). Each merge records its rule; the batch can be undone as a whole, each merge on its own.
 */
export async function bulkMerge(ctx: ServiceContext, campaignId: number): Promise<{ merged: number; skipped: number; batchId: number | null }> {
  const { decided } = await decidedPairs(ctx, campaignId);
  if (!decided.length) return { merged: 0, skipped: 0, batchId: null };
  const now = ctx.now().toISOString();
  let merged = 0;
  let skipped = 0;
  let batchId: number | null = null;
  ctx.data.write((w) => {
    const batch = w.run(q.insertInto('merge_batches').values({ campaign_id: campaignId, created_at: now })).lastInsertRowid;
    batchId = batch;
    const root = (id: number): number => {
      let cur = id;
      for (let i = 0; i < 50; i++) {
        const next = w.value(mergedInto, { id: cur });
        if (next === null || next === undefined) return cur;
        cur = next;
      }
      return cur;
    };
    for (const d of decided) {
      const a = root(d.pair.a);
      const b = root(d.pair.b);
      if (a === b || familiesConflict(w, a, b)) {
        skipped++;
        continue;
      }
      mergeWith(w, { survivorId: Math.min(a, b), mergedId: Math.max(a, b) }, ctx.now().toISOString(), { batchId: batch, rule: d.rule });
      merged++;
    }
    w.run(q.updateTable('merge_batches').set({ merged }).where('id', '=', batch));
    appendAudit(w, { action: 'duplicates.bulkMerge', entity: 'campaign', entityId: campaignId, detail: `Gộp hàng loạt (lần #${batch}) ${merged} cặp trùng do dữ liệu quyết định` }, now);
  });
  return { merged, skipped, batchId };
}

/** Undoes a whole bulk merge, newest merge first; merges already undone one by one are left as they are. */
export function undoBulkMerge(ctx: ServiceContext, batchId: number): { undone: number } {
  const batch = ctx.data.read.get(q.selectFrom('merge_batches').select(['id', 'undone_at']).where('id', '=', batchId));
  if (!batch) throw new AppError('MERGE_NOT_FOUND', `Không tìm thấy lần gộp hàng loạt #${batchId}.`);
  if (batch.undone_at) throw new AppError('MERGE_UNDONE', `Lần gộp hàng loạt #${batchId} đã được hoàn tác trước đó.`);
  const ids = ctx.data.read.column(q.selectFrom('person_merges').select('id').where('batch_id', '=', batchId).where('undone_at', 'is', null).orderBy('id', 'desc'));
  ctx.data.write((w) => {
    for (const id of ids) undoMergeWith(w, id, ctx.now().toISOString());
    w.run(q.updateTable('merge_batches').set({ undone_at: ctx.now().toISOString() }).where('id', '=', batchId));
    appendAudit(w, { action: 'duplicates.undoBulkMerge', entity: 'campaign', entityId: batchId, detail: `Hoàn tác lần gộp hàng loạt #${batchId}: tách lại ${ids.length} cặp` }, ctx.now().toISOString());
  });
  return { undone: ids.length };
}
