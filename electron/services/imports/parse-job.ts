/** Reading and analysing dropped files as a job: progress per file and sheet, cancellable, UI never blocked. */
import type { ServiceContext } from '../context';
import { AppError, isAppError } from '../../../shared/errors/app-error';
import { environmentError } from '../backup/errors';
import { logError } from '../../log';
import type { ImportPreview } from '../../../shared/ipc/channels/imports';
import type { ColumnMapping, FieldKey } from '../../../shared/domain/import/types';
import { assemblePreview, buildPreview, campaignRules } from './build-preview';
import { resolveCampaign } from './import-files';
import { analyzeGrids } from './parse-file';
import { bySheet, sheetRecord } from './safe-text';
import { getPreview, listPreviews, putPreview } from './preview-store';

export interface ParseJobResult {
  campaignId: number;
  files: { fileName: string; previewId: string | null; error: string | null; rows: number }[];
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export async function startParseJob(ctx: ServiceContext, args: { campaignId: number | null; files: { name: string; dataBase64: string }[] }): Promise<{ jobId: string }> {
  const campaignId = await resolveCampaign(ctx, args.campaignId ?? undefined);
  const jobId = ctx.jobs.start('imports:parse', 'Đang đọc các tệp…', async (ctl): Promise<ParseJobResult> => {
    const out: ParseJobResult = { campaignId, files: [] };
    const n = args.files.length;
    for (let i = 0; i < n; i++) {
      const f = args.files[i];
      ctl.checkCancelled();
      ctl.report(i / n, `Đang đọc "${f.name}" (${i + 1}/${n})`);
      await yieldToLoop();
      try {
        const data = Buffer.from(f.dataBase64, 'base64');
        const { preview } = await buildPreview(ctx, {
          fileName: f.name,
          data,
          campaignId,
          onSheet: async (s, total, row) => {
            ctl.report((i + Math.min(s, total) / Math.max(1, total)) / n, row ? `Đang đọc "${f.name}": dòng ${row.toLocaleString('vi-VN')}` : `Đang phân tích "${f.name}": trang tính ${s}/${total}`);
            await yieldToLoop();
            ctl.checkCancelled();
          },
        });
        out.files.push({ fileName: f.name, previewId: preview.id, error: null, rows: preview.rows.length });
      } catch (e) {
        if (isAppError(e) && e.code === 'CANCELLED') throw e;
        if (!isAppError(e)) logError('import parse', e);
        const env = isAppError(e) ? null : environmentError(e, 'Không có gì được nhập.');
        out.files.push({ fileName: f.name, previewId: null, error: isAppError(e) ? e.message : env ? `Tệp "${f.name}": ${env.message}` : `Không đọc được tệp "${f.name}" do lỗi không mong muốn. Không có gì được nhập.`, rows: 0 });
      }
    }
    return out;
  });
  return { jobId };
}

/** The preview with one page of its rows (a list may have 100,000 of them). */
export async function getImportPreview(_ctx: ServiceContext, args: { previewId: string; offset?: number; limit?: number; onlyIssues?: boolean }): Promise<ImportPreview> {
  const stored = getPreview(args.previewId);
  const p = { ...stored.preview, draft: stored.draft ?? null };
  const onlyIssues = args.onlyIssues ?? false;
  const all = onlyIssues ? p.rows.filter((r) => r.issues.some((i) => i.severity !== 'info')) : p.rows;
  const offset = args.offset ?? 0;
  return { ...p, rows: all.slice(offset, offset + (args.limit ?? 300)), page: { offset, total: all.length, onlyIssues } };
}

/** Re-reads a sheet with the clerk's mapping; the choice is remembered at commit. */
export async function remapPreview(ctx: ServiceContext, args: { previewId: string; sheet: string; mapping: Record<string, FieldKey | 'ignore'> }): Promise<{ ok: boolean }> {
  const stored = getPreview(args.previewId);
  const mapping: ColumnMapping = {};
  for (const [c, f] of Object.entries(args.mapping)) if (/^\d+$/.test(c)) mapping[Number(c)] = f;
  const mappings = { ...stored.mappings, [args.sheet]: mapping };
  const rules = await campaignRules(ctx, stored.preview.campaignId);
  const refYear = Number((rules.donationDate ?? ctx.now().toISOString()).slice(0, 4));
  const parsed = { ...stored.parsed, sheets: analyzeGrids(stored.parsed.fileName, stored.parsed.grids, refYear, mappings, stored.restored) };
  const preview = await assemblePreview(ctx, stored.preview.id, parsed, stored.preview.campaignId);
  putPreview({ ...stored, preview, parsed, mappings });
  return { ok: true };
}

/** Turns a row the rules ignored back into a person (restore: false undoes it), and re-reads the sheet. */
export async function restorePreviewRow(ctx: ServiceContext, args: { previewId: string; sheet: string; row: number; restore?: boolean }): Promise<{ ok: boolean }> {
  const stored = getPreview(args.previewId);
  if (!stored.parsed.grids.some((g) => g.name === args.sheet)) {
    throw new AppError('SHEET_NOT_FOUND', `Không có trang tính "${args.sheet}" trong tệp này.`);
  }
  const current = new Set(bySheet(stored.restored, args.sheet) ?? []);
  if (args.restore === false) current.delete(args.row);
  else current.add(args.row);
  const restored = Object.assign(sheetRecord<number[]>(), stored.restored);
  restored[args.sheet] = [...current].sort((a, b) => a - b);
  const rules = await campaignRules(ctx, stored.preview.campaignId);
  const refYear = Number((rules.donationDate ?? ctx.now().toISOString()).slice(0, 4));
  const parsed = { ...stored.parsed, sheets: analyzeGrids(stored.parsed.fileName, stored.parsed.grids, refYear, stored.mappings, restored) };
  const preview = await assemblePreview(ctx, stored.preview.id, parsed, stored.preview.campaignId);
  putPreview({ ...stored, preview, parsed, restored });
  return { ok: true };
}

/** Files read but not yet committed or discarded, for the screen to show again after a reload. */
export function pendingPreviews(): { previewId: string; fileName: string; rows: number; campaignId: number }[] {
  return listPreviews().map((p) => ({ previewId: p.preview.id, fileName: p.preview.fileName, rows: p.preview.rows.length, campaignId: p.preview.campaignId }));
}
