/**
 * One sheet: header, mapping refined by values, and every source row classified exactly once in a row
 * ledger — a person (or one person per block when a printed row holds two), or an ignored row with its
 * kind and reason (title, header, repeated header, blank, STT only, section, footer, total).
 */
import { asRunningNumber, cellText, isFooterText, isNumberingRow, isSectionNumber, looksLikeGroupName, looksLikePersonName, nonEmptyCols, rowTexts } from './cells';
import { normalizeBirthDate } from './dates';
import { detectHeader, headerSignature, type DetectedHeader } from './detect-header';
import { fieldFromHeader } from './header-synonyms';
import { extractRow, planColumns, type ColumnPlan, type ExtractedRow } from './extract-row';
import { normalizeNationalId, normalizePhone } from './ids-phones';
import { isMark, normalizeGender } from './values';
import { inferByValues } from './infer-by-values';
import { isTotalLabel, judgeTotalRow } from './total-row';
import type { ColumnMapping, FieldKey, GridRow, IgnoredKind, LedgerEntry, SheetGrid } from './types';

/** Kinds of ignored rows kept in `ignored` (the ledger holds every row). */
export type RowKind = 'person' | 'blank' | 'stt_only' | 'section' | 'repeated_header' | 'footer' | 'total';

export interface AnalyzedRow extends ExtractedRow {
  /** 1-based Excel row (CSV: line). */
  row: number;
  /** 1, 2… when the row holds several people side by side; absent otherwise. */
  part?: number;
  section: string | null;
  /** The row was ignored by the rules and turned back into a person by the clerk. */
  restored?: boolean;
}

export interface SheetAnalysis {
  sheet: string;
  hidden: boolean;
  /** Why the sheet holds no people, when it does not. */
  skipped: null | 'hidden' | 'empty' | 'no_header' | 'no_rows';
  /** No header was recognised: the columns were guessed from values and the clerk must confirm them. */
  needsMapping?: boolean;
  titleRows: string[];
  headerRows: number[];
  headers: string[];
  signature: string;
  mapping: ColumnMapping;
  /** Column ranges of the repeated blocks when a printed row holds several people (else one block). */
  blocks: number;
  people: AnalyzedRow[];
  ignored: { row: number; kind: RowKind; text: string }[];
  /** Every source row of the sheet, exactly once (a row with two people: once per person). */
  ledger: LedgerEntry[];
  footerStart: number | null;
}

export interface AnalyzeOptions {
  refYear: number;
  /** A mapping chosen by the clerk or remembered for this header. */
  mapping?: ColumnMapping;
  /** No sheet of the file has a recognisable header: guess the columns from their values. */
  headerless?: boolean;
  /** Rows the clerk turned back into people (1-based). */
  restore?: ReadonlySet<number>;
}

function colsOf(mapping: ColumnMapping, fields: FieldKey[]): number[] {
  return Object.entries(mapping).filter(([, f]) => fields.includes(f as FieldKey)).map(([c]) => Number(c)).sort((a, b) => a - b);
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

/**
 * Ngày / Tháng columns must hold small numbers; when they hold whole dates instead ("Ngày sinh" beside
 * "Năm sinh" meaning something else), the columns are plain birth-date columns after all.
 */
function checkDateParts(sheet: SheetGrid, mapping: ColumnMapping, start: number): void {
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

/**
 * Repeated column blocks side by side (a paper form with a left and a right half): the sequence of
 * fields from the first mapped column repeats. Returns the columns of each block, or one block.
 */
export function columnBlocks(mapping: ColumnMapping): number[][] {
  const mapped = Object.entries(mapping).filter(([, f]) => f && f !== 'ignore').map(([c, f]) => [Number(c), f] as const).sort((a, b) => a[0] - b[0]);
  const all = [mapped.map(([c]) => c)];
  if (mapped.length < 4) return all;
  const isName = (f: string) => f === 'full_name' || f === 'name_first';
  const names = mapped.filter(([, f]) => isName(f)).length;
  if (names < 2) return all;
  for (let k = names; k >= 2; k--) {
    if (mapped.length % k !== 0) continue;
    const size = mapped.length / k;
    const seq = mapped.slice(0, size).map(([, f]) => f).join(',');
    let same = true;
    for (let b = 1; b < k && same; b++) same = mapped.slice(b * size, (b + 1) * size).map(([, f]) => f).join(',') === seq;
    if (same && mapped.slice(0, size).some(([, f]) => isName(f))) {
      return Array.from({ length: k }, (_, b) => mapped.slice(b * size, (b + 1) * size).map(([c]) => c));
    }
  }
  // The same without the running numbers (one block numbered, the other not): STT joins the block it precedes.
  const core = mapped.filter(([, f]) => f !== 'stt');
  for (let k = names; k >= 2; k--) {
    if (core.length % k !== 0) continue;
    const size = core.length / k;
    const seq = core.slice(0, size).map(([, f]) => f).join(',');
    let same = true;
    for (let b = 1; b < k && same; b++) same = core.slice(b * size, (b + 1) * size).map(([, f]) => f).join(',') === seq;
    if (!same || !core.slice(0, size).some(([, f]) => isName(f))) continue;
    const out = Array.from({ length: k }, (_, b) => core.slice(b * size, (b + 1) * size).map(([c]) => c));
    for (const [c, f] of mapped) {
      if (f !== 'stt') continue;
      const b = out.findIndex((cols) => cols[0] > c);
      (b < 0 ? out[k - 1] : out[b]).push(c);
    }
    return out.map((cols) => cols.sort((x, y) => x - y));
  }
  return all;
}

function subMapping(mapping: ColumnMapping, cols: number[]): ColumnMapping {
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
function headerlessHeader(sheet: SheetGrid, refYear: number, given?: ColumnMapping): DetectedHeader | null {
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

const IDENTITY_LABEL: Partial<Record<FieldKey, string>> = {
  national_id: 'số CCCD/CMND', phone: 'số điện thoại', birth: 'ngày sinh', birth_m: 'ngày sinh', birth_f: 'ngày sinh', birth_y: 'năm sinh',
};

/** The identity a row carries in its mapped columns (a readable ID, phone or birth date), or null. */
function identityOf(row: GridRow, texts: string[], cols: [number, FieldKey][], refYear: number, date1904: boolean): string | null {
  for (const [c, f] of cols) {
    if (!texts[c]) continue;
    const cell = row[c];
    if (!cell) continue;
    // Words around the digits ("Lạng Sơn, ngày 10 tháng 5…") are no ID or phone.
    if ((f === 'national_id' || f === 'phone') && typeof cell.v === 'string' && /\p{L}{3,}/u.test(cell.v) && !/\d[\d .]{7,}\d/.test(cell.v)) continue;
    if (f === 'national_id') {
      const n = normalizeNationalId(cell.v);
      if (n.value && /^\d{9,12}$/.test(n.value)) return IDENTITY_LABEL[f]!;
    } else if (f === 'phone') {
      if (normalizePhone(cell.v).value) return IDENTITY_LABEL[f]!;
    } else {
      if (typeof cell.v === 'string' && !/\d/.test(cell.v) && !cell.date) continue;
      if (normalizeBirthDate(cell.v, { date: cell.date, refYear, date1904 }).value) return IDENTITY_LABEL[f]!;
    }
  }
  return null;
}

const REASONS: Record<IgnoredKind, string> = {
  title: 'dòng tiêu đề phía trên bảng',
  header: 'dòng tên cột',
  repeated_header: 'dòng tên cột được lặp lại (sang trang mới)',
  blank: 'dòng trống',
  stt_only: 'chỉ có số thứ tự, không có họ tên',
  section: 'dòng tên nhóm (đơn vị, thôn, trường…)',
  footer: 'phần chân trang (người lập biểu, chữ ký, ngày tháng)',
  total: 'dòng tổng cộng',
  sheet_skipped: 'trang tính không có danh sách',
};

function joinDistinct(texts: string[], cols: number[]): string {
  return [...new Set(cols.map((c) => texts[c]))].join(' ');
}

export function analyzeSheet(sheet: SheetGrid, opts: AnalyzeOptions): SheetAnalysis {
  const base: SheetAnalysis = {
    sheet: sheet.name, hidden: sheet.hidden, skipped: null, titleRows: [], headerRows: [], headers: [], signature: '',
    mapping: {}, blocks: 1, people: [], ignored: [], ledger: [], footerStart: null,
  };
  const skippedLedger = (why: string): LedgerEntry[] => {
    const out: LedgerEntry[] = [];
    for (let r = 0; r < sheet.rows.length; r++) {
      const texts = rowTexts(sheet.rows[r]);
      const cols = nonEmptyCols(texts);
      out.push(cols.length ? { row: r + 1, kind: 'sheet_skipped', reason: why, text: joinDistinct(texts, cols).slice(0, 200) } : { row: r + 1, kind: 'blank', reason: REASONS.blank });
    }
    return out;
  };
  if (sheet.hidden) return { ...base, skipped: 'hidden', ledger: skippedLedger('trang tính bị ẩn') };
  if (!sheet.rows.some((r) => r && r.some((c) => cellText(c) !== ''))) return { ...base, skipped: 'empty', ledger: skippedLedger('trang tính trống') };
  let header = detectHeader(sheet);
  let needsMapping = false;
  if (!header && (opts.headerless || opts.mapping)) {
    header = headerlessHeader(sheet, opts.refYear, opts.mapping);
    needsMapping = !!header;
  }
  if (!header) return { ...base, skipped: 'no_header', ledger: skippedLedger('không có dòng tên cột "Họ và tên" (trang tổng hợp?)') };
  const mapping: ColumnMapping = { ...header.mapping };
  if (!needsMapping) {
    refineByValues(sheet, mapping, header.dataStart, opts.refYear);
    checkDateParts(sheet, mapping, header.dataStart);
    splitMergedName(sheet, mapping, header.headers, header.dataStart);
    let width = header.headers.length;
    for (let r = header.dataStart - 1; r < Math.min(sheet.rows.length, header.dataStart + 60); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
    inferByValues(sheet, mapping, header.dataStart, width, header.headerRows);
  }
  const finalMapping = opts.mapping ? { ...opts.mapping } : mapping;
  const restore = opts.restore ?? new Set<number>();
  const titleRows: string[] = [];
  const ledger: LedgerEntry[] = [];
  const firstHeader = header.headerRows[0] ?? header.dataStart;
  const people: AnalyzedRow[] = [];
  const blocks = columnBlocks(finalMapping);
  const plans: ColumnPlan[] = blocks.map((cols) => planColumns(blocks.length > 1 ? subMapping(finalMapping, cols) : finalMapping));
  const extractOpts = { date1904: sheet.date1904, refYear: opts.refYear };
  let section: string | null = null;

  /** The row as people: one per block holding a name or identity. */
  const pushPeople = (row: GridRow, rowNo: number, texts: string[], reason: string, restored: boolean): void => {
    let any = false;
    for (let b = 0; b < blocks.length; b++) {
      if (blocks.length > 1 && !blocks[b].some((c) => texts[c] && finalMapping[c] !== 'stt')) continue;
      const ex = extractRow(row, plans[b], extractOpts, texts);
      if (section && !ex.values.workplace) ex.values.workplace = section;
      const part = blocks.length > 1 ? b + 1 : undefined;
      const person: AnalyzedRow = { ...ex, row: rowNo, section };
      const entry: LedgerEntry = { row: rowNo, kind: 'person', reason };
      if (part) { person.part = part; entry.part = part; }
      if (restored) person.restored = true;
      people.push(person);
      ledger.push(entry);
      any = true;
    }
    if (!any) ledger.push({ row: rowNo, kind: 'stt_only', reason: REASONS.stt_only, text: joinDistinct(texts, nonEmptyCols(texts)) });
  };

  const nameCols = colsOf(finalMapping, ['full_name', 'name_first', 'name_last']);
  const sttCols = colsOf(finalMapping, ['stt']);
  const identityFields: FieldKey[] = ['birth', 'birth_m', 'birth_f', 'birth_y', 'national_id', 'phone'];
  const otherIdentity = colsOf(finalMapping, identityFields);
  const identityRank = (f: FieldKey) => (f === 'national_id' ? 0 : f === 'phone' ? 1 : 2); // the message names the ID first
  const identityCols: [number, FieldKey][] = otherIdentity.map((c): [number, FieldKey] => [c, finalMapping[c] as FieldKey]).sort((a, b) => identityRank(a[1]) - identityRank(b[1]));
  // Several name columns that form no repeated blocks: only the first is read; the clerk must know.
  const fullNameCols = colsOf(finalMapping, ['full_name']);
  const nameWarning = blocks.length === 1 && fullNameCols.length >= 2 && fullNameCols.some((c, i) => i > 0 && c - fullNameCols[i - 1] > 1)
    ? `Dòng ${firstHeader} có ${fullNameCols.length} cột "Họ và tên" nhưng các khối cột không giống nhau, nên chỉ cột đầu được nhập. Hãy kiểm tra cách ghép cột.`
    : undefined;
  for (let r = 0; r < firstHeader - 1; r++) {
    const texts = rowTexts(sheet.rows[r]);
    const all = nonEmptyCols(texts);
    if (!all.length) { ledger.push({ row: r + 1, kind: 'blank', reason: REASONS.blank }); continue; }
    if (restore.has(r + 1)) { pushPeople(sheet.rows[r] ?? [], r + 1, texts, 'khôi phục theo yêu cầu', true); continue; }
    titleRows.push([...new Set(all.map((c) => texts[c]))].join(' — '));
    const id = all.length >= 2 ? identityOf(sheet.rows[r] ?? [], texts, identityCols, opts.refYear, sheet.date1904) : null;
    const warning = id ? `Dòng ${r + 1} có ${id} nhưng bị bỏ qua vì nằm phía trên dòng tên cột (dòng ${firstHeader}). Hãy xem lại: nếu đây là một người, chọn "Nhập dòng này".` : undefined;
    ledger.push({ row: r + 1, kind: 'title', reason: REASONS.title, text: joinDistinct(texts, all).slice(0, 200), ...(warning ? { warning } : {}) });
  }
  for (let r = firstHeader - 1; r < header.dataStart - 1; r++) {
    const texts = rowTexts(sheet.rows[r]);
    const cols = nonEmptyCols(texts);
    if (!cols.length) ledger.push({ row: r + 1, kind: 'blank', reason: REASONS.blank });
    else if (restore.has(r + 1)) pushPeople(sheet.rows[r] ?? [], r + 1, texts, 'khôi phục theo yêu cầu', true);
    else ledger.push({ row: r + 1, kind: 'header', reason: REASONS.header, text: joinDistinct(texts, cols).slice(0, 200), ...(r === firstHeader - 1 && nameWarning ? { warning: nameWarning } : {}) });
  }

  const numericCols = Object.keys(finalMapping).map(Number).filter((c) => finalMapping[c] === 'prior_donations');
  // The header's own words per column (top, sub and combined), to recognise a header printed again.
  // Compared with their diacritics: a copy of the header is the same text, "Hồ Tên" is not "Họ tên".
  const headerWords = new Map<number, Set<string>>();
  for (const hr of header.headerRows) {
    const texts = rowTexts(sheet.rows[hr - 1]);
    texts.forEach((t, c) => { if (t) { const s = headerWords.get(c) ?? new Set<string>(); s.add(headerCellKey(t)); headerWords.set(c, s); } });
  }
  header.headers.forEach((t, c) => { if (t) { const s = headerWords.get(c) ?? new Set<string>(); s.add(headerCellKey(t)); headerWords.set(c, s); } });

  const ignored: SheetAnalysis['ignored'] = [];
  let footerStart: number | null = null;
  let blankSince = false;
  let withStt = 0;
  const sums: number[] = numericCols.map(() => 0);
  const ignore = (rowNo: number, kind: Exclude<IgnoredKind, 'title' | 'header' | 'sheet_skipped'>, text: string, reason: string, warning?: string): void => {
    if (kind !== 'blank') ignored.push({ row: rowNo, kind, text });
    ledger.push({ row: rowNo, kind, reason, ...(kind !== 'blank' ? { text: text.slice(0, 200) } : {}), ...(warning ? { warning } : {}) });
  };
  const warnFor = (rowNo: number, identity: string | null, why: string): string | undefined =>
    identity ? `Dòng ${rowNo} có ${identity} nhưng bị bỏ qua vì ${why}. Hãy xem lại: nếu đây là một người, chọn "Nhập dòng này".` : undefined;

  for (let r = header.dataStart - 1; r < sheet.rows.length; r++) {
    const rowNo = r + 1;
    const row = sheet.rows[r] ?? [];
    const texts = rowTexts(row);
    const cols = nonEmptyCols(texts);
    if (cols.length === 0) {
      blankSince = people.length > 0;
      ledger.push({ row: rowNo, kind: 'blank', reason: REASONS.blank });
      continue;
    }
    const distinct = [...new Set(cols.map((c) => texts[c]))];
    const text = (): string => distinct.join(' ');
    if (restore.has(rowNo)) {
      pushPeople(row, rowNo, texts, 'khôi phục theo yêu cầu', true);
      continue;
    }
    let identityMemo: string | null | undefined;
    const identity = () => (identityMemo === undefined ? (identityMemo = identityOf(row, texts, identityCols, opts.refYear, sheet.date1904)) : identityMemo);
    if (footerStart !== null) {
      ignore(rowNo, 'footer', text(), `nằm dưới phần chân trang (từ dòng ${footerStart})`, warnFor(rowNo, identity(), `nằm dưới phần chân trang bắt đầu ở dòng ${footerStart}`));
      continue;
    }
    const firstText = texts[cols[0]];
    const hasIdentity = otherIdentity.some((c) => texts[c]);
    const nameText = nameCols.map((c) => texts[c]).filter(Boolean).join(' ');
    const sttText = sttCols.map((c) => texts[c]).find(Boolean) ?? '';
    const sttNumber = sttText ? asRunningNumber(sttText) : null;
    // A person's row: a running number and a name, or identity data. Never a header, total or footer.
    const personLike = (sttNumber !== null && /\p{L}/u.test(nameText)) || identity() !== null;

    // A total row, by its role: a total label, no running number, no identity, figures = column sums.
    if (!personLike) {
      const label = nameText || (sttText && !sttNumber ? sttText : '') || firstText;
      const figures = numericCols.map((c) => { const cell = row[c]; return cell?.formulaNoValue ? 'formula' as const : typeof cell?.v === 'number' ? cell.v : null; });
      const j = judgeTotalRow({ label, stt: sttText, hasIdentity: false, figures, sums });
      if (j.total || (people.length > 0 && isTotalLineText(firstText))) {
        footerStart = rowNo;
        ignore(rowNo, 'total', text(), j.total ? j.reason : REASONS.total);
        continue;
      }
    }
    if (isFooterText(firstText) || (!hasIdentity && people.length > 0 && distinct.some((t) => isFooterText(t)))) {
      if (!personLike) {
        footerStart = rowNo;
        ignore(rowNo, 'footer', text(), REASONS.footer);
        continue;
      }
    }
    // The header printed again (a new page): the same words as the header in at least two columns,
    // one of them the name column; or the 1 2 3 … numbering row.
    if (!personLike) {
      const same = cols.filter((c) => headerWords.get(c)?.has(headerCellKey(texts[c]))).length;
      const nameSame = nameCols.some((c) => texts[c] && headerWords.get(c)?.has(headerCellKey(texts[c])));
      if ((same >= 2 && (nameSame || same === cols.length)) || (isNumberingRow(texts) && cols.length >= 4 && !nameCols.some((c) => texts[c] && !/^\(?\d+\)?$/.test(texts[c])))) {
        ignore(rowNo, 'repeated_header', text(), REASONS.repeated_header);
        continue;
      }
    }
    // Only a running number (not a heading written in the STT column of a merged row).
    const onlyStt = cols.every((c) => sttCols.includes(c)) && !/\p{L}{2,}/u.test(sttText);
    if (onlyStt) {
      ignore(rowNo, 'stt_only', sttText, REASONS.stt_only);
      continue;
    }
    // A single text (or one merged cell copied across) with no person data: a group heading.
    const replicated = distinct.length === 1 && cols.length >= 3; // one merged cell across the row
    const numberedGroup = !hasIdentity && distinct.length === 2 && sttNumber !== null && cols.every((c) => nameCols.includes(c) || sttCols.includes(c))
      && looksLikeGroupName(nameText) && !looksLikePersonName(nameText); // "1 | Chi đoàn Công ty X"
    if (identity() === null && (replicated || numberedGroup || (!hasIdentity && (distinct.length === 1 || (sttText && isSectionNumber(sttText) && distinct.length <= 2))))) {
      const label = distinct.length === 1 ? distinct[0] : distinct.filter((t) => t !== sttText).join(' ');
      const inNameOnly = cols.every((c) => nameCols.includes(c) || sttCols.includes(c));
      const personish = inNameOnly && (sttNumber !== null || sttCols.length === 0) && looksLikePersonName(label);
      if (!personish && (looksLikeGroupName(label) || !inNameOnly || cols.length > 1 || sttNumber === null)) {
        if (nameText && people.length > 0 && blankSince && !looksLikeGroupName(label) && withStt >= people.length * 0.8 && sttNumber === null) {
          footerStart = rowNo; // a signer's name under the list
          ignore(rowNo, 'footer', label, 'tên người ký dưới danh sách');
          continue;
        }
        section = label;
        ignore(rowNo, 'section', label, REASONS.section);
        continue;
      }
    }
    if (!nameText && !hasIdentity) {
      ignore(rowNo, 'stt_only', text(), 'không có họ tên, số định danh, điện thoại hay ngày sinh');
      continue;
    }
    if (!sttText && people.length > 0 && blankSince && withStt >= people.length * 0.8 && !hasIdentity && identity() === null) {
      footerStart = rowNo;
      ignore(rowNo, 'footer', text(), 'dòng không số thứ tự dưới danh sách, sau một dòng trống');
      continue;
    }
    blankSince = false;
    if (sttNumber !== null) withStt++;
    numericCols.forEach((c, i) => { const v = row[c]?.v; if (typeof v === 'number') sums[i] += v; });
    pushPeople(row, rowNo, texts, 'dòng người đăng ký', false);
  }
  // Two people per printed row: keep them in STT order (down the left block, then the right).
  if (blocks.length > 1) {
    const sttOf = (p: AnalyzedRow) => {
      const c = blocks[(p.part ?? 1) - 1].find((k) => finalMapping[k] === 'stt');
      return c === undefined ? null : asRunningNumber(p.cells[c] ?? '');
    };
    const keyed = people.map((p, i) => ({ p, i, s: sttOf(p) }));
    if (keyed.every((k) => k.s !== null)) {
      keyed.sort((a, b) => a.s! - b.s! || a.i - b.i);
      people.splice(0, people.length, ...keyed.map((k) => k.p));
    }
  }
  const signature = header.headers.some(Boolean) ? headerSignature(header.headers) : needsMapping ? `#cols:${Object.keys(finalMapping).length}` : '';
  return {
    ...base,
    skipped: people.length ? null : needsMapping ? 'no_header' : 'no_rows',
    needsMapping: needsMapping || undefined,
    titleRows,
    headerRows: header.headerRows,
    headers: header.headers,
    signature,
    mapping: finalMapping,
    blocks: blocks.length,
    people,
    ignored,
    ledger,
    footerStart,
  };
}

function headerCellKey(t: string): string {
  return t.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** "Tổng cộng: 45 người" written anywhere in the first cell under the list. */
function isTotalLineText(s: string): boolean {
  const t = s.normalize('NFC').toLocaleLowerCase('vi').trim();
  return /^(tổng\s*cộng|tổng\s*số|cộng)\s*[:\-–]?\s*\d/.test(t) || /^(tổng\s*cộng|tổng\s*số)\s*(:|$)/.test(t);
}
