import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import type { FileDownload } from '../../../shared/ipc/channels/files';
import { getCampaign } from '../campaigns/campaigns';
import { getQuotaTable, unitQuota } from './quotas';
import { fileSafeName, safeRow, styleTable, workbookDownload } from '../spreadsheet/excel-export';

/**
 * The allocation table as the plan's attachment ("Biểu chỉ tiêu kèm theo Kế hoạch"): one row per unit
 * with a quota, whole-campaign columns, then the months in use, and a "Cộng" row. Re-importable.
 */
export async function exportQuotasExcel(ctx: ServiceContext, campaignId: number): Promise<FileDownload> {
  const c = await getCampaign(ctx, campaignId);
  const t = await getQuotaTable(ctx, campaignId);
  const has = (month: number, k: 'registrants' | 'bloodUnits') => t.entries.some((e) => e.month === month && e[k] !== null);
  const monthCols = t.months.flatMap((m) => [
    ...(has(m, 'registrants') ? [{ m, k: 'registrants' as const, title: `Tháng ${m} - người đăng ký` }] : []),
    ...(has(m, 'bloodUnits') ? [{ m, k: 'bloodUnits' as const, title: `Tháng ${m} - đơn vị máu` }] : []),
  ]);
  const headers = ['STT', 'Đơn vị', 'Chỉ tiêu người đăng ký', 'Chỉ tiêu đơn vị máu', ...monthCols.map((x) => x.title)];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chỉ tiêu');
  ws.addRow(safeRow([`BIỂU PHÂN BỔ CHỈ TIÊU VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN`]));
  ws.addRow(safeRow([`(Kèm theo Kế hoạch${c.planNumber ? ` số ${c.planNumber}` : ''} — ${c.name})`]));
  for (const r of [1, 2]) {
    ws.mergeCells(r, 1, r, headers.length);
    ws.getRow(r).alignment = { horizontal: 'center' };
  }
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getRow(2).font = { italic: true };
  ws.addRow(headers);
  const withQuota = t.units.filter((u) => t.entries.some((e) => e.unitId === u.id));
  const sums = new Array(2 + monthCols.length).fill(0);
  withQuota.forEach((u, i) => {
    const list = t.entries.filter((e) => e.unitId === u.id);
    const whole = unitQuota(list);
    const monthVals = monthCols.map((x) => list.find((e) => e.month === x.m)?.[x.k] ?? null);
    const vals = [whole.registrants, whole.bloodUnits, ...monthVals];
    vals.forEach((v, j) => (sums[j] += v ?? 0));
    ws.addRow(safeRow([i + 1, u.name, ...vals]));
  });
  const total = ws.addRow(['', 'Cộng', ...sums]);
  total.font = { bold: true };
  for (let col = 3; col <= headers.length; col++) ws.getColumn(col).numFmt = '#,##0';
  styleTable(ws, 3, [6, 40, 14, 14, ...monthCols.map(() => 14)]);
  return workbookDownload(wb, `Chỉ tiêu - ${fileSafeName(c.name)}.xlsx`);
}
