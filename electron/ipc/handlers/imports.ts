import type { HandlerMap } from '../handler-types';
import { getImportPreview, remapPreview, startParseJob } from '../../services/imports/parse-job';
import { commitImport } from '../../services/imports/commit-import';
import { dropPreview } from '../../services/imports/preview-store';
import { listBatches, undoBatch } from '../../services/imports/batches';
import { matchAfterCommit } from '../../services/imports/after-commit';
import { backupBeforeChange } from '../../services/backup/auto-backup';

export const importsHandlers: HandlerMap<'imports:parse' | 'imports:preview' | 'imports:remap' | 'imports:commit' | 'imports:discard' | 'imports:batches' | 'imports:undo'> = {
  'imports:parse': (ctx, args) => startParseJob(ctx, args),
  'imports:preview': (ctx, args) => getImportPreview(ctx, args),
  'imports:remap': (ctx, args) => remapPreview(ctx, args),
  'imports:commit': async (ctx, args) => {
    backupBeforeChange(ctx, 'import');
    const r = await commitImport(ctx, args);
    return { ...r, arrived: matchAfterCommit(ctx, r.batchId) };
  },
  'imports:discard': (_ctx, args) => ({ ok: dropPreview(args.previewId) }),
  'imports:batches': (ctx, args) => listBatches(ctx, args),
  'imports:undo': (ctx, args) => undoBatch(ctx, args),
};
