/**
 * Reads a table of units, with or without figures: the plan's quota table ("Biểu phân bổ chỉ tiêu",
 * unit × month, two-row merged header, =SUM formulas saved without a cached value, a "Tổng cộng" row)
 * or the office's unit list. Every row of the sheet ends up in the ledger as exactly one of: a unit
 * line, an ignored row with its kind and reason, or an error naming sheet, row and column.
 */
import type ExcelJS from 'exceljs';
import { collapseSpaces, foldVietnamese, nfc } from '../../../shared/domain/text';
import { isTotalLabel } from '../../../shared/domain/units/unit-names';
import { cellText } from '../spreadsheet/load-xlsx';

export type LedgerKind = 'unit' | 'title' | 'header' | 'blank' | 'section' | 'total' | 'footer' | 'error';

export interface LedgerRow {
  row: number;
  kind: LedgerKind;
  /** Why the row is not a unit line (Vietnamese, for the clerk). */
  reason?: string;
  name?: string;
}

export type QuotaField = 'registrants' | 'bloodUnits';

export interface FigureColumn {
  col: number;
  label: string;
  month: number;
  field: QuotaField;
  /** A per-row total of the month columns ("Cộng số người"): checked, not stored. */
  rowTotal: boolean;
}

export interface TableLine {
  row: number;
  name: string;
  /** Figures by column number; null = empty cell. */
  values: Map<number, number | null>;
  /** Other named columns of a unit list (kind, parent, grouping, short name). */
  extra: Record<string, string>;
}

export interface UnitTable {
  sheet: string;
  headerRows: number[];
  nameCol: number;
  columns: FigureColumn[];
  lines: TableLine[];
  ledger: LedgerRow[];
  totalRow: number | null;
  /** Disagreements of the table with itself (row totals, the total row). */
  warnings: string[];
  /** The table's own total row, column by column (evaluated when it is a formula). */
  statedTotals: { registrants: number | null; bloodUnits: number | null };
}

const colName = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A cell's number: typed, written as text ("1.200"), a cached formula result, or the formula computed (SUM, +, −). */
export function makeEvaluator(ws: ExcelJS.Worksheet) {
  const memo = new Map<string, number | null>();
  const evalCell = (r: number, c: number, depth: number): number | null => {
    const id = `${r}:${c}`;
    if (memo.has(id)) return memo.get(id)!;
    memo.set(id, null); // cycles read as empty
    const v = valueOf(ws.getRow(r).getCell(c), depth);
    memo.set(id, v);
    return v;
  };
  const evalFormula = (formula: string, depth: number): number | null => {
    if (depth > 20) return null;
    let f = formula.replace(/^=/, '').replace(/\$/g, '').trim();
    // SUM(range, cell, number…) → the sum; then a plain expression of cells, numbers, + and −.
    let unsupported = false;
    f = f.replace(/SUM\(([^()]*)\)/gi, (_m, args: string) => {
      let s = 0;
      for (const a of args.split(/[,;]/).map((x) => x.trim()).filter(Boolean)) {
        const range = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/i.exec(a);
        if (range) {
          const [c1, r1, c2, r2] = [colNumber(range[1]), Number(range[2]), colNumber(range[3]), Number(range[4])];
          if ((Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) > 100_000) {
            unsupported = true;
            continue;
          }
          for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) for (let c = Math.min(c1, c2); c <= Math.max(c1, c2); c++) s += evalCell(r, c, depth + 1) ?? 0;
        } else {
          const one = evalFormula(a, depth + 1);
          if (one === null && !/^[A-Z]{1,3}\d+$/i.test(a)) unsupported = true;
          s += one ?? 0;
        }
      }
      return String(s);
    });
    if (unsupported) return null;
    const terms = f.match(/[+-]?\s*[^+-]+/g);
    if (!terms) return null;
    let total = 0;
    for (const t of terms) {
      const m = /^([+-]?)\s*(?:(\d+(?:\.\d+)?)|([A-Z]{1,3})(\d+))\s*$/i.exec(t);
      if (!m) return null;
      const n = m[2] !== undefined ? Number(m[2]) : (evalCell(Number(m[4]), colNumber(m[3]), depth + 1) ?? 0);
      total += m[1] === '-' ? -n : n;
    }
    return total;
  };
  const valueOf = (cell: ExcelJS.Cell, depth = 0): number | null => {
    const v = cell.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
      const res = (v as { result?: unknown }).result;
      if (typeof res === 'number') return res;
      return evalFormula(v.formula, depth);
    }
    if (typeof v === 'object' && 'sharedFormula' in v) {
      const res = (v as { result?: unknown }).result;
      return typeof res === 'number' ? res : null;
    }
    const t = cellText(cell).replace(/[.\s,]/g, '');
    if (t === '' || t === '-') return null;
    return /^\d+$/.test(t) ? Number(t) : NaN;
  };
  return { valueOf: (cell: ExcelJS.Cell) => valueOf(cell, 0) };
}

function isFormula(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return !!v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

/** Text of a cell for labels: a formula without a cached value has none. */
function labelOf(cell: ExcelJS.Cell): string {
  if (isFormula(cell)) {
    const res = (cell.value as { result?: unknown }).result;
    return res === undefined || res === null ? '' : String(res);
  }
  return nfc(collapseSpaces(cellText(cell)));
}

const isUnitHeader = (h: string) => (/\bdon vi\b|co quan|dia phuong|to chuc/.test(h) && !/mau|chi tieu|tinh|so luong/.test(h)) || h === 'ten' || h === 'ten don vi';
const isSttHeader = (h: string) => /^(stt|tt|so tt|so thu tu)$/.test(h);

function classify(label: string): Omit<FigureColumn, 'col' | 'label' | 'rowTotal'> | null {
  if (!label || /^stt\b|so tt|ghi chu|^tt$/.test(label)) return null;
  const m = /thang\s*0?(\d{1,2})\b/.exec(label);
  const month = m ? Number(m[1]) : 0;
  if (month > 12) return null;
  if (/dang ky|nguoi/.test(label)) return { month, field: 'registrants' };
  if (m || /mau|chi tieu|ket qua/.test(label)) return { month, field: 'bloodUnits' };
  return null;
}

export interface ReadOptions {
  /** Figures are expected (quota table) or not (unit list). */
  figures: boolean;
  /** Other columns to read by header (unit list): field → header test on the folded label. */
  extraColumns?: Record<string, (folded: string) => boolean>;
  /** The unit-name header (default: "Đơn vị", "Tên đơn vị", "Cơ quan"…). */
  nameHeader?: (folded: string) => boolean;
  maxRows?: number;
}

/** Finds the header, the unit-name column and the figure columns, then accounts for every row. */
export function readUnitTable(ws: ExcelJS.Worksheet, fileName: string, opts: ReadOptions): UnitTable | { error: string } {
  const where = `trang "${ws.name}" (tệp "${fileName}")`;
  let headerRow = 0;
  let nameCol = 0;
  const limit = Math.min(ws.rowCount, 20);
  for (let r = 1; r <= limit && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (!headerRow && (opts.nameHeader ?? isUnitHeader)(foldVietnamese(labelOf(cell)))) [headerRow, nameCol] = [r, c];
    });
  }
  if (!headerRow) return { error: `Không tìm thấy cột "Tên đơn vị" trong 20 dòng đầu của ${where}. Hãy thêm dòng tiêu đề có cột "Đơn vị".` };
  const { valueOf } = makeEvaluator(ws);
  const width = Math.max(ws.columnCount, nameCol);
  const label = (r: number, c: number) => foldVietnamese(labelOf(ws.getRow(r).getCell(c)));
  // A second header row: text (not figures) under the header, or the unit-name header merged down.
  let subHeader = label(headerRow + 1, nameCol) === label(headerRow, nameCol);
  ws.getRow(headerRow + 1).eachCell((cell, c) => {
    if (c !== nameCol && labelOf(cell) && Number.isNaN(valueOf(cell) ?? NaN) && !isSttHeader(foldVietnamese(labelOf(cell)))) subHeader = true;
  });
  if (foldVietnamese(labelOf(ws.getRow(headerRow + 1).getCell(nameCol))) && label(headerRow + 1, nameCol) !== label(headerRow, nameCol)) subHeader = false;
  const headerRows = subHeader ? [headerRow, headerRow + 1] : [headerRow];
  let sttCol = 0;
  const columns: FigureColumn[] = [];
  const extraCols: Record<string, number> = {};
  let group = '';
  for (let c = 1; c <= width; c++) {
    if (c === nameCol) continue;
    let top = label(headerRow, c);
    const below = subHeader ? label(headerRow + 1, c) : '';
    // "Số người đăng ký" written once over its month sub-columns without merging the cells.
    if (top) group = top;
    else if (below && group) top = group;
    const full = below && below !== top ? `${top} ${below}` : top;
    if (isSttHeader(top) || isSttHeader(below)) {
      sttCol ||= c;
      continue;
    }
    for (const [field, test] of Object.entries(opts.extraColumns ?? {})) if (extraCols[field] === undefined && test(full)) extraCols[field] = c;
    if (Object.values(extraCols).includes(c)) continue;
    let k = opts.figures ? classify(full) : null;
    // A bare "Cộng"/"Tổng" column after month columns is their row total.
    if (opts.figures && !k && /^(cong|tong|tong cong|tong so|cong so)\b/.test(below || top) && !/mau/.test(full)) {
      const prev = [...columns].reverse().find((x) => x.month > 0);
      if (prev) k = { month: 0, field: prev.field };
    }
    if (k) columns.push({ col: c, label: collapseSpaces(`${labelOf(ws.getRow(headerRow).getCell(c))}${below && below !== top ? ` ${labelOf(ws.getRow(headerRow + 1).getCell(c))}` : ''}`), ...k, rowTotal: false });
  }
  // The whole-campaign column of a field that also has months is the row's total of those months.
  for (const k of columns) {
    if (k.month === 0 && columns.some((o) => o.field === k.field && o.month > 0)) k.rowTotal = true;
  }
  if (opts.figures && columns.length === 0) {
    return { error: `${where.charAt(0).toUpperCase()}${where.slice(1)} không có cột chỉ tiêu nào ("Người đăng ký", "Đơn vị máu" hoặc "Tháng …"). Hãy đặt tiêu đề cho các cột số.` };
  }
  const ledger: LedgerRow[] = [];
  const lines: TableLine[] = [];
  const warnings: string[] = [];
  const nameHeader = label(headerRow, nameCol);
  const first = headerRows[headerRows.length - 1] + 1;
  for (let r = 1; r < first; r++) {
    const empty = ws.getRow(r).actualCellCount === 0 || ![...Array(width).keys()].some((i) => labelOf(ws.getRow(r).getCell(i + 1)));
    ledger.push(r < headerRow ? (empty ? { row: r, kind: 'blank', reason: 'Dòng trống' } : { row: r, kind: 'title', reason: 'Tiêu đề phía trên bảng' }) : { row: r, kind: 'header', reason: 'Dòng tiêu đề cột' });
  }
  const last = Math.min(ws.rowCount, first + (opts.maxRows ?? 5000));
  const running = new Map<number, number>();
  let totalRow: number | null = null;
  const statedTotals = { registrants: null as number | null, bloodUnits: null as number | null };
  for (let r = first; r <= last; r++) {
    const row = ws.getRow(r);
    const name = labelOf(row.getCell(nameCol)).replace(/^'(?=[=+\-@])/, '');
    const stt = sttCol ? labelOf(row.getCell(sttCol)) : '';
    const values = new Map<number, number | null>();
    const bad: string[] = [];
    for (const k of columns) {
      const v = valueOf(row.getCell(k.col));
      if (v !== null && Number.isNaN(v)) bad.push(`${colName(k.col)} ("${k.label}")`);
      values.set(k.col, v === null || Number.isNaN(v) ? null : Math.round(v));
    }
    const hasFigure = [...values.values()].some((v) => v !== null);
    const anyText = [...Array(width).keys()].some((i) => labelOf(row.getCell(i + 1)) !== '' || isFormula(row.getCell(i + 1)));
    if (!anyText) {
      ledger.push({ row: r, kind: 'blank', reason: 'Dòng trống' });
      continue;
    }
    const folded = foldVietnamese(name);
    if (folded && folded === nameHeader) {
      ledger.push({ row: r, kind: 'header', reason: 'Dòng tiêu đề cột lặp lại', name });
      continue;
    }
    // A total row is known by its role: a "Cộng/Tổng cộng" label, no serial number, figures that are sums.
    const total = isTotalLabel(name) ?? (stt ? isTotalLabel(stt) : null);
    const sttNumeric = /^\d+$/.test(stt.replace(/[.\s]/g, ''));
    const sumFormulas = columns.some((k) => {
      const v = row.getCell(k.col).value as { formula?: string } | null;
      return !!v && typeof v === 'object' && typeof v.formula === 'string' && /SUM\(/i.test(v.formula) && !k.rowTotal;
    });
    const sumsSoFar = hasFigure && lines.length > 1 && columns.every((k) => (values.get(k.col) ?? 0) === (running.get(k.col) ?? 0));
    const isTotal = (!opts.figures && total !== null && !sttNumeric) || (total === 'strict' && (!sttNumeric || sumFormulas || sumsSoFar)) || (total === 'loose' && !sttNumeric && (sumFormulas || sumsSoFar)) || (!name && !sttNumeric && sumFormulas);
    if (isTotal) {
      ledger.push({ row: r, kind: 'total', reason: 'Dòng tổng cộng của bảng', name: name || stt });
      totalRow = r;
      for (const k of columns) {
        const stated = values.get(k.col) ?? null;
        const expected = running.get(k.col) ?? 0;
        if (stated !== null && stated !== expected) {
          warnings.push(`Dòng ${r} ("${name || stt}"), cột ${colName(k.col)} ("${k.label}"): bảng ghi ${stated.toLocaleString('vi-VN')} nhưng cộng các dòng đơn vị được ${expected.toLocaleString('vi-VN')}.`);
        }
      }
      const fieldTotal = (f: QuotaField) => {
        const whole = columns.find((k) => k.field === f && k.month === 0);
        if (whole) return values.get(whole.col) ?? null;
        const months = columns.filter((k) => k.field === f);
        return months.length ? months.reduce((a, k) => a + (values.get(k.col) ?? 0), 0) : null;
      };
      statedTotals.registrants = fieldTotal('registrants');
      statedTotals.bloodUnits = fieldTotal('bloodUnits');
      continue;
    }
    if (totalRow !== null && !hasFigure) {
      ledger.push({ row: r, kind: 'footer', reason: 'Dòng ghi chú/ký tên dưới bảng', name });
      continue;
    }
    if (!name) {
      if (hasFigure) {
        ledger.push({ row: r, kind: 'error', reason: `Dòng ${r} của ${where} có số liệu nhưng không có tên đơn vị ở cột ${colName(nameCol)}.` });
      } else ledger.push({ row: r, kind: 'section', reason: 'Dòng không có tên đơn vị', name: stt });
      continue;
    }
    if (name.length > 200) {
      ledger.push({ row: r, kind: 'error', reason: `Dòng ${r} của ${where}, cột ${colName(nameCol)}: tên đơn vị quá dài (trên 200 ký tự).`, name: name.slice(0, 40) });
      continue;
    }
    if (bad.length) {
      ledger.push({ row: r, kind: 'error', reason: `Dòng ${r} của ${where} ("${name}"): ô ${bad.join(', ')} không phải là số.`, name });
      continue;
    }
    // "I. Khối phường, xã", "A", "II": a heading between units, not a unit.
    if ((opts.figures && !hasFigure && !sttNumeric) || (!opts.figures && stt && !sttNumeric && /^([IVXLC]+|[A-Z])[.)]?$/i.test(stt.trim()))) {
      ledger.push({ row: r, kind: 'section', reason: 'Dòng đề mục (có tên nhưng không có số thứ tự và số liệu)', name });
      continue;
    }
    const extra: Record<string, string> = {};
    for (const [field, c] of Object.entries(extraCols)) extra[field] = labelOf(row.getCell(c));
    lines.push({ row: r, name, values, extra });
    ledger.push({ row: r, kind: 'unit', name });
    for (const k of columns) running.set(k.col, (running.get(k.col) ?? 0) + (values.get(k.col) ?? 0));
    for (const k of columns.filter((x) => x.rowTotal)) {
      const stated = values.get(k.col);
      const months = columns.filter((o) => o.field === k.field && o.month > 0);
      const sum = months.reduce((a, o) => a + (values.get(o.col) ?? 0), 0);
      if (stated !== null && stated !== undefined && months.some((o) => values.get(o.col) !== null) && stated !== sum) {
        warnings.push(`Dòng ${r} ("${name}"), cột ${colName(k.col)} ("${k.label}"): bảng ghi ${stated.toLocaleString('vi-VN')} nhưng cộng các tháng được ${sum.toLocaleString('vi-VN')}.`);
      }
    }
  }
  for (let r = last + 1; r <= ws.rowCount; r++) ledger.push({ row: r, kind: 'error', reason: `Dòng ${r} của ${where}: bảng dài quá ${opts.maxRows ?? 5000} dòng, phần sau không được đọc.` });
  return { sheet: ws.name, headerRows, nameCol, columns, lines, ledger, totalRow, warnings, statedTotals };
}

/** The quota cells of one line: months kept, empty month cells read as 0, a row-total column only checked. */
export function lineEntries(table: UnitTable, line: TableLine): { month: number; registrants: number | null; bloodUnits: number | null }[] {
  const byMonth = new Map<number, { month: number; registrants: number | null; bloodUnits: number | null }>();
  const put = (month: number, field: QuotaField, v: number) => {
    const e = byMonth.get(month) ?? { month, registrants: null, bloodUnits: null };
    e[field] = (e[field] ?? 0) + v;
    byMonth.set(month, e);
  };
  for (const field of ['registrants', 'bloodUnits'] as const) {
    const months = table.columns.filter((k) => k.field === field && k.month > 0);
    const whole = table.columns.filter((k) => k.field === field && k.month === 0);
    const anyMonth = months.some((k) => line.values.get(k.col) !== null);
    if (anyMonth) for (const k of months) put(k.month, field, line.values.get(k.col) ?? 0);
    else for (const k of whole) if (line.values.get(k.col) !== null) put(0, field, line.values.get(k.col)!);
  }
  return [...byMonth.values()].sort((a, b) => a.month - b.month);
}

/** Counts per ledger kind, for the CLI and the screen. */
export function ledgerCounts(ledger: readonly LedgerRow[]): Record<LedgerKind, number> {
  const out: Record<LedgerKind, number> = { unit: 0, title: 0, header: 0, blank: 0, section: 0, total: 0, footer: 0, error: 0 };
  for (const l of ledger) out[l.kind]++;
  return out;
}
