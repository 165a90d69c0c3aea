import type ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import type { QuotaEntry, QuotaImportResult } from '../../../shared/ipc/channels/quotas';
import { AppError } from '../../../shared/errors/app-error';
import { collapseSpaces, foldVietnamese, nfc } from '../../../shared/domain/text';
import { cellText, loadXlsx } from '../spreadsheet/load-xlsx';
import { getCampaign } from '../campaigns/campaigns';
import { saveQuotas } from './quotas';

type Col = { col: number; month: number; field: 'registrants' | 'bloodUnits' };

const isUnitHeader = (h: string) => (/\bdon vi\b|co quan|dia phuong|to chuc/.test(h) && !/mau|chi tieu/.test(h)) || h === 'ten';

function classify(label: string): Omit<Col, 'col'> | null {
  if (!label || /^stt\b|so tt|ghi chu|^tt$/.test(label)) return null;
  const m = /thang\s*0?(\d{1,2})\b/.exec(label);
  const month = m ? Number(m[1]) : 0;
  if (month > 12) return null;
  if (/dang ky|nguoi/.test(label)) return { month, field: 'registrants' };
  if (m || /mau|chi tieu|ket qua/.test(label)) return { month, field: 'bloodUnits' };
  return null;
}

function numberOf(cell: ExcelJS.Cell): number | null {
  const v = cell.value;
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : null;
  const t = cellText(cell).replace(/[.\s,]/g, '');
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Reads an allocation table ("Biểu chỉ tiêu"): a unit column plus columns for registrants, blood units
 * and/or months ("Tháng 5"), possibly under a two-row header. Unit names are matched to the unit list
 * (ignoring case and diacritics, or by short name); unknown units are reported with their row.
 * The campaign's table is replaced by the file's.
 */
export async function importQuotasFromExcel(ctx: ServiceContext, campaignId: number, fileName: string, data: Buffer): Promise<QuotaImportResult> {
  await getCampaign(ctx, campaignId);
  const wb = await loadXlsx(fileName, data);
  const ws = wb.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0);
  if (!ws) throw new AppError('EMPTY', `Tệp "${fileName}" không có trang tính nào chứa dữ liệu.`);
  let headerRow = 0;
  let unitCol = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 20) && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (!headerRow && isUnitHeader(foldVietnamese(cellText(cell)))) [headerRow, unitCol] = [r, c];
    });
  }
  if (!headerRow) {
    throw new AppError('NO_HEADER', `Không tìm thấy cột "Đơn vị" trong 20 dòng đầu của trang "${ws.name}" (tệp "${fileName}"). Hãy thêm dòng tiêu đề có cột "Đơn vị".`);
  }
  const width = ws.columnCount;
  const label = (r: number, c: number) => foldVietnamese(cellText(ws.getRow(r).getCell(c)));
  const sub = ws.getRow(headerRow + 1);
  let subHeader = false;
  sub.eachCell((cell, c) => {
    if (c !== unitCol && cellText(cell) && numberOf(cell) === null) subHeader = true;
  });
  const cols: Col[] = [];
  for (let c = 1; c <= width; c++) {
    if (c === unitCol) continue;
    const top = label(headerRow, c);
    const below = subHeader ? label(headerRow + 1, c) : '';
    const k = classify(below && below !== top ? `${top} ${below}` : top);
    if (k) cols.push({ col: c, ...k });
  }
  if (cols.length === 0) {
    throw new AppError('NO_COLUMNS', `Trang "${ws.name}" (tệp "${fileName}") không có cột chỉ tiêu nào ("Người đăng ký", "Đơn vị máu" hoặc "Tháng …"). Hãy đặt tiêu đề cho các cột số.`);
  }
  const units = await ctx.db.selectFrom('units').select(['id', 'name', 'short_name']).execute();
  const byName = new Map<string, number>();
  for (const u of units) {
    byName.set(foldVietnamese(u.name), u.id);
    if (u.short_name) byName.set(foldVietnamese(u.short_name), u.id);
  }
  const cells = new Map<string, QuotaEntry>();
  const unknown: QuotaImportResult['unknown'] = [];
  for (let r = headerRow + (subHeader ? 2 : 1); r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    // Our own export prefixes formula-like names with an apostrophe; read them back without it.
    const name = nfc(collapseSpaces(cellText(row.getCell(unitCol)))).replace(/^'(?=[=+\-@])/, '');
    const folded = foldVietnamese(name);
    if (!name || /^(cong|tong|tong cong|tong so)\b/.test(folded)) continue;
    const values = cols.map((k) => ({ k, v: numberOf(row.getCell(k.col)) })).filter((x) => x.v !== null);
    if (values.length === 0) continue;
    const unitId = byName.get(folded);
    if (unitId === undefined) {
      unknown.push({ row: r, name });
      continue;
    }
    for (const { k, v } of values) {
      const key = `${unitId}:${k.month}`;
      const e = cells.get(key) ?? { unitId, month: k.month, registrants: null, bloodUnits: null };
      e[k.field] = (e[k.field] ?? 0) + v!;
      cells.set(key, e);
    }
  }
  const table = await saveQuotas(ctx, { campaignId, entries: [...cells.values()], replace: true });
  return { imported: cells.size, unknown, table };
}
