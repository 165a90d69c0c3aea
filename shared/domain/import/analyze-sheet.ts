/** One sheet: header, mapping refined by values, and every row classified (person, blank, section, footer…). */
import { asRunningNumber, cellText, isFooterText, isSectionNumber, looksLikeGroupName, looksLikePersonName, nonEmptyCols, rowTexts } from './cells';
import { normalizeBirthDate } from './dates';
import { detectHeader, headerSignature } from './detect-header';
import { fieldFromHeader } from './header-synonyms';
import { extractRow, planColumns, type ExtractedRow } from './extract-row';
import { isMark, normalizeGender } from './values';
import { inferByValues } from './infer-by-values';
import type { ColumnMapping, FieldKey, SheetGrid } from './types';

export type RowKind = 'person' | 'blank' | 'stt_only' | 'section' | 'repeated_header' | 'footer';

export interface AnalyzedRow extends ExtractedRow {
  /** 1-based Excel row (CSV: line). */
  row: number;
  section: string | null;
}

export interface SheetAnalysis {
  sheet: string;
  hidden: boolean;
  /** Why the sheet holds no people, when it does not. */
  skipped: null | 'hidden' | 'empty' | 'no_header' | 'no_rows';
  titleRows: string[];
  headerRows: number[];
  headers: string[];
  signature: string;
  mapping: ColumnMapping;
  people: AnalyzedRow[];
  ignored: { row: number; kind: RowKind; text: string }[];
  footerStart: number | null;
}

export interface AnalyzeOptions {
  refYear: number;
  /** A mapping chosen by the clerk or remembered for this header. */
  mapping?: ColumnMapping;
}

function colsOf(mapping: ColumnMapping, fields: FieldKey[]): number[] {
  return Object.entries(mapping).filter(([, f]) => fields.includes(f as FieldKey)).map(([c]) => Number(c));
}

/** "Họ và tên" merged over two columns: surname-and-middle on the left, given name alone on the right. */
function splitMergedName(sheet: SheetGrid, mapping: ColumnMapping, headers: string[], start: number): void {
  const c = Number(Object.entries(mapping).find(([, f]) => f === 'full_name')?.[0] ?? -1);
  if (c < 0) return;
  const right = mapping[c + 1];
  if (!(right === 'full_name' || (right === undefined && !headers[c + 1]))) return;
  let single = 0, total = 0;
  for (let r = start - 1; r < Math.min(sheet.rows.length, start + 100); r++) {
    const t = cellText(sheet.rows[r]?.[c + 1]);
    if (!t) continue;
    total++;
    if (/^[\p{L}]+$/u.test(t) && !normalizeGender(t) && !isMark(t)) single++;
  }
  if (total > 0 && single >= total * 0.8) {
    mapping[c] = 'name_first';
    mapping[c + 1] = 'name_last';
  }
}

/** Nam/Nữ columns holding dates are birth-date columns; a column of only x marks is a gender column. */
function refineByValues(sheet: SheetGrid, mapping: ColumnMapping, start: number, refYear: number): void {
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

export function analyzeSheet(sheet: SheetGrid, opts: AnalyzeOptions): SheetAnalysis {
  const base: SheetAnalysis = {
    sheet: sheet.name, hidden: sheet.hidden, skipped: null, titleRows: [], headerRows: [], headers: [], signature: '',
    mapping: {}, people: [], ignored: [], footerStart: null,
  };
  if (sheet.hidden) return { ...base, skipped: 'hidden' };
  if (!sheet.rows.some((r) => r && r.some((c) => cellText(c) !== ''))) return { ...base, skipped: 'empty' };
  const header = detectHeader(sheet);
  if (!header) return { ...base, skipped: 'no_header' };
  const mapping: ColumnMapping = { ...header.mapping };
  refineByValues(sheet, mapping, header.dataStart, opts.refYear);
  splitMergedName(sheet, mapping, header.headers, header.dataStart);
  let width = header.headers.length;
  for (let r = header.dataStart - 1; r < Math.min(sheet.rows.length, header.dataStart + 60); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  inferByValues(sheet, mapping, header.dataStart, width);
  const finalMapping = opts.mapping ? { ...opts.mapping } : mapping;
  const titleRows: string[] = [];
  for (let r = 0; r < header.headerRows[0] - 1; r++) {
    const texts = rowTexts(sheet.rows[r]).filter(Boolean);
    if (texts.length) titleRows.push([...new Set(texts)].join(' — '));
  }
  const nameCols = colsOf(finalMapping, ['full_name', 'name_first', 'name_last']);
  const sttCols = colsOf(finalMapping, ['stt']);
  const otherIdentity = colsOf(finalMapping, ['birth', 'birth_m', 'birth_f', 'national_id', 'phone']);
  const headerFields = new Map<number, FieldKey>();
  for (const [c, f] of Object.entries(header.mapping)) headerFields.set(Number(c), f as FieldKey);

  const plan = planColumns(finalMapping);
  const people: AnalyzedRow[] = [];
  const ignored: SheetAnalysis['ignored'] = [];
  let section: string | null = null;
  let footerStart: number | null = null;
  let blankSince = false;
  let withStt = 0;
  for (let r = header.dataStart - 1; r < sheet.rows.length; r++) {
    const rowNo = r + 1;
    const row = sheet.rows[r] ?? [];
    const texts = rowTexts(row);
    const cols = nonEmptyCols(texts);
    if (footerStart !== null) {
      if (cols.length) ignored.push({ row: rowNo, kind: 'footer', text: [...new Set(cols.map((c) => texts[c]))].join(' ') });
      continue;
    }
    if (cols.length === 0) {
      blankSince = people.length > 0;
      continue;
    }
    const distinct = [...new Set(cols.map((c) => texts[c]))];
    const firstText = texts[cols[0]];
    const hasIdentity = otherIdentity.some((c) => texts[c]);
    if (isFooterText(firstText) || (!hasIdentity && people.length > 0 && distinct.some((t) => isFooterText(t)))) {
      footerStart = rowNo;
      ignored.push({ row: rowNo, kind: 'footer', text: distinct.join(' ') });
      continue;
    }
    const nameIsHeader = nameCols.some((c) => texts[c] && ['full_name', 'name_first', 'name_last'].includes(fieldFromHeader(texts[c]) ?? ''));
    const headerLike = nameIsHeader ? cols.filter((c) => headerFields.has(c) && fieldFromHeader(texts[c]) === headerFields.get(c)).length : 0;
    if (headerLike >= 2 && nameIsHeader) {
      ignored.push({ row: rowNo, kind: 'repeated_header', text: distinct.join(' ') });
      continue;
    }
    const nameText = nameCols.map((c) => texts[c]).filter(Boolean).join(' ');
    const sttText = sttCols.map((c) => texts[c]).find(Boolean) ?? '';
    const sttNumber = sttText ? asRunningNumber(sttText) : null;
    // Only a running number (not a heading written in the STT column of a merged row).
    const onlyStt = cols.every((c) => sttCols.includes(c)) && !/\p{L}{2,}/u.test(sttText);
    if (onlyStt) {
      ignored.push({ row: rowNo, kind: 'stt_only', text: sttText });
      continue;
    }
    // A single text (or one merged cell copied across) with no person data: a group heading.
    const replicated = distinct.length === 1 && cols.length >= 3; // one merged cell across the row
    const numberedGroup = !hasIdentity && distinct.length === 2 && sttNumber !== null && cols.every((c) => nameCols.includes(c) || sttCols.includes(c))
      && looksLikeGroupName(nameText) && !looksLikePersonName(nameText); // "1 | Chi đoàn Công ty X"
    if (replicated || numberedGroup || (!hasIdentity && (distinct.length === 1 || (sttText && isSectionNumber(sttText) && distinct.length <= 2)))) {
      const label = distinct.length === 1 ? distinct[0] : distinct.filter((t) => t !== sttText).join(' ');
      const inNameOnly = cols.every((c) => nameCols.includes(c) || sttCols.includes(c));
      const personish = inNameOnly && (sttNumber !== null || sttCols.length === 0) && looksLikePersonName(label);
      if (!personish && (looksLikeGroupName(label) || !inNameOnly || cols.length > 1 || sttNumber === null)) {
        if (nameText && people.length > 0 && blankSince && !looksLikeGroupName(label) && withStt >= people.length * 0.8) {
          footerStart = rowNo; // a signer's name under the list
          ignored.push({ row: rowNo, kind: 'footer', text: label });
          continue;
        }
        section = label;
        ignored.push({ row: rowNo, kind: 'section', text: label });
        continue;
      }
    }
    if (!nameText && !hasIdentity) {
      ignored.push({ row: rowNo, kind: 'stt_only', text: distinct.join(' ') });
      continue;
    }
    if (!sttText && people.length > 0 && blankSince && withStt >= people.length * 0.8 && !hasIdentity) {
      footerStart = rowNo;
      ignored.push({ row: rowNo, kind: 'footer', text: distinct.join(' ') });
      continue;
    }
    blankSince = false;
    if (sttNumber !== null) withStt++;
    const ex = extractRow(row, plan, { date1904: sheet.date1904, refYear: opts.refYear }, texts);
    if (section && !ex.values.workplace) ex.values.workplace = section;
    people.push({ ...ex, row: rowNo, section });
  }
  return {
    ...base,
    skipped: people.length ? null : 'no_rows',
    titleRows,
    headerRows: header.headerRows,
    headers: header.headers,
    signature: headerSignature(header.headers),
    mapping: finalMapping,
    people,
    ignored,
    footerStart,
  };
}
