import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import type { ProgressFigures, ProgressQuery } from '../../../shared/ipc/channels/progress';
import type { FileDownload } from '../../../shared/ipc/channels/files';
import { getProgress } from './progress';
import { fileSafeName, safeRow, styleTable, workbookDownload } from '../spreadsheet/excel-export';
import { appendAudit } from '../audit/audit-log';

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
  ws.addRow([when + (p.daysRemaining !== null ? (p.daysRemaining >= 0 ? ` (còn ${p.daysRemaining} ngày)` : ` (đã quá hạn ${-p.daysRemaining} ngày)`) : '')]);
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
  const d = wb.addWorksheet('Theo ngày');
  d.addRow(['Ngày', 'Số đăng ký', 'Luỹ kế']);
  let acc = 0;
  for (const x of p.byDay) d.addRow([x.date.split('-').reverse().join('/'), x.count, (acc += x.count)]);
  styleTable(d, 1, [14, 12, 12]);
  appendAudit(ctx.sqlite, { action: 'progress.export', entity: 'campaign', entityId: p.campaignId });
  return workbookDownload(wb, `Tiến độ - ${fileSafeName(p.campaignName)}.xlsx`);
}
