import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import { guardZip } from '../imports/zip-guard';
import { workbookForExceljs } from '../imports/xlsx-parts';
import { stripInvisible } from '../imports/cell-checks';
import { IMPORT_LIMITS } from '../imports/limits';

/** Opens an .xlsx from bytes, turning parser failures into a message that names the file. */
export async function loadXlsx(fileName: string, data: Buffer): Promise<ExcelJS.Workbook> {
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('NOT_XLSX', `Tệp "${fileName}" không phải là bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.`);
  }
  // The importer's guard: password-protected files and zip bombs are refused, every part inflated
  // under a hard cap and every sheet checked (limits, merged ranges) before exceljs sees anything.
  const safe = workbookForExceljs(guardZip(fileName, data, IMPORT_LIMITS.maxFullLoadBytes), { full: true });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(safe as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": tệp bị hỏng hoặc không đúng định dạng Excel. Hãy mở thử bằng Excel rồi lưu lại.`);
  }
  return wb;
}

/** The display text of a cell, whatever its type, without control and bidi characters. */
export function cellText(cell: ExcelJS.Cell): string {
  const t = rawCellText(cell);
  return t.length > 2000 ? stripInvisible(t.slice(0, 2000)) : stripInvisible(t);
}

function rawCellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}
