import type { ServiceContext } from '../context';
import { matchImportBatch } from '../duplicates/run-match';
import { logError } from '../../log';

/**
 * Once a list is committed, its people are matched against the campaign and the registry so the
 * "Trùng lặp" queue is ready. A matching failure never undoes the import: the clerk can re-run it.
 */
export function matchAfterCommit(ctx: ServiceContext, batchId: number | null): { people: number; pairs: number; proposed: number } | null {
  if (batchId === null) return null;
  try {
    const { people, pairs, proposed } = matchImportBatch(ctx, batchId);
    return { people, pairs, proposed };
  } catch (e) {
    logError('match imported batch', e);
    return null;
  }
}
