/**
 * Working out a sheet's column mapping beyond its header: fields decided from values, a merged
 * name column split, a date over Ngày/Tháng/Năm checked, repeated blocks of columns (two people per
 * printed row) and a sheet with no header at all.
 */
import { asRunningNumber, cellText, isFooterText, isSectionNumber, looksLikePersonName, nonEmptyCols, rowTexts } from './cells';
import { normalizeBirthDate } from './dates';
import type { DetectedHeader } from './detect-header';
import { fieldFromHeader } from './header-synonyms';
import { normalizeNationalId, normalizePhone } from './ids-phones';
import { isMark, normalizeGender } from './values';
import { inferByValues } from './infer-by-values';
import { isTotalLabel } from './total-row';
import type { ColumnMapping, FieldKey, SheetGrid } from './types';

export function colsOf(mapping: ColumnMapping, fields: FieldKey[]): number[] {
  return Object.entries(mapping).filter(([, f]) => fields.includes(f as FieldKey)).map(([c]) => Number(c)).sort((a, b) => a - b);
}

const ONE_WORD = /^[\p{L}]+$/u;

/** "Họ và tên" merged over two columns: surname-and-middle on the left, given name alone on the right. */
export function splitMergedName(sheet: SheetGrid, mapping: ColumnMapping, headers: string[], start: number): void {
  const c = Number(Object.entries(mapping).find(([, f]) => f === 'full_name')?.[0] ?? -1);
  if (c < 0) return;
  const right = mapping[c + 1];
  if (!(right === 'full_name' || (right === undefined && !headers[c + 1]))) return;
  let single = 0, total = 0;
  for (let r = start - 1; r < Math.min(sheet.rows.length, start + 100); r++) {
    const t = cellText(sheet.rows[r]?.[c + 1]);
    if (!t) continue;
    total++;
    if (ONE_WORD.test(t) && !normalizeGender(t) && !isMark(t)) single++;
  }
  if (total > 0 && single >= total * 0.8) {
    mapping[c] = 'name_first';
    mapping[c + 1] = 'name_last';
  }
}

/** Nam/Nữ columns holding dates are birth-date columns; a column of only x marks is a gender column. */
export function refineByValues(sheet: SheetGrid, mapping: ColumnMapping, start: number, refYear: number): void {
  for (const [key, f] of Object.entries(mapping)) {
    if (f !== 'gender_m' && f !== 'gender_f') continue;
    const c = Number(key);
    let dates = 0, marks = 0;
    for (let r = start - 1; r < Math.min(sheet.rows.length, start + 300); r++) {
      const cell = sheet.rows[r]?.[c];
      if (!cell || cellText(cell) === '') continue;
      if (isMark(cell.v)) marks++;
      else if (normalizeBirthDate(cell.v, { date: cell.date, refYear }).value) dates++;
    }
    if (dates > marks) mapping[c] = f === 'gender_m' ? 'birth_m' : 'birth_f';
  }
}

/**
 * Ngày / Tháng columns must hold small numbers; when they hold whole dates instead ("Ngày sinh" beside
 * "Năm sinh" meaning something else), the columns are plain birth-date columns after all.
 */
export function checkDateParts(sheet: SheetGrid, mapping: ColumnMapping, start: number): void {
  const parts = Object.entries(mapping).filter(([, f]) => f === 'birth_d' || f === 'birth_mo').map(([c]) => Number(c));
  if (!parts.length) return;
  let whole = 0, ok = 0;
  for (let r = start - 1; r < Math.min(sheet.rows.length, start + 59); r++) {
    for (const c of parts) {
      const cell = sheet.rows[r]?.[c];
      const t = cellText(cell);
      if (!t) continue;
      if (cell?.date || /\d{1,2}\s*[\/.\-]\s*\d{1,2}\s*[\/.\-]\s*\d{2,4}/.test(t)) whole++;
      else if (/^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 31) ok++;
    }
  }
  if (whole > ok) {
    for (const [c, f] of Object.entries(mapping)) if (f === 'birth_d' || f === 'birth_mo' || f === 'birth_y') mapping[Number(c)] = 'birth';
  }
}

const isName = (f: string) => f === 'full_name' || f === 'name_first';

/** `cols` cut into the most blocks (2 or more) whose field sequences are the same and name a person, or null. */
function repeatedBlocks(cols: readonly (readonly [number, string])[], most: number): number[][] | null {
  for (let k = most; k >= 2; k--) {
    if (cols.length % k !== 0) continue;
    const size = cols.length / k;
    const block = (b: number) => cols.slice(b * size, (b + 1) * size);
    const seq = block(0).map(([, f]) => f).join(',');
    let same = true;
    for (let b = 1; b < k && same; b++) same = block(b).map(([, f]) => f).join(',') === seq;
    if (same && block(0).some(([, f]) => isName(f))) return Array.from({ length: k }, (_, b) => block(b).map(([c]) => c));
  }
  return null;
}

/**
 * Repeated column blocks side by side (a paper form with a left and a right half): the sequence of
 * fields from the first mapped column repeats. Returns the columns of each block, or one block.
 */
export function columnBlocks(mapping: ColumnMapping): number[][] {
  const mapped = Object.entries(mapping).filter(([, f]) => f && f !== 'ignore').map(([c, f]) => [Number(c), f as string] as const).sort((a, b) => a[0] - b[0]);
  const all = [mapped.map(([c]) => c)];
  if (mapped.length < 4) return all;
  const names = mapped.filter(([, f]) => isName(f)).length;
  if (names < 2) return all;
  const whole = repeatedBlocks(mapped, names);
  if (whole) return whole;
  // The same without the running numbers (one block numbered, the other not): STT joins the block it precedes.
  const out = repeatedBlocks(mapped.filter(([, f]) => f !== 'stt'), names);
  if (!out) return all;
  for (const [c, f] of mapped) {
    if (f !== 'stt') continue;
    const b = out.findIndex((cols) => cols[0] > c);
    (b < 0 ? out[out.length - 1] : out[b]).push(c);
  }
  return out.map((cols) => cols.sort((x, y) => x - y));
}

export function subMapping(mapping: ColumnMapping, cols: number[]): ColumnMapping {
  const out: ColumnMapping = {};
  for (const c of cols) out[c] = mapping[c];
  return out;
}

/** A column of running numbers 1, 2, 3…: the STT of a list without a header. */
function looksLikeSttColumn(sheet: SheetGrid, c: number, start: number, headerText?: string): boolean {
  let prev = 0, ok = 0, n = 0;
  for (let r = start - 1; r < Math.min(sheet.rows.length, start + 59); r++) {
    const t = cellText(sheet.rows[r]?.[c]);
    if (!t || isSectionNumber(t) || t === headerText) continue;
    if (isFooterText(t) || isTotalLabel(t)) break; // the list ends at its total or footer
    n++;
    const v = asRunningNumber(t);
    if (v !== null && v > prev && v - prev <= 3) { ok++; prev = v; }
  }
  return n >= 2 && ok >= n * 0.8;
}

/**
 * A sheet whose header names nothing we know ("HT | NS | GT…" in words of its own, or no header):
 * the table starts at the first row with three cells; when that row holds no person it is the header.
 * Columns are guessed from values (names, dates, 12-digit IDs, phones), or taken from `given`.
 */
export function headerlessHeader(sheet: SheetGrid, refYear: number, given?: ColumnMapping): DetectedHeader | null {
  let top = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, 60); r++) {
    if (nonEmptyCols(rowTexts(sheet.rows[r])).length >= 3) { top = r; break; }
  }
  if (top < 0) return null;
  let width = 0;
  for (let r = top; r < Math.min(sheet.rows.length, top + 200); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  const first = rowTexts(sheet.rows[top]);
  const probe: ColumnMapping = {};
  inferByValues(sheet, probe, top + 2, width, [top + 1]);
  const hasIdentityCols = Object.values(probe).some((f) => f === 'birth' || f === 'national_id' || f === 'phone');
  const firstIsPerson = Object.entries(probe).some(([c, f]) => {
    const cell = sheet.rows[top]?.[Number(c)];
    if (!cell) return false;
    if (f === 'full_name') return !hasIdentityCols && looksLikePersonName(cellText(cell)) && !fieldFromHeader(cellText(cell));
    if (f === 'birth') return !!normalizeBirthDate(cell.v, { date: cell.date, refYear }).value;
    if (f === 'national_id') return !!normalizeNationalId(cell.v).value && /\d/.test(cellText(cell));
    if (f === 'phone') return !!normalizePhone(cell.v).value;
    return false;
  });
  const hasHeader = !firstIsPerson;
  const dataStart = hasHeader ? top + 2 : top + 1;
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers[c] = hasHeader ? first[c] ?? '' : '';
  let mapping: ColumnMapping;
  if (given) mapping = { ...given };
  else {
    mapping = {};
    for (let c = 0; c < width; c++) {
      if (looksLikeSttColumn(sheet, c, dataStart, hasHeader ? first[c] : undefined)) { mapping[c] = 'stt'; break; }
    }
    inferByValues(sheet, mapping, dataStart, width, hasHeader ? [top + 1] : []);
  }
  return { headerRows: hasHeader ? [top + 1] : [], headers, mapping, dataStart };
}
