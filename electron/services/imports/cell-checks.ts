/** Checks on single cells shared by the readers. */
import { AppError } from '../../../shared/errors/app-error';
import type { GridCell } from '../../../shared/domain/import/types';
import { IMPORT_LIMITS } from './limits';

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell longer than Excel itself allows is not a list: refuse the file, naming the cell. */
export function checkCellSize(fileName: string, sheet: string, row: number, col: number, cell: GridCell): void {
  if (typeof cell.v === 'string' && cell.v.length > IMPORT_LIMITS.maxCellChars) {
    const where = sheet ? `trang tính "${sheet}", ô ${columnLetter(col)}${row}` : `dòng ${row}, cột ${col}`;
    throw new AppError('CELL_TOO_LARGE', `Tệp "${fileName}", ${where} chứa ${cell.v.length.toLocaleString('vi-VN')} ký tự, vượt giới hạn ${IMPORT_LIMITS.maxCellChars.toLocaleString('vi-VN')} ký tự của một ô Excel. Hãy kiểm tra lại ô này. Không có gì được nhập.`);
  }
}

/** Data past the row limit: refuse the file, naming the sheet and the last row. */
export function checkRowLimit(fileName: string, sheet: string, row: number): void {
  if (row > IMPORT_LIMITS.maxRows) {
    throw new AppError('RANGE_TOO_LARGE', `Trang tính "${sheet}" của tệp "${fileName}" có dữ liệu tới dòng ${row}, vượt giới hạn ${IMPORT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng. Hãy xoá các dòng thừa ở cuối trang tính.`);
  }
}

/** Data past the column limit: refuse the file, naming the sheet, the column and (when known) the row. */
export function checkColLimit(fileName: string, sheet: string, col: number, row?: number): void {
  if (col > IMPORT_LIMITS.maxCols) {
    const at = row === undefined ? '' : ` (dòng ${row})`;
    throw new AppError('RANGE_TOO_LARGE', `Trang tính "${sheet}" của tệp "${fileName}" có dữ liệu ở cột ${columnLetter(col)}${at}, vượt giới hạn ${IMPORT_LIMITS.maxCols} cột. Hãy xoá các cột thừa.`);
  }
}
