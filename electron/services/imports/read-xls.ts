/** Reads legacy .xls (BIFF) with SheetJS into grids. Fonts are not kept there, so legacy text is detected. */
import * as XLSX from '@e965/xlsx';
import { AppError } from '../../../shared/errors/app-error';
import { decodeLegacyText } from '../../../shared/domain/import/legacy-encoding';
import { excelSerialToIso } from '../../../shared/domain/import/dates';
import type { GridCell, GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { checkCellSize, checkColLimit, checkRowLimit, cleanGridCell } from './cell-checks';

export async function readXls(fileName: string, buf: Buffer, onSheet?: (i: number, n: number) => Promise<void>): Promise<SheetGrid[]> {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, { type: 'buffer', cellDates: false, cellFormula: false, cellNF: true, dense: true, cellStyles: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/password|encrypt/i.test(msg)) {
      throw new AppError('ENCRYPTED', `Tệp "${fileName}" được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu rồi lưu và nhập lại.`);
    }
    throw new AppError('BAD_XLS', `Không đọc được tệp "${fileName}": tệp Excel cũ (.xls) bị hỏng hoặc không đúng định dạng. Hãy mở bằng Excel rồi lưu lại dưới dạng .xlsx.`);
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: SheetGrid[] = [];
  for (let i = 0; i < wb.SheetNames.length; i++) {
    const name = wb.SheetNames[i];
    const ws = wb.Sheets[name];
    const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0;
    const data = ((ws as unknown as { '!data'?: (XLSX.CellObject[] | undefined)[] })['!data']) ?? [];
    checkRowLimit(fileName, name, data.length);
    const rows: (GridRow | undefined)[] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      const out: GridRow = [];
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell || cell.v === undefined || cell.v === null) continue;
        checkColLimit(fileName, name, c + 1);
        let g: GridCell;
        if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && XLSX.SSF.is_date(String(cell.z))) {
          const iso = excelSerialToIso(cell.v, date1904);
          g = iso ? { v: iso, date: iso } : { v: cell.v };
        } else if (cell.t === 's' || typeof cell.v === 'string') g = { v: decodeLegacyText(String(cell.v)) };
        else if (cell.t === 'e') continue;
        else g = { v: cell.v as number | boolean };
        checkCellSize(fileName, name, r + 1, c + 1, g);
        out[c] = cleanGridCell(g);
      }
      rows[r] = out;
    }
    sheets.push({ name, hidden, rows, date1904 });
    if (onSheet) await onSheet(i + 1, wb.SheetNames.length);
  }
  return sheets;
}
