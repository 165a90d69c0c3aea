/**
 * One sheet: header, mapping refined by values, and every source row classified exactly once in a row
 * ledger — a person (or one person per block when a printed row holds two), or an ignored row with its
 * kind and reason (title, header, repeated header, blank, STT only, section, footer, total).
 */
import { asRunningNumber, cellText, isFooterText, isNumberingRow, isSectionNumber, looksLikeGroupName, looksLikePersonName, nonEmptyCols, rowTexts } from './cells';
import { normalizeBirthDate } from './dates';
import { detectHeader, headerSignature } from './detect-header';
import { ExtractMemo, extractRow, planColumns, type ColumnPlan, type ExtractedRow } from './extract-row';
import { normalizeNationalId, normalizePhone } from './ids-phones';
import { inferByValues } from './infer-by-values';
import { judgeTotalRow } from './total-row';
import type { ColumnMapping, FieldKey, GridRow, IgnoredKind, LedgerEntry, SheetGrid } from './types';
import { checkDateParts, colsOf, columnBlocks, headerlessHeader, refineByValues, splitMergedName, subMapping } from './refine-mapping';

export { columnBlocks };

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


// Regular expressions with Unicode property escapes live at module level: a bundler targeting Node
// may turn each such literal into `new RegExp(…)`, which would otherwise run once per row.
const WORD_3 = /\p{L}{3,}/u;
const DIGIT_RUN = /\d[\d .]{7,}\d/;
const LETTER = /\p{L}/u;
const WORD_2 = /\p{L}{2,}/u;
const ID_DIGITS = /^\d{9,12}$/;
const DIGIT = /\d/;
const NUMBER_CELL = /^\(?\d+\)?$/;

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
    if ((f === 'national_id' || f === 'phone') && typeof cell.v === 'string' && WORD_3.test(cell.v) && !DIGIT_RUN.test(cell.v)) continue;
    if (f === 'national_id') {
      const n = normalizeNationalId(cell.v);
      if (n.value && ID_DIGITS.test(n.value)) return IDENTITY_LABEL[f]!;
    } else if (f === 'phone') {
      if (normalizePhone(cell.v).value) return IDENTITY_LABEL[f]!;
    } else {
      if (typeof cell.v === 'string' && !DIGIT.test(cell.v) && !cell.date) continue;
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
  const extractOpts = { date1904: sheet.date1904, refYear: opts.refYear, memo: new ExtractMemo(sheet.date1904, opts.refYear) };
  let section: string | null = null;

  /** The row as people: one per block holding a name or identity. */
  const pushPeople = (row: GridRow, rowNo: number, texts: string[], reason: string, restored: boolean): void => {
    let any = false;
    for (let b = 0; b < blocks.length; b++) {
      if (blocks.length > 1 && !blocks[b].some((c) => texts[c] && finalMapping[c] !== 'stt')) continue;
      const ex = extractRow(row, plans[b], extractOpts, texts);
      if (section && !ex.values.workplace) ex.values.workplace = section;
      const part = blocks.length > 1 ? b + 1 : undefined;
      const person: AnalyzedRow = { values: ex.values, issues: ex.issues, cells: ex.cells, lastDonation: ex.lastDonation, row: rowNo, section };
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
    // The row's distinct texts, worked out only for rows that are not plainly a person's.
    let distinctMemo: string[] | undefined;
    const distinctTexts = (): string[] => (distinctMemo ??= [...new Set(cols.map((c) => texts[c]))]);
    const text = (): string => distinctTexts().join(' ');
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
    let nameText = '';
    for (const c of nameCols) if (texts[c]) nameText = nameText ? `${nameText} ${texts[c]}` : texts[c];
    let sttText = '';
    for (const c of sttCols) if (texts[c]) { sttText = texts[c]; break; }
    const sttNumber = sttText ? asRunningNumber(sttText) : null;
    // A person's row: a running number and a name, or identity data. Never a header, total or footer.
    const personLike = (sttNumber !== null && LETTER.test(nameText)) || identity() !== null;

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
    if (isFooterText(firstText) || (!hasIdentity && people.length > 0 && distinctTexts().some((t) => isFooterText(t)))) {
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
      if ((same >= 2 && (nameSame || same === cols.length)) || (isNumberingRow(texts) && cols.length >= 4 && !nameCols.some((c) => texts[c] && !NUMBER_CELL.test(texts[c])))) {
        ignore(rowNo, 'repeated_header', text(), REASONS.repeated_header);
        continue;
      }
    }
    // Only a running number (not a heading written in the STT column of a merged row).
    const onlyStt = cols.every((c) => sttCols.includes(c)) && !WORD_2.test(sttText);
    if (onlyStt) {
      ignore(rowNo, 'stt_only', sttText, REASONS.stt_only);
      continue;
    }
    // A single text (or one merged cell copied across) with no person data: a group heading.
    if (identity() === null) {
      const distinct = distinctTexts();
      const replicated = distinct.length === 1 && cols.length >= 3; // one merged cell across the row
      const numberedGroup = !hasIdentity && distinct.length === 2 && sttNumber !== null && cols.every((c) => nameCols.includes(c) || sttCols.includes(c))
        && looksLikeGroupName(nameText) && !looksLikePersonName(nameText); // "1 | Chi đoàn Công ty X"
      if (replicated || numberedGroup || (!hasIdentity && (distinct.length === 1 || (sttText && isSectionNumber(sttText) && distinct.length <= 2)))) {
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
