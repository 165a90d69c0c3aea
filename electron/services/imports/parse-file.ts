/** Reads a file and analyses every sheet: the pure rules applied to the grids the readers give. */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors/app-error';
import { analyzeSheet, type SheetAnalysis } from '../../../shared/domain/import/analyze-sheet';
import type { ColumnMapping, SheetGrid } from '../../../shared/domain/import/types';
import { readWorkbook } from './read-workbook';
import type { FileKind } from './sniff-file';
import { columnLetter } from './cell-checks';
import { bySheet } from './safe-text';
import { IMPORT_LIMITS } from './limits';

export interface ParsedFile {
  fileName: string;
  fileHash: string;
  fileSize: number;
  kind: FileKind;
  grids: SheetGrid[];
  sheets: SheetAnalysis[];
}

export function fileHash(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A formula with no stored result in a person's cell cannot be read without Excel. */
function checkFormulas(fileName: string, grid: SheetGrid, a: SheetAnalysis): void {
  const cols = Object.entries(a.mapping).filter(([, f]) => f !== 'ignore').map(([c]) => Number(c));
  for (const p of a.people) {
    const row = grid.rows[p.row - 1];
    for (const c of cols) {
      if (row?.[c]?.formulaNoValue) {
        throw new AppError('FORMULA_NO_VALUE', `Tệp "${fileName}", trang tính "${grid.name}", ô ${columnLetter(c + 1)}${p.row} là công thức chưa được tính (không có giá trị lưu sẵn). Hãy mở tệp bằng Excel, để Excel tính xong rồi lưu lại. Không có gì được nhập.`);
      }
    }
  }
}

/** A cell the reader cut to its field limit: a warning on the person's row, naming the cell. */
function warnCutCells(grid: SheetGrid, a: SheetAnalysis): void {
  const cols = Object.entries(a.mapping).filter(([, f]) => f !== 'ignore').map(([c, f]) => [Number(c), f]) as [number, Exclude<(typeof a.mapping)[number], 'ignore'>][];
  for (const p of a.people) {
    const row = grid.rows[p.row - 1];
    if (!row) continue;
    for (const [c, field] of cols) {
      const cut = row[c]?.cut;
      if (cut) p.issues.push({ field, col: c, severity: 'warning', code: 'CELL_CUT', message: `Ô ${columnLetter(c + 1)}${p.row} dài ${cut.toLocaleString('vi-VN')} ký tự, quá dài cho một ${field === 'full_name' ? 'họ tên' : 'ô'}: chỉ giữ ${IMPORT_LIMITS.maxFieldChars} ký tự đầu. Hãy kiểm tra lại ô này.` });
    }
  }
}

export function analyzeGrids(
  fileName: string,
  grids: SheetGrid[],
  refYear: number,
  mappings: Record<string, ColumnMapping> = {},
  restored: Record<string, number[]> = {},
): SheetAnalysis[] {
  const opts = (g: SheetGrid, headerless = false) => ({ refYear, mapping: bySheet(mappings, g.name), restore: bySheet(restored, g.name) ? new Set(bySheet(restored, g.name)) : undefined, headerless });
  let sheets = grids.map((g) => analyzeSheet(g, opts(g)));
  if (!sheets.some((s) => !s.skipped) && !sheets.some((s) => s.needsMapping)) {
    // No header anywhere: guess the columns of each visible sheet from its values; the clerk confirms them.
    sheets = grids.map((g, i) => (sheets[i].skipped === 'no_header' ? analyzeSheet(g, opts(g, true)) : sheets[i]));
    if (!sheets.some((s) => s.needsMapping)) {
      // Nothing to guess from: offer the largest sheet for mapping by hand.
      let best = -1;
      grids.forEach((g, i) => { if (sheets[i].skipped === 'no_header' && (best < 0 || g.rows.length > grids[best].rows.length)) best = i; });
      if (best >= 0) sheets[best] = { ...sheets[best], needsMapping: true, headers: [], signature: '' };
    }
  }
  sheets.forEach((a, i) => { if (!a.skipped) { checkFormulas(fileName, grids[i], a); warnCutCells(grids[i], a); } });
  return sheets;
}

export async function parseFile(
  fileName: string,
  buf: Buffer,
  opts: { refYear: number; mappings?: Record<string, ColumnMapping>; onSheet?: (i: number, n: number, row?: number) => Promise<void> },
): Promise<ParsedFile> {
  const { kind, sheets: grids } = await readWorkbook(fileName, buf, opts.onSheet);
  await new Promise<void>((r) => setImmediate(r)); // let queued IPC calls through between reading and analysis
  const sheets = analyzeGrids(fileName, grids, opts.refYear, opts.mappings);
  if (!sheets.some((s) => !s.skipped || s.needsMapping)) {
    const listed = sheets.map((s) => `"${s.sheet}"`).join(', ');
    throw new AppError('NO_LIST_FOUND', `Không tìm thấy danh sách người đăng ký trong tệp "${fileName}" (đã xem các trang tính: ${listed || 'không có'}). Cần một dòng tiêu đề có cột "Họ và tên". Hãy kiểm tra lại tệp.`);
  }
  return { fileName, fileHash: fileHash(buf), fileSize: buf.length, kind, grids, sheets };
}
