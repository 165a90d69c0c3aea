/**
 * The lean reader for .xlsx lists: scans the inflated parts of the guarded archive in one linear
 * pass each (xml-scan.ts), without building exceljs's workbook model. It reads values, dates (by
 * number format) and fonts (for legacy encodings). Row, column, cell and merge limits are checked as
 * the rows stream, so a hostile sheet is refused at its first bad row. Returns null only when the
 * workbook has no readable structure (no workbook.xml): exceljs then gets its chance.
 */
import * as XLSX from '@e965/xlsx';
import { decodeLegacyText, encodingFromFont } from '../../../shared/domain/import/legacy-encoding';
import type { GridCell, GridRow, SheetGrid } from '../../../shared/domain/import/types';
import type { XlsxArchive } from './zip-guard';
import { checkCellSize, checkColLimit, checkRowLimit, cleanGridCell } from './cell-checks';
import { RangeGuard, tooManyCells, workbookInfo } from './xlsx-parts';
import { CLOSE, EOF, OPEN, XmlScanner } from './xml-scan';
import { IMPORT_LIMITS } from './limits';

const DAY = 86_400_000;
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

interface Run { text: string; font: string | null }
type Shared = string | Run[];

/** Shared strings: plain text, or runs with their fonts; phonetic runs (rPh) left out. */
function sharedStrings(fileName: string, xml: Buffer | undefined): Shared[] {
  if (!xml) return [];
  const out: Shared[] = [];
  const s = new XmlScanner(xml, fileName);
  let inSi = false;
  let inRun = false;
  let inPh = false;
  let plain = '';
  let runs: Run[] = [];
  let run: Run | null = null;
  while (s.next() !== EOF) {
    const open = s.kind === OPEN;
    switch (s.name) {
      case 'si':
        if (open && !s.selfClosing) { inSi = true; plain = ''; runs = []; }
        else if (open) out.push('');
        else if (inSi) { inSi = false; out.push(runs.length ? (plain ? [{ text: plain, font: null }, ...runs] : runs) : plain); }
        break;
      case 'rPh': inPh = open && !s.selfClosing; break;
      case 'r':
        if (!inSi || inPh) break;
        if (open && !s.selfClosing) { inRun = true; run = { text: '', font: null }; }
        else if (!open && inRun) { inRun = false; if (run) runs.push(run); run = null; }
        break;
      case 'rFont': if (open && run) run.font = s.attr('val'); break;
      case 't':
        if (open && inSi && !inPh) {
          const t = s.text();
          if (run) run.text += t; else plain += t;
        }
        break;
      default:
    }
  }
  return out;
}

/** A cell format: a date format or not, its font, and the legacy encoding that font implies (the only way the font changes a text). */
interface Style { date: boolean; font: string | null; enc: string }

function styles(fileName: string, xml: Buffer | undefined): Style[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const fonts: (string | null)[] = [];
  const xfs: { fmt: number; fontId: number }[] = [];
  const s = new XmlScanner(xml, fileName);
  let inFonts = false;
  let inFont = false;
  let inXfs = false;
  while (s.next() !== EOF) {
    const open = s.kind === OPEN;
    switch (s.name) {
      case 'numFmt':
        if (open) {
          const id = Number(s.attr('numFmtId'));
          const code = s.attr('formatCode');
          if (Number.isInteger(id) && code !== null) custom.set(id, code);
        }
        break;
      case 'fonts': inFonts = open && !s.selfClosing; break;
      case 'font':
        if (!inFonts) break;
        if (open) { fonts.push(null); inFont = !s.selfClosing; } else inFont = false;
        break;
      case 'name': if (open && inFont) fonts[fonts.length - 1] = s.attr('val'); break;
      case 'cellXfs': inXfs = open && !s.selfClosing; break;
      case 'xf': if (open && inXfs) xfs.push({ fmt: Number(s.attr('numFmtId') ?? 0), fontId: Number(s.attr('fontId') ?? 0) }); break;
      default:
    }
  }
  const isDate = new Map<number, boolean>();
  return xfs.map(({ fmt, fontId }) => {
    let date = isDate.get(fmt);
    if (date === undefined) {
      const code = custom.get(fmt);
      let d = false;
      try { d = code !== undefined ? XLSX.SSF.is_date(code) : BUILTIN_DATE_FORMATS.has(fmt); } catch { d = false; }
      isDate.set(fmt, d);
      date = d;
    }
    const font = fonts[fontId] ?? null;
    return { date, font, enc: encodingFromFont(font) ?? '' };
  });
}

function serialIso(serial: number, date1904: boolean): string | null {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const t = epoch + Math.round(serial * DAY);
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return null;
  return new Date(Math.round(t / DAY) * DAY).toISOString().slice(0, 10);
}

export async function readXlsxFast(fileName: string, _buf: Buffer, archive: XlsxArchive, onSheet?: (i: number, n: number, row?: number) => Promise<void>): Promise<SheetGrid[] | null> {
  const info = workbookInfo(archive);
  if (!info || info.sheets.length === 0) return null;
  const shared = sharedStrings(fileName, archive.parts.get('xl/sharedStrings.xml'));
  const xfs = styles(fileName, archive.parts.get('xl/styles.xml'));
  const grids: SheetGrid[] = [];
  let cells = 0;
  const decodedShared = new Map<string, (GridCell | undefined)[]>();
  for (const meta of info.sheets) {
    const xml = archive.parts.get(`xl/${meta.target}`);
    if (!xml) return null;
    const sheet = meta.name;
    const guard = new RangeGuard(fileName, sheet);
    /**
     * A shared string's cell, decoded and cleaned once per legacy encoding its font implies (the same
     * text in the same encoding always gives the same cell), checked against the cell size limit when
     * first met. The cell is frozen and shared by every place the string is used: no reader or rule
     * changes a cell.
     */
    const sharedCell = (index: number, font: string | null, enc: string, atRow: number, atCol: number): GridCell | undefined => {
      let cache = decodedShared.get(enc); // at most one per legacy encoding, however many fonts the file declares
      if (!cache) { cache = new Array<GridCell | undefined>(shared.length); decodedShared.set(enc, cache); }
      let cell = cache[index];
      if (cell === undefined) {
        const sh = shared[index];
        if (sh === undefined) return undefined;
        const raw: GridCell = { v: typeof sh === 'string' ? decodeLegacyText(sh, font) : sh.map((r) => decodeLegacyText(r.text, r.font ?? font)).join('') };
        checkCellSize(fileName, sheet, atRow, atCol, raw);
        cell = Object.freeze(cleanGridCell(raw));
        cache[index] = cell;
      }
      return cell;
    };
    const rows: (GridRow | undefined)[] = [];
    const s = new XmlScanner(xml, fileName);
    let row = 0;
    let lastProgress = 0;
    // The cell being read.
    let inCell = false;
    let col = 0;
    let type = 'n';
    let style: Style | undefined;
    let value: string | null = null;
    /** The <v> of a number or shared-string cell read straight from the bytes (-1: none, or see `value`). */
    let valueInt = -1;
    /** Where the digits of `valueInt` are, should a second <v> need them as text. */
    let valueAt = 0;
    let valueEnd = 0;
    let inline = '';
    let hasInline = false;
    let hasFormula = false;
    let inIs = false;
    let inPh = false;
    const finish = () => {
      inCell = false;
      const font = style?.font ?? null;
      let cell: GridCell | undefined;
      if (valueInt >= 0) {
        if (type === 's') {
          const sc = sharedCell(valueInt, font, style?.enc ?? '', row, col);
          if (sc === undefined) return;
          if (++cells > IMPORT_LIMITS.maxCells) throw tooManyCells(fileName);
          (rows[row - 1] ??= [])[col - 1] = sc;
          return;
        }
        if (style?.date) { const iso = serialIso(valueInt, info.date1904); cell = iso ? { v: iso, date: iso } : { v: valueInt }; }
        else cell = { v: valueInt };
      } else if (type === 'inlineStr') cell = hasInline || value === null ? { v: decodeLegacyText(inline, font) } : { v: decodeLegacyText(value, font) };
      else if (value === null) cell = hasFormula ? { v: null, formulaNoValue: true } : undefined;
      else if (type === 's') {
        const sc = sharedCell(Number(value), font, style?.enc ?? '', row, col);
        if (sc === undefined) return;
        if (++cells > IMPORT_LIMITS.maxCells) throw tooManyCells(fileName);
        (rows[row - 1] ??= [])[col - 1] = sc;
        return;
      } else if (type === 'str') cell = { v: decodeLegacyText(value, font) };
      else if (type === 'b') cell = { v: value.trim() === '1' };
      else if (type === 'e') cell = undefined;
      else if (type === 'd') { const iso = value.slice(0, 10); cell = { v: iso, date: iso }; }
      else {
        const n = value.trim() === '' ? NaN : Number(value);
        if (!Number.isFinite(n)) cell = { v: value };
        else if (style?.date) { const iso = serialIso(n, info.date1904); cell = iso ? { v: iso, date: iso } : { v: n }; }
        else cell = { v: n };
      }
      if (!cell) return;
      checkCellSize(fileName, sheet, row, col, cell);
      if (++cells > IMPORT_LIMITS.maxCells) throw tooManyCells(fileName);
      const r = (rows[row - 1] ??= []);
      r[col - 1] = cleanGridCell(cell);
    };
    while (s.next() !== EOF) {
      const open = s.kind === OPEN;
      const name = s.name;
      if (name === 'c') {
        if (inCell) finish(); // a cell left open: the next one closes it
        if (!open || s.selfClosing) { inCell = false; continue; }
        const hasRef = s.attrRef('r');
        if (hasRef && s.refRow && s.refRow !== row) { row = s.refRow; checkRowLimit(fileName, sheet, row); }
        if (row === 0) { row = 1; }
        col = (hasRef && s.refCol) || col + 1;
        checkColLimit(fileName, sheet, col, row);
        type = s.attr('t') ?? 'n';
        style = xfs[s.attrInt('s') ?? 0];
        value = null; valueInt = -1; inline = ''; hasInline = false; hasFormula = false; inIs = false; inPh = false;
        inCell = true;
        continue;
      }
      if (name === 'row') {
        if (inCell) finish();
        if (!open) continue;
        const r = s.attrInt('r');
        row = r !== null && r > 0 ? r : row + 1;
        checkRowLimit(fileName, sheet, row);
        col = 0;
        if (onSheet && row - lastProgress >= 5000) { lastProgress = row; await onSheet(grids.length, info.sheets.length, row); }
        continue;
      }
      if (inCell) {
        if (name === 'v' && open) {
          if (value === null && valueInt < 0 && (type === 'n' || type === 's')) {
            valueAt = s.pos;
            valueInt = s.textInt();
            if (valueInt >= 0) {
              valueEnd = s.pos;
              if (s.skipValueCellEnd()) finish(); // the usual "<v>12</v></c>": the cell ends here
              continue;
            }
          } else if (valueInt >= 0) { value = xml.toString('latin1', valueAt, valueEnd); valueInt = -1; } // a second <v>: joined as text
          value = (value ?? '') + s.text();
        }
        else if (name === 'f' && open) hasFormula = true;
        else if (name === 'is') inIs = open && !s.selfClosing;
        else if (name === 'rPh') inPh = open && !s.selfClosing;
        else if (name === 't' && open && inIs && !inPh) { inline += s.text(); hasInline = true; }
        continue;
      }
      if (name === 'mergeCell' && open) guard.merge(s.attr('ref') ?? '');
      else if (name === 'col' && open) guard.columns(Number(s.attr('min')), Number(s.attr('max')));
      else if (name === 'sheetData' && s.kind === CLOSE) row = 0;
    }
    if (inCell) finish();
    grids.push({ name: meta.name, hidden: meta.hidden, rows, date1904: info.date1904 });
    if (onSheet) await onSheet(grids.length, info.sheets.length);
  }
  return grids;
}
