/** Reads an .xlsx with exceljs into grids: legacy fonts decoded per cell, dates as ISO, limits enforced. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import { decodeLegacyText } from '../../../shared/domain/import/legacy-encoding';
import type { GridCell, GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { guardZip } from './zip-guard';
import { checkCellSize, checkColLimit, checkRowLimit } from './cell-checks';
import { readXlsxStreaming } from './read-xlsx-stream';
import { readXlsxFast } from './fast-xlsx';

const DAY = 86_400_000;

function dateIso(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  return new Date(Math.round(t / DAY) * DAY).toISOString().slice(0, 10);
}

export function toGridCell(cell: ExcelJS.Cell): GridCell | undefined {
  const v = cell.value as unknown;
  // A merged cell's copies carry no font of their own: the master's decides the encoding.
  const font = (cell.type === ExcelJS.ValueType.Merge ? cell.master : cell).font?.name;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { v: decodeLegacyText(v, font) };
  if (typeof v === 'number' || typeof v === 'boolean') return { v };
  if (v instanceof Date) {
    const iso = dateIso(v);
    return iso ? { v: iso, date: iso } : { v: null };
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return { v: (o.richText as { text: string; font?: { name?: string } }[]).map((r) => decodeLegacyText(r.text ?? '', r.font?.name ?? font)).join('') };
    }
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result as unknown;
      if (r === undefined || r === null) return { v: null, formulaNoValue: true };
      if (r instanceof Date) { const iso = dateIso(r); return { v: iso, date: iso ?? undefined }; }
      if (typeof r === 'object') return { v: null };
      return typeof r === 'string' ? { v: decodeLegacyText(r, font) } : { v: r as number | boolean };
    }
    if ('text' in o) return { v: decodeLegacyText(String(o.text), font) };
    if ('error' in o) return { v: null };
  }
  return { v: String(v) };
}

/** Above this size the lean reader (or exceljs's streaming one) is used: same cells, a fraction of the memory and time. */
const STREAM_ABOVE_BYTES = 1024 * 1024;

export async function readXlsx(fileName: string, buf: Buffer, onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[]> {
  const entries = guardZip(fileName, buf);
  if (buf.length > STREAM_ABOVE_BYTES) {
    const fast = await readXlsxFast(fileName, buf, entries, onSheet);
    if (fast) return fast;
    const streamed = await readXlsxStreaming(fileName, buf, entries, onSheet);
    if (streamed) return streamed;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
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
        out[col - 1] = g;
      });
      rows[rowNumber - 1] = out;
    });
    sheets.push({ name: ws.name, hidden, rows, date1904 });
    if (onSheet) await onSheet(i + 1, worksheets.length);
  }
  return sheets;
}
