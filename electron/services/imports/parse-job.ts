/** Reading and analysing dropped files as a job: progress per file and sheet, cancellable, UI never blocked. */
import type { ServiceContext } from '../context';
import { isAppError } from '../../../shared/errors/app-error';
import { logError } from '../../log';
import type { ImportPreview } from '../../../shared/ipc/channels/imports';
import type { ColumnMapping, FieldKey } from '../../../shared/domain/import/types';
import { assemblePreview, buildPreview, campaignRules } from './build-preview';
import { resolveCampaign } from './import-files';
import { analyzeGrids } from './parse-file';
import { getPreview, putPreview } from './preview-store';

export interface ParseJobResult {
  campaignId: number;
  files: { fileName: string; previewId: string | null; error: string | null; rows: number }[];
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

export async function startParseJob(ctx: ServiceContext, args: { campaignId: number | null; files: { name: string; dataBase64: string }[] }): Promise<{ jobId: string }> {
  const campaignId = await resolveCampaign(ctx, args.campaignId ?? undefined);
  const jobId = ctx.jobs.start('Đang đọc các tệp…', async (ctl): Promise<ParseJobResult> => {
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
        out.files.push({ fileName: f.name, previewId: null, error: isAppError(e) ? e.message : `Không đọc được tệp "${f.name}" do lỗi không mong muốn. Không có gì được nhập.`, rows: 0 });
      }
    }
    return out;
  });
  return { jobId };
}

/** The preview with one page of its rows (a list may have 100,000 of them). */
export async function getImportPreview(_ctx: ServiceContext, args: { previewId: string; offset?: number; limit?: number; onlyIssues?: boolean }): Promise<ImportPreview> {
  const p = getPreview(args.previewId).preview;
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
  const parsed = { ...stored.parsed, sheets: analyzeGrids(stored.parsed.fileName, stored.parsed.grids, refYear, mappings) };
  const preview = await assemblePreview(ctx, stored.preview.id, parsed, stored.preview.campaignId);
  putPreview({ ...stored, preview, parsed, mappings });
  return { ok: true };
}
