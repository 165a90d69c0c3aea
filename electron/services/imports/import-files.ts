/** Batch import without a screen (CLI, tests): each file previewed and committed with the guessed unit. */
import path from 'node:path';
import type { ServiceContext } from '../context';
import { isAppError } from '../../../shared/errors/app-error';
import { logError } from '../../log';
import { createCampaign, listCampaigns } from '../campaigns/campaigns';
import { buildPreview, fileLedger, type FileLedger } from './build-preview';
import { LEDGER_KIND_LABELS, LEDGER_KINDS } from '../../../shared/domain/import/types';
import { commitImport } from './commit-import';
import { appliedGuessNote, unsureGuessNote } from './guess-unit';
import { matchAfterCommit } from './after-commit';
import { environmentError } from '../backup/errors';
import { safeFileName } from './safe-text';

export interface FileOutcome {
  file: string;
  ok: boolean;
  message: string;
  batchId?: number | null;
  imported?: number;
  unitId?: number | null;
  /** Every source row of the file by kind, and the rows that are not people with their reasons. */
  ledger?: FileLedger;
}

/** "45 người, 1 dòng lỗi, 3 dòng tiêu đề trên bảng, 2 dòng tên cột, 1 dòng tổng cộng…" */
export function ledgerCountsText(counts: Record<string, number>): string {
  return LEDGER_KINDS.filter((k) => counts[k]).map((k) => `${counts[k].toLocaleString('vi-VN')} ${LEDGER_KIND_LABELS[k]}`).join(', ');
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
  for (const f of files) {
    const name = safeFileName(path.basename(f.name));
    try {
      const { preview, parsed } = await buildPreview(ctx, { fileName: name, data: f.data, campaignId: opts.campaignId });
      const ledger = fileLedger(parsed.sheets, preview.rows);
      if (preview.rows.length === 0 && preview.sheets.some((s) => s.needsMapping)) {
        out.push({ file: name, ok: false, message: `${name}: không nhận ra dòng tên cột (Họ và tên, Ngày sinh…) và không đoán được các cột từ giá trị; hãy mở tệp trong màn hình "Nhập danh sách" để ghép cột. Không có gì được nhập.`, ledger });
        continue;
      }
      // An unsure guess is never applied: the list comes in without a unit and the message says so.
      const unsure = opts.unit === 'auto' ? unsureGuessNote(preview.unit) : null;
      const unitId = opts.unit === 'auto' ? (unsure ? null : preview.unit.unitId) : opts.unit;
      const r = await commitImport(ctx, {
        previewId: preview.id,
        unitId,
        newUnitName: unitId === null && !unsure ? preview.unit.proposedName : null,
        onDuplicate: opts.onDuplicate,
      });
      if (opts.matchDuplicates !== false) matchAfterCommit(ctx, r.batchId);
      const message = r.skipped
        ? `${name}: đã nhập trước đây, bỏ qua (dùng --replace để thay thế).`
        : `${name}: đã nhập ${r.imported} người${r.replacedBatchId ? ` (thay lần nhập ${r.replacedBatchId})` : ''}; ${preview.counts.errors} lỗi, ${preview.counts.warnings} cảnh báo cần xem.`
          + (preview.sheets.some((s) => s.needsMapping) ? ' Không nhận ra dòng tên cột: các cột được đoán theo giá trị, hãy kiểm tra lại.' : '')
          + (opts.unit === 'auto' && !r.skipped ? ` ${unsure ?? appliedGuessNote(preview.unit)}` : '');
      out.push({ file: name, ok: true, message, batchId: r.batchId, imported: r.imported, unitId: r.unitId, ledger });
    } catch (e) {
      const env = isAppError(e) ? null : environmentError(e, 'Tệp này chưa được nhập; dữ liệu đã có không bị thay đổi.');
      if (isAppError(e)) out.push({ file: name, ok: false, message: e.message });
      else if (env) out.push({ file: name, ok: false, message: `${name}: ${env.message}` });
      else {
        logError('import file', e);
        out.push({ file: name, ok: false, message: `${name}: không nhập được do lỗi không mong muốn khi đọc tệp; tệp được bỏ qua, không có gì được ghi. Hãy mở tệp bằng Excel, lưu lại rồi thử lại.` });
      }
    }
  }
  return out;
}
