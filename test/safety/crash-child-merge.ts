import type { ServiceContext } from '../../electron/services/context';
import { mergePeople } from '../../electron/services/duplicates/merge';

/** One real merge of two random people, as both crash children do; the ACK line to print, or null. */
export function mergeRandomPair(ctx: ServiceContext): string | null {
  const two = ctx.sqlite.prepare('SELECT id FROM people WHERE merged_into IS NULL AND deleted_at IS NULL ORDER BY random() LIMIT 2').all() as { id: number }[];
  if (two.length < 2) return null;
  const r = mergePeople(ctx, { survivorId: two[0].id, mergedId: two[1].id, choices: {} });
  return `ACK merge ${r.survivorId} ${r.mergedId} ${r.mergeId}`;
}
