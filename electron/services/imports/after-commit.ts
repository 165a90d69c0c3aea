import type { ServiceContext } from '../context';
import { matchImportBatch } from '../duplicates/run-match';
import { logError } from '../../log';

/**
 * Once a list is committed, its people are matched against the campaign and the registry so the
 * "Trùng lặp" queue is ready. A matching failure never undoes the import: the clerk can re-run it.
 */
export function matchAfterCommit(ctx: ServiceContext, batchId: number | null): void {
  if (batchId === null) return;
  try {
    matchImportBatch(ctx, batchId);
  } catch (e) {
    logError('match imported batch', e);
  }
}
