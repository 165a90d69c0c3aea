import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import type { ProgressFigures, ProgressMonth, ProgressQuery } from '../../../shared/ipc/channels/progress';
import type { FileDownload } from '../../../shared/ipc/channels/files';
import { getProgress } from './progress';
import { fileSafeName, safeRow, styleTable, workbookDownload } from '../spreadsheet/excel-export';
import { appendAudit } from '../audit/audit-log';
import { deadlineText } from '../../../shared/domain/deadline-text';

const HEADERS = ['STT', 'Đơn vị', 'Chỉ tiêu người đăng ký', 'Chỉ tiêu đơn vị máu', 'Đăng ký nhận được', 'Sau lọc trùng', 'Đã hiến', 'Hoãn hiến', '% chỉ tiêu đăng ký', '% chỉ tiêu máu', 'Đã gửi danh sách'];

function cells(f: ProgressFigures): unknown[] {
  return [f.quotaRegistrants, f.quotaBloodUnits, f.registered, f.afterDuplicates, f.donated, f.deferred, f.percentRegistrants === null ? null : f.percentRegistrants / 100, f.percentBloodUnits === null ? null : f.percentBloodUnits / 100];
}

/** The progress table as the clerk attaches it to a report: title, one row per unit, total row. */
export async function exportProgressExcel(ctx: ServiceContext, query: ProgressQuery): Promise<FileDownload> {
  const p = await getProgress(ctx, query);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiến độ');
  ws.addRow(safeRow([`TIẾN ĐỘ ĐĂNG KÝ VÀ KẾT QUẢ HIẾN MÁU — ${p.campaignName.toUpperCase()}`]));
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getRow(1).font = { bold: true, size: 13 };
  const when = p.deadline ? `Hạn gửi danh sách: ${p.deadline.split('-').reverse().join('/')}` : 'Chưa đặt hạn gửi danh sách';
  ws.addRow([when + (p.daysRemaining !== null ? ` (${deadlineText(p.daysRemaining)!.toLocaleLowerCase('vi')})` : '')]);
  ws.addRow(HEADERS);
  p.rows.forEach((r, i) => ws.addRow(safeRow([i + 1, r.unitName, ...cells(r), r.listReceived ? 'Đã gửi' : 'Chưa gửi'])));
  const total = ws.addRow(['', 'Tổng cộng', ...cells(p.total), '']);
  total.font = { bold: true };
  for (const col of [9, 10]) ws.getColumn(col).numFmt = '0.0%';
  styleTable(ws, 3, [6, 40, 12, 12, 12, 12, 10, 10, 11, 11, 12]);
  if (p.groups.length) {
    const g = wb.addWorksheet('Theo nhóm');
    g.addRow(['Nhóm', ...HEADERS.slice(2, 10)]);
    for (const x of p.groups) g.addRow(safeRow([x.label, ...cells(x)]));
    for (const col of [8, 9]) g.getColumn(col).numFmt = '0.0%';
    styleTable(g, 1, [30, 12, 12, 12, 12, 10, 10, 11, 11]);
  }
  if (p.months.length) {
    // The month split of a monthly quota table, as on the screen: each month's quota, registrations and donations.
    const m = wb.addWorksheet('Theo tháng');
    const quotaWord = (i: number) => (p.monthTotals[i]?.quotaRegistrants === null ? 'chỉ tiêu đơn vị máu' : 'chỉ tiêu người đăng ký');
    m.addRow(['Đơn vị', ...p.months.flatMap((x, i) => [`Tháng ${x} - ${quotaWord(i)}`, `Tháng ${x} - đăng ký`, `Tháng ${x} - đã hiến`])]);
    const monthCells = (months: ProgressMonth[]) => months.flatMap((x) => [x.quotaRegistrants ?? x.quotaBloodUnits, x.registered, x.donated]);
    for (const r of p.rows.filter((x) => x.unitId !== null)) m.addRow(safeRow([r.unitName, ...monthCells(r.months)]));
    m.addRow(['Tổng cộng', ...monthCells(p.monthTotals)]).font = { bold: true };
    styleTable(m, 1, [40, ...p.months.flatMap(() => [12, 12, 12])]);
  }
  const d = wb.addWorksheet('Theo ngày');
  d.addRow(['Ngày', 'Số đăng ký', 'Luỹ kế']);
  let acc = 0;
  for (const x of p.byDay) d.addRow([x.date.split('-').reverse().join('/'), x.count, (acc += x.count)]);
  styleTable(d, 1, [14, 12, 12]);
  ctx.data.write((w) => appendAudit(w, { action: 'progress.export', entity: 'campaign', entityId: p.campaignId }));
  return workbookDownload(wb, `Tiến độ - ${fileSafeName(p.campaignName)}.xlsx`);
}
