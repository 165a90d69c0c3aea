/** Finds the header row(s) of a list and maps its columns to fields, from wording and from values. */
import { datePartWord, fieldFromHeader, foldHeader, subHeaderGender } from './header-synonyms';
import { asRunningNumber, isNumberingRow, nonEmptyCols, rowTexts } from './cells';
import type { ColumnMapping, FieldKey, SheetGrid } from './types';

export interface DetectedHeader {
  /** 1-based Excel rows of the header (one or two), plus a numbering row when present. */
  headerRows: number[];
  /** Combined header text per column (e.g. "Ngày sinh / Nam"). */
  headers: string[];
  mapping: ColumnMapping;
  /** First 1-based row after the header. */
  dataStart: number;
}

const SCAN_ROWS = 60;

function rowFields(texts: string[]): Set<FieldKey> {
  const fields = new Set<FieldKey>();
  for (const t of texts) {
    if (!t || t.length > 80) continue;
    const f = fieldFromHeader(t);
    if (f) fields.add(f);
    else if (subHeaderGender(t)) fields.add('gender_m');
  }
  return fields;
}

function scoreOf(fields: Set<FieldKey>): { score: number; hasName: boolean; stt?: boolean } {
  const hasName = fields.has('full_name') || fields.has('name_first') || fields.has('name_last');
  return { score: fields.size - (fields.has('stt') ? 1 : 0), hasName, stt: fields.has('stt') };
}

/** Score of a row as a header, together with the row under it when that continues it. */
function scoreRow(sheet: SheetGrid, r: number): { score: number; hasName: boolean; stt?: boolean } {
  const top = rowTexts(sheet.rows[r]);
  if (looksLikeDataRow(sheet.rows[r], top)) return { score: 0, hasName: false };
  const fields = rowFields(top);
  const own = scoreOf(fields);
  if (!own.hasName && own.score < 2) return own; // a title or blank row above the header is not its top
  const sub = rowTexts(sheet.rows[r + 1]);
  if (isSubHeaderRow(top, sub)) for (const f of rowFields(sub)) fields.add(f);
  return scoreOf(fields);
}

/**
 * A person's row is no header: it starts with a running number ("1", "2."), or holds a date, an ID or a
 * phone (a cell of seven digits or more). Person names such as "Hồ Tên" would otherwise read as headers.
 */
function looksLikeDataRow(row: SheetGrid['rows'][number], texts: string[]): boolean {
  const cols = nonEmptyCols(texts);
  if (cols.length === 0) return false;
  if (cols.length >= 2 && asRunningNumber(texts[cols[0]]) !== null && !isNumberingRow(texts)) return true;
  for (const c of cols) {
    const cell = row?.[c];
    if (cell?.date) return true;
    if (typeof cell?.v === 'number' && cell.v >= 1_000_000) return true;
    const t = texts[c];
    if (/\d{7,}/.test(t.replace(/[\s.]/g, '')) && !/\p{L}{3,}/u.test(t)) return true;
    if (/^\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}$/.test(t)) return true;
  }
  return false;
}

/** A row under the header that continues it: merged copies, Nam/Nữ, or other header words only. */
function isSubHeaderRow(top: string[], sub: string[]): boolean {
  const cols = nonEmptyCols(sub);
  if (cols.length === 0) return false;
  // A full header of its own (a header printed again under a person's row) continues nothing.
  const own = rowFields(sub);
  if ((own.has('full_name') || own.has('name_first')) && own.size >= 3 && cols.every((c) => sub[c] !== top[c])) return false;
  // One header-like word alone ("Thôn Nà Pàn" in the name column) is a section heading, not a sub-header.
  const differing = cols.filter((c) => sub[c] !== top[c]);
  if (differing.length === 1 && !subHeaderGender(sub[differing[0]]) && !datePartWord(sub[differing[0]]) && cols.length === 1) return false;
  let genderWords = 0;
  for (const c of cols) {
    const t = sub[c];
    if (t === top[c]) continue;
    if (subHeaderGender(t) || datePartWord(t)) { genderWords++; continue; }
    if (t.length <= 60 && fieldFromHeader(t)) continue;
    return false;
  }
  return genderWords > 0 || cols.some((c) => sub[c] !== top[c]);
}

export function detectHeader(sheet: SheetGrid): DetectedHeader | null {
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const { score, hasName, stt } = scoreRow(sheet, r);
    // "STT | Họ và tên | …" is a header even when the other columns are named in words of their own:
    // their values decide them.
    const sttAndName = stt && score >= 1 && nonEmptyCols(rowTexts(sheet.rows[r])).length >= 3;
    if (hasName && (score >= 2 || sttAndName) && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  // The earliest row that scores nearly as well is the top of a two-row header.
  for (let r = Math.max(0, best - 2); r < best; r++) {
    const { score, hasName } = scoreRow(sheet, r);
    if (hasName && score >= bestScore - 1 && score >= 2) { best = r; break; }
  }
  const top = rowTexts(sheet.rows[best]);
  const headerRows = [best + 1];
  let next = best + 1;
  let sub: string[] | null = null;
  const cand = rowTexts(sheet.rows[next]);
  if (isSubHeaderRow(top, cand)) {
    sub = cand;
    headerRows.push(next + 1);
    next++;
  }
  if (isNumberingRow(rowTexts(sheet.rows[next]))) {
    headerRows.push(next + 1);
    next++;
  }
  const width = Math.max(top.length, sub?.length ?? 0);
  const headers: string[] = [];
  const mapping: ColumnMapping = {};
  let lastTop = '';
  for (let c = 0; c < width; c++) {
    let t = top[c] ?? '';
    const s = sub?.[c] ?? '';
    if (!t && s && (subHeaderGender(s) || datePartWord(s))) t = lastTop; // merged top cell read without its copies
    if (t) lastTop = t;
    headers[c] = s && s !== t ? (t ? `${t} / ${s}` : s) : t;
    const g = s ? subHeaderGender(s) : null;
    const topField = t ? fieldFromHeader(t) : null;
    let field: FieldKey | null;
    if (g && topField === 'birth') field = g === 'M' ? 'birth_m' : 'birth_f';
    else if (g) field = g === 'M' ? 'gender_m' : 'gender_f';
    else if (!s && subHeaderGender(t)) field = subHeaderGender(t) === 'M' ? 'gender_m' : 'gender_f';
    else field = (s && s !== t ? fieldFromHeader(s) : null) ?? topField;
    if (field) mapping[c] = field;
  }
  fixNameParts(mapping);
  fixDateParts(top, sub, mapping);
  return { headerRows, headers, mapping, dataStart: next + 1 };
}

/**
 * A birth date over Ngày / Tháng / Năm columns: sub-headers under a merged "Ngày tháng năm sinh", or
 * adjacent top headers "Ngày sinh" / "Tháng sinh" / "Năm sinh". Needs at least two parts side by side.
 */
function fixDateParts(top: string[], sub: string[] | null, mapping: ColumnMapping): void {
  const width = Math.max(top.length, sub?.length ?? 0);
  const parts: ('d' | 'm' | 'y' | 'n' | null)[] = [];
  for (let c = 0; c < width; c++) {
    const s = sub?.[c] ?? '';
    const own = s && s !== top[c] ? s : top[c] ?? '';
    const p = datePartWord(own);
    parts[c] = p ?? (foldHeader(own) === 'nam' && s && s !== top[c] ? 'n' : null);
  }
  for (let c = 0; c < width; c++) {
    if (!parts[c]) continue;
    let e = c;
    while (e + 1 < width && parts[e + 1]) e++;
    const run = parts.slice(c, e + 1);
    const kinds = new Set(run.map((p) => (p === 'n' ? 'y' : p)));
    const real = run.filter((p) => p !== 'n').length;
    if (run.length >= 2 && run.length <= 3 && kinds.size === run.length && real >= 1 && (kinds.has('y') || kinds.has('m'))) {
      for (let k = c; k <= e; k++) mapping[k] = parts[k] === 'd' ? 'birth_d' : parts[k] === 'm' ? 'birth_mo' : 'birth_y';
    }
    c = e;
  }
}

/** "Tên" without "Họ đệm" (or the reverse) is the full name. */
function fixNameParts(mapping: ColumnMapping): void {
  const fields = Object.values(mapping);
  const hasFirst = fields.includes('name_first');
  const hasLast = fields.includes('name_last');
  const hasFull = fields.includes('full_name');
  for (const [c, f] of Object.entries(mapping)) {
    if ((f === 'name_first' && !hasLast) || (f === 'name_last' && !hasFirst)) mapping[Number(c)] = hasFull ? 'ignore' : 'full_name';
  }
}

/** A stable signature of a header, to remember the clerk's mapping for the next file like it. */
export function headerSignature(headers: string[]): string {
  return headers.map((h) => foldHeader(h ?? '')).join('|');
}
