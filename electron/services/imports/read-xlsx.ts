/** Reads an .xlsx with exceljs into grids: legacy fonts decoded per cell, dates as ISO, limits enforced. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import type { GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { guardZip } from './zip-guard';
import { checkCellSize, checkColLimit, checkRowLimit, cleanGridCell } from './cell-checks';
import { readXlsxStreaming } from './read-xlsx-stream';
import { readXlsxFast } from './fast-xlsx';
import { workbookForExceljs } from './xlsx-parts';
import { IMPORT_LIMITS } from './limits';
import { toGridCell } from './exceljs-cell';

/** Above this size the lean reader (or exceljs's streaming one) is used: same cells, a fraction of the memory and time. */
const STREAM_ABOVE_BYTES = 1024 * 1024;

export async function readXlsx(fileName: string, buf: Buffer, onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[]> {
  // Every part inflated once, under a hard cap; nothing below reads the original zip again.
  const archive = guardZip(fileName, buf);
  if (buf.length > STREAM_ABOVE_BYTES || archive.totalBytes > IMPORT_LIMITS.maxFullLoadBytes) {
    const fast = await readXlsxFast(fileName, buf, archive, onSheet);
    if (fast) return fast;
    const streamed = await readXlsxStreaming(fileName, buf, archive, onSheet);
    if (streamed) return streamed;
  }
  // exceljs gets the checked parts: limits, merged ranges and columns verified, data validations removed.
  const safe = workbookForExceljs(archive, { full: true });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(safe as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng Excel. Hãy mở thử bằng Excel rồi lưu lại.`);
  }
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets: SheetGrid[] = [];
  const worksheets = wb.worksheets;
  for (let i = 0; i < worksheets.length; i++) {
    const ws = worksheets[i];
    const hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const rows: (GridRow | undefined)[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      checkRowLimit(fileName, ws.name, rowNumber);
      const out: GridRow = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        checkColLimit(fileName, ws.name, col, rowNumber);
        if (cell.type === ExcelJS.ValueType.Merge && cell.master !== cell) {
          // A merged area: exceljs repeats the master's value; keep it only within the same row.
          if (cell.master.row !== cell.row) return;
        }
        const g = toGridCell(cell);
        if (!g) return;
        checkCellSize(fileName, ws.name, rowNumber, col, g);
        out[col - 1] = cleanGridCell(g);
      });
      rows[rowNumber - 1] = out;
    });
    sheets.push({ name: ws.name, hidden, rows, date1904 });
    if (onSheet) await onSheet(i + 1, worksheets.length);
  }
  return sheets;
}
