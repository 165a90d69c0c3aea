/**
 * Large .xlsx files are read with exceljs's streaming reader: no full workbook model in memory.
 * Sheet names, visibility and the 1904 flag are taken from workbook.xml, read from the zip
 * directly, because the streaming reader may meet the sheets before it.
 */
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import type { GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { IMPORT_LIMITS } from './limits';
import type { ZipEntry } from './zip-guard';
import { checkCellSize, columnLetter } from './cell-checks';
import { toGridCell } from './read-xlsx';

function entryText(buf: Buffer, e: ZipEntry | undefined): string | null {
  if (!e || e.uncompressedSize > 20 * 1024 * 1024) return null;
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    return (e.method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
  } catch {
    return null;
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m);
}

interface SheetInfo { name: string; hidden: boolean; target: string }

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

function workbookInfo(buf: Buffer, entries: ZipEntry[]): { sheets: SheetInfo[]; date1904: boolean } | null {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = entryText(buf, byName.get('xl/workbook.xml'));
  const rels = entryText(buf, byName.get('xl/_rels/workbook.xml.rels'));
  if (!wb || !rels) return null;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const sheets: SheetInfo[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const state = attr(m[0], 'state');
    if (name && rid) sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', target: targets.get(rid) ?? '' });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*date1904="(1|true)"/.test(wb);
  return { sheets, date1904 };
}

/** Null when the file needs the full reader (1904 dates, unusual structure). */
export async function readXlsxStreaming(fileName: string, buf: Buffer, entries: ZipEntry[], onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[] | null> {
  const info = workbookInfo(buf, entries);
  if (!info || info.date1904 || info.sheets.length === 0) return null;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as never);
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
        if (rowNumber > IMPORT_LIMITS.maxRows) {
          throw new AppError('RANGE_TOO_LARGE', `Trang tính "${name}" của tệp "${fileName}" có dữ liệu tới dòng ${rowNumber}, vượt giới hạn ${IMPORT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng. Hãy xoá các dòng thừa ở cuối trang tính.`);
        }
        const out: GridRow = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > IMPORT_LIMITS.maxCols) {
            throw new AppError('RANGE_TOO_LARGE', `Trang tính "${name}" của tệp "${fileName}" có dữ liệu ở cột ${columnLetter(col)} (dòng ${rowNumber}), vượt giới hạn ${IMPORT_LIMITS.maxCols} cột. Hãy xoá các cột thừa.`);
          }
          const g = toGridCell(cell);
          if (!g) return;
          checkCellSize(fileName, name, rowNumber, col, g);
          out[col - 1] = g;
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
