import type ExcelJS from 'exceljs';
import type { FileDownload } from '../../../shared/ipc/channels/files';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Text that Excel (or LibreOffice, or a CSV round trip) could take for a formula is prefixed with an
 * apostrophe: a clerk's cell "=HYPERLINK(...)" or "-1+2" stays text (CSV/formula injection).
 */
export function safeCell<T>(v: T): T | string {
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) return `'${v}`;
  return v;
}

export function safeRow(values: unknown[]): unknown[] {
  return values.map(safeCell);
}

/** Bold header row, thin borders, widths; what a clerk expects from an attached table. */
export function styleTable(ws: ExcelJS.Worksheet, headerRow: number, widths: number[]): void {
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getRow(headerRow).font = { bold: true };
  ws.getRow(headerRow).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let r = headerRow; r <= ws.rowCount; r++) {
    for (let c = 1; c <= widths.length; c++) {
      ws.getRow(r).getCell(c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
}

export async function workbookDownload(wb: ExcelJS.Workbook, name: string): Promise<FileDownload> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { name, mime: XLSX_MIME, dataBase64: buf.toString('base64') };
}

/** File names the clerk's Windows accepts. */
export function fileSafeName(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'bang';
}
