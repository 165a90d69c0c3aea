/** Batch import without a screen (CLI, tests): each file previewed and committed with the guessed unit. */
import path from 'node:path';
import type { ServiceContext } from '../context';
import { isAppError } from '../../../shared/errors/app-error';
import { logError } from '../../log';
import { createCampaign, listCampaigns } from '../campaigns/campaigns';
import { buildPreview } from './build-preview';
import { commitImport } from './commit-import';
import { matchAfterCommit } from './after-commit';
import { backupBeforeChange } from '../backup/auto-backup';

export interface FileOutcome {
  file: string;
  ok: boolean;
  message: string;
  batchId?: number | null;
  imported?: number;
  unitId?: number | null;
}

/** The campaign given, else the newest, else a new default one. */
export async function resolveCampaign(ctx: ServiceContext, campaignId: number | undefined, donationDate?: string): Promise<number> {
  if (campaignId !== undefined) return campaignId;
  const all = await listCampaigns(ctx);
  if (all.length) return all[0].id;
  const year = (donationDate ?? ctx.now().toISOString()).slice(0, 4);
  const c = await createCampaign(ctx, { name: `Đợt hiến máu năm ${year}`, donationDates: donationDate ? [donationDate] : [] });
  return c.id;
}

export async function importFiles(
  ctx: ServiceContext,
  files: { name: string; data: Buffer }[],
  opts: { campaignId: number; unit: number | 'auto'; onDuplicate: 'replace' | 'skip'; /** default true: match each list as it arrives */ matchDuplicates?: boolean },
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  backupBeforeChange(ctx, 'import');
  for (const f of files) {
    const name = path.basename(f.name);
    try {
      const { preview } = await buildPreview(ctx, { fileName: name, data: f.data, campaignId: opts.campaignId });
      const unitId = opts.unit === 'auto' ? preview.unit.unitId : opts.unit;
      const r = await commitImport(ctx, {
        previewId: preview.id,
        unitId,
        newUnitName: unitId === null ? preview.unit.proposedName : null,
        onDuplicate: opts.onDuplicate,
      });
      if (opts.matchDuplicates !== false) matchAfterCommit(ctx, r.batchId);
      const message = r.skipped
        ? `${name}: đã nhập trước đây, bỏ qua (dùng --replace để thay thế).`
        : `${name}: đã nhập ${r.imported} người${r.replacedBatchId ? ` (thay lần nhập ${r.replacedBatchId})` : ''}; ${preview.counts.errors} lỗi, ${preview.counts.warnings} cảnh báo cần xem.`;
      out.push({ file: name, ok: true, message, batchId: r.batchId, imported: r.imported, unitId: r.unitId });
    } catch (e) {
      if (isAppError(e)) out.push({ file: name, ok: false, message: e.message });
      else {
        logError('import file', e);
        out.push({ file: name, ok: false, message: `${name}: không nhập được do lỗi không mong muốn khi đọc tệp; tệp được bỏ qua, không có gì được ghi. Hãy mở tệp bằng Excel, lưu lại rồi thử lại.` });
      }
    }
  }
  return out;
}
