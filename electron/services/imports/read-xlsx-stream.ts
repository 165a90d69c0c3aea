/**
 * Large .xlsx files are read with exceljs's streaming reader: no full workbook model in memory.
 * Sheet names, visibility and the 1904 flag are taken from workbook.xml, read from the zip
 * directly, because the streaming reader may meet the sheets before it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import type { GridRow, SheetGrid } from '../../../shared/domain/import/types';
import type { XlsxArchive } from './zip-guard';
import { checkCellSize, checkColLimit, checkRowLimit, cleanGridCell } from './cell-checks';
import { toGridCell } from './exceljs-cell';
import { workbookForExceljs, workbookInfo } from './xlsx-parts';

/** Null when the file needs the full reader (1904 dates, unusual structure). */
export async function readXlsxStreaming(fileName: string, _buf: Buffer, archive: XlsxArchive, onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[] | null> {
  const info = workbookInfo(archive);
  if (!info || info.date1904 || info.sheets.length === 0) return null;
  // The checked, already inflated parts: the streaming reader never inflates the original bytes.
  const safe = workbookForExceljs(archive, { full: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([safe]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as never);
  const byTarget = new Map(info.sheets.map((s) => [s.target, s]));
  const grids: SheetGrid[] = [];
  try {
    for await (const ws of reader as unknown as AsyncIterable<ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>>) {
      const id = (ws as unknown as { id: number }).id;
      const meta = byTarget.get(`worksheets/sheet${id}.xml`);
      const name = meta?.name ?? ws.name;
      const rows: (GridRow | undefined)[] = [];
      for await (const row of ws) {
        const rowNumber = row.number;
        checkRowLimit(fileName, name, rowNumber);
        const out: GridRow = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          checkColLimit(fileName, name, col, rowNumber);
          const g = toGridCell(cell);
          if (!g) return;
          checkCellSize(fileName, name, rowNumber, col, g);
          out[col - 1] = cleanGridCell(g);
        });
        rows[rowNumber - 1] = out;
        if (onSheet && rowNumber % 5000 === 0) await onSheet(grids.length, info.sheets.length, rowNumber); // progress, and a chance to cancel
      }
      grids.push({ name, hidden: meta?.hidden ?? false, rows, date1904: false });
      if (onSheet) await onSheet(grids.length, info.sheets.length);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng Excel. Hãy mở thử bằng Excel rồi lưu lại.`);
  }
  // Keep the workbook's sheet order, whatever order the zip stored them in.
  const order = new Map(info.sheets.map((s, i) => [s.name, i]));
  return grids.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
}
