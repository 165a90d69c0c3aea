import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';

export type PairDecision = 'not_same' | 'deferred';

/** Remembers "không phải cùng một người" (never proposed again) or "để sau"; 'clear' forgets. */
export function decidePair(ctx: ServiceContext, args: { a: number; b: number; decision: PairDecision | 'clear' }): { ok: boolean } {
  if (args.a === args.b) throw new AppError('VALIDATION', 'Hai bên của cặp phải là hai người khác nhau.');
  const [lo, hi] = args.a < args.b ? [args.a, args.b] : [args.b, args.a];
  const exists = ctx.sqlite.prepare('SELECT count(*) AS n FROM people WHERE id IN (?, ?)').get(lo, hi) as { n: number };
  if (exists.n !== 2) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy một trong hai người của cặp này. Hãy chạy lại việc tìm trùng lặp.');
  const at = ctx.now().toISOString();
  ctx.sqlite.transaction(() => {
    if (args.decision === 'clear') ctx.sqlite.prepare('DELETE FROM duplicate_decisions WHERE person_a = ? AND person_b = ?').run(lo, hi);
    else
      ctx.sqlite
        .prepare('INSERT INTO duplicate_decisions (person_a, person_b, decision, decided_at) VALUES (?,?,?,?) ON CONFLICT (person_a, person_b) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at')
        .run(lo, hi, args.decision, at);
    const label = { not_same: 'không phải cùng một người', deferred: 'để sau', clear: 'bỏ quyết định' }[args.decision];
    appendAudit(ctx.sqlite, { action: `duplicates.decide.${args.decision}`, entity: 'person', entityId: lo, detail: `Cặp #${lo} – #${hi}: ${label}` }, at);
  })();
  return { ok: true };
}

/** Decisions keyed "a-b" (a < b). */
export function loadDecisions(sqlite: Database.Database): Map<string, PairDecision> {
  const out = new Map<string, PairDecision>();
  for (const r of sqlite.prepare('SELECT person_a, person_b, decision FROM duplicate_decisions').all() as { person_a: number; person_b: number; decision: PairDecision }[]) {
    out.set(`${r.person_a}-${r.person_b}`, r.decision);
  }
  return out;
}
