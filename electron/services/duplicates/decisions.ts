import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import type { Reader } from '../../db/data';
import { q } from '../../db/query';

export type PairDecision = 'not_same' | 'deferred';

/** Remembers "không phải cùng một người" (never proposed again) or "để sau"; 'clear' forgets. */
export function decidePair(ctx: ServiceContext, args: { a: number; b: number; decision: PairDecision | 'clear' }): { ok: boolean } {
  if (args.a === args.b) throw new AppError('VALIDATION', 'Hai bên của cặp phải là hai người khác nhau.');
  const [lo, hi] = args.a < args.b ? [args.a, args.b] : [args.b, args.a];
  const n = ctx.data.read.value(q.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', [lo, hi]));
  if (n !== 2) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy một trong hai người của cặp này. Hãy chạy lại việc tìm trùng lặp.');
  const at = ctx.now().toISOString();
  const decision = args.decision;
  ctx.data.write((w) => {
    if (decision === 'clear') w.run(q.deleteFrom('duplicate_decisions').where('person_a', '=', lo).where('person_b', '=', hi));
    else
      w.run(
        q
          .insertInto('duplicate_decisions')
          .values({ person_a: lo, person_b: hi, decision, decided_at: at })
          .onConflict((oc) => oc.columns(['person_a', 'person_b']).doUpdateSet((eb) => ({ decision: eb.ref('excluded.decision'), decided_at: eb.ref('excluded.decided_at') }))),
      );
    const label = { not_same: 'không phải cùng một người', deferred: 'để sau', clear: 'bỏ quyết định' }[decision];
    appendAudit(w, { action: `duplicates.decide.${decision}`, entity: 'person', entityId: lo, detail: `Cặp #${lo} – #${hi}: ${label}` }, at);
  });
  return { ok: true };
}

/** Decisions keyed "a-b" (a < b). */
export function loadDecisions(r: Reader): Map<string, PairDecision> {
  const out = new Map<string, PairDecision>();
  for (const row of r.all(q.selectFrom('duplicate_decisions').select(['person_a', 'person_b', 'decision']))) {
    out.set(`${row.person_a}-${row.person_b}`, row.decision);
  }
  return out;
}
