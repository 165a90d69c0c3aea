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

/**
 * Control and direction-override characters: C0/C1 controls except tab and line breaks, the bidi
 * embeddings, overrides, isolates and marks (U+202E turns "Nguyễn" into "nềyugN" on screen and on
 * paper), zero-width space and the stray BOM. They never belong in a name, an ID or an address.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** The text without control and bidi characters. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Removes control/bidi characters and cuts text past `maxFieldChars`, noting the original length in `cut`. */
export function cleanGridCell(cell: GridCell): GridCell {
  if (typeof cell.v !== 'string') return cell;
  let v = cell.v;
  INVISIBLE.lastIndex = 0;
  if (INVISIBLE.test(v)) v = stripInvisible(v);
  if (v.length > IMPORT_LIMITS.maxFieldChars) {
    const cut = v.length;
    v = v.slice(0, IMPORT_LIMITS.maxFieldChars);
    // Do not leave half of a surrogate pair at the cut.
    if (/[\ud800-\udbff]$/.test(v)) v = v.slice(0, -1);
    return { ...cell, v, cut };
  }
  return v === cell.v ? cell : { ...cell, v };
}
