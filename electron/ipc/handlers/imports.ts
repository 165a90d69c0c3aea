import type { HandlerMap } from '../handler-types';
import { getImportPreview, pendingPreviews, remapPreview, restorePreviewRow, startParseJob } from '../../services/imports/parse-job';
import { commitImport } from '../../services/imports/commit-import';
import { dropPreview, saveDraft } from '../../services/imports/preview-store';
import { listBatches, undoBatch } from '../../services/imports/batches';
import { matchAfterCommit } from '../../services/imports/after-commit';

export const importsHandlers: HandlerMap<'imports:parse' | 'imports:preview' | 'imports:remap' | 'imports:commit' | 'imports:discard' | 'imports:batches' | 'imports:undo' | 'imports:restoreRow' | 'imports:pending' | 'imports:saveDraft'> = {
  'imports:parse': (ctx, args) => startParseJob(ctx, args),
  'imports:preview': (ctx, args) => getImportPreview(ctx, args),
  'imports:remap': (ctx, args) => remapPreview(ctx, args),
  'imports:restoreRow': (ctx, args) => restorePreviewRow(ctx, args),
  'imports:pending': () => pendingPreviews(),
  'imports:saveDraft': (_ctx, args) => { saveDraft(args.previewId, args.draft); return { ok: true }; },
  'imports:commit': async (ctx, args) => {
    const r = await commitImport(ctx, args);
    return { ...r, arrived: matchAfterCommit(ctx, r.batchId) };
  },
  'imports:discard': (_ctx, args) => ({ ok: dropPreview(args.previewId) }),
  'imports:batches': (ctx, args) => listBatches(ctx, args),
  'imports:undo': (ctx, args) => undoBatch(ctx, args),
};
