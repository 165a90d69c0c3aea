/** Turns one data row into a person's normalised values, with an issue per doubtful cell. */
import { cellText } from './cells';
import { normalizeBirthDate } from './dates';
import { normalizeNationalId, normalizePhone } from './ids-phones';
import { isMark, joinNameParts, normalizeBloodGroup, normalizeDonationCount, normalizeGender, normalizeName, normalizeText } from './values';
import { FIELD_KEYS, type ColumnMapping, type FieldKey, type GridCell, type GridRow, type PersonValues, type RowIssue } from './types';

export interface ExtractOptions {
  date1904: boolean;
  refYear: number;
  /** Normalised values of cell texts already met on this sheet (see ExtractMemo). */
  memo?: ExtractMemo;
}

type CellValue = string | number | boolean | null;

/** Most entries one cache keeps: a list of unique values costs a bounded amount of memory. */
const MEMO_CAP = 1 << 15;

function memoized<V>(map: Map<CellValue, V>, key: CellValue, fn: (k: CellValue) => V): V {
  const hit = map.get(key);
  if (hit !== undefined || map.has(key)) return hit as V;
  const v = fn(key);
  if (map.size < MEMO_CAP) map.set(key, v);
  return v;
}

/**
 * Normalised values by cell value, for one sheet (one date system and reference year): lists repeat
 * their addresses, workplaces, genders, blood groups, birth dates and often names, so each distinct
 * text is normalised once. The normalisers are pure; their results are read, never changed.
 */
export class ExtractMemo {
  readonly names = new Map<CellValue, string | null>();
  readonly texts = new Map<CellValue, string | null>();
  readonly genders = new Map<CellValue, 'M' | 'F' | null>();
  readonly groups = new Map<CellValue, ReturnType<typeof normalizeBloodGroup>>();
  readonly dates = new Map<CellValue, ReturnType<typeof normalizeBirthDate>>();
  constructor(readonly date1904: boolean, readonly refYear: number) {}
}

export interface ExtractedRow {
  values: PersonValues;
  issues: RowIssue[];
  /** Original cell texts by column index. */
  cells: Record<number, string>;
  /** Date of the last donation, when the list has such a column. */
  lastDonation: string | null;
}

/** The columns of each field, computed once per sheet rather than once per row. */
export type ColumnPlan = Record<FieldKey, number[]>;

export function planColumns(mapping: ColumnMapping): ColumnPlan {
  const plan = {} as ColumnPlan;
  for (const f of FIELD_KEYS) plan[f] = [];
  for (const [c, f] of Object.entries(mapping)) if (f !== 'ignore' && plan[f as FieldKey]) plan[f as FieldKey].push(Number(c));
  for (const f of FIELD_KEYS) plan[f].sort((a, b) => a - b);
  return plan;
}

function firstCell(row: GridRow, texts: string[], cols: number[]): { cell: GridCell; col: number } | null {
  for (const c of cols) {
    const cell = row[c];
    if (cell && texts[c]) return { cell, col: c };
  }
  return null;
}

function textOf(t: string, memo: ExtractMemo | undefined): string | null {
  return memo ? memoized(memo.texts, t, normalizeText as (k: CellValue) => string | null) : normalizeText(t);
}

function joinTexts(texts: string[], cols: number[], memo: ExtractMemo | undefined): string | null {
  if (cols.length === 0) return null;
  if (cols.length === 1) return texts[cols[0]] ? textOf(texts[cols[0]], memo) : null;
  const parts = cols.map((c) => (texts[c] ? textOf(texts[c], memo) : null)).filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : null;
}

export function extractRow(row: GridRow, mapping: ColumnMapping | ColumnPlan, opts: ExtractOptions, rowTexts?: string[]): ExtractedRow {
  const plan: ColumnPlan = Array.isArray((mapping as ColumnPlan).full_name) ? (mapping as ColumnPlan) : planColumns(mapping as ColumnMapping);
  // The memo is used only when it was made for the same date system and reference year.
  const memo = opts.memo && opts.memo.date1904 === opts.date1904 && opts.memo.refYear === opts.refYear ? opts.memo : undefined;
  const dateOpts = { date1904: opts.date1904, refYear: opts.refYear };
  const birthOf = (cell: GridCell) => (cell.date || !memo ? normalizeBirthDate(cell.v, { ...dateOpts, date: cell.date }) : memoized(memo.dates, cell.v, (v) => normalizeBirthDate(v, dateOpts)));
  const issues: RowIssue[] = [];
  const cells: Record<number, string> = {};
  const texts: string[] = rowTexts ?? [];
  for (let c = 0; c < row.length; c++) {
    const t = rowTexts ? rowTexts[c] : cellText(row[c]);
    if (!rowTexts) texts[c] = t;
    if (t) cells[c] = t;
  }
  const fullCell = firstCell(row, texts, plan.full_name);
  let full_name = fullCell && typeof fullCell.cell.v === 'string' ? (memo ? memoized(memo.names, fullCell.cell.v, normalizeName) : normalizeName(fullCell.cell.v)) : null;
  if (!full_name) {
    // "Họ" + "Tên đệm" + "Tên", or "Họ đệm" + "Tên": every part in column order.
    const first = plan.name_first.map((c) => texts[c]).filter(Boolean).join(' ');
    const last = firstCell(row, texts, plan.name_last);
    if (first || last) full_name = joinNameParts(first || null, last ? texts[last.col] : null);
  }

  let gender: 'M' | 'F' | null = null;
  const gCell = firstCell(row, texts, plan.gender);
  if (gCell) {
    gender = memo ? memoized(memo.genders, gCell.cell.v, normalizeGender) : normalizeGender(gCell.cell.v);
    if (!gender) issues.push({ field: 'gender', col: gCell.col, severity: 'warning', code: 'unreadable', message: `Giới tính "${cellText(gCell.cell).slice(0, 20)}" không rõ (cần Nam hoặc Nữ).` });
  }
  const mMark = plan.gender_m.some((c) => isMark(row[c]?.v ?? null));
  const fMark = plan.gender_f.some((c) => isMark(row[c]?.v ?? null));
  if (!gender && mMark !== fMark) gender = mMark ? 'M' : 'F';
  if (mMark && fMark) issues.push({ field: 'gender', severity: 'warning', code: 'both_marks', message: 'Cả hai cột Nam và Nữ đều được đánh dấu.' });

  let birth_date: string | null = null;
  const birthCell = firstCell(row, texts, plan.birth);
  const mBirth = firstCell(row, texts, plan.birth_m);
  const fBirth = firstCell(row, texts, plan.birth_f);
  const source = birthCell ?? mBirth ?? fBirth;
  if (!birthCell && (mBirth || fBirth) && !gender) gender = mBirth && !fBirth ? 'M' : fBirth && !mBirth ? 'F' : null;
  if (source) {
    const d = birthOf(source.cell);
    birth_date = d.value;
    if (d.problem) issues.push({ field: 'birth', col: source.col, severity: d.value ? 'warning' : 'error', code: d.value ? 'doubtful_date' : 'impossible_date', message: d.problem });
  } else if (plan.birth_y.length || plan.birth_d.length || plan.birth_mo.length) {
    // Ngày / Tháng / Năm in three columns; the year alone when day and month are blank.
    const dC = firstCell(row, texts, plan.birth_d);
    const mC = firstCell(row, texts, plan.birth_mo);
    const yC = firstCell(row, texts, plan.birth_y);
    const part = (x: { cell: GridCell; col: number } | null) => (x ? (x.cell.date ? x.cell.date : cellText(x.cell)) : '');
    if (yC) {
      const y = part(yC);
      const d = dC && mC ? normalizeBirthDate(`${part(dC)}/${part(mC)}/${y}`, dateOpts) : normalizeBirthDate(typeof yC.cell.v === 'number' ? yC.cell.v : y, dateOpts);
      birth_date = d.value;
      if (d.problem) issues.push({ field: 'birth', col: yC.col, severity: d.value ? 'warning' : 'error', code: d.value ? 'doubtful_date' : 'impossible_date', message: d.problem });
    } else if (dC || mC) {
      issues.push({ field: 'birth', col: (dC ?? mC)!.col, severity: 'error', code: 'impossible_date', message: 'Có ngày/tháng sinh nhưng thiếu năm sinh.' });
    }
  }

  const idCell = firstCell(row, texts, plan.national_id);
  let national_id: string | null = null;
  if (idCell) {
    const n = normalizeNationalId(idCell.cell.v);
    national_id = n.value;
    if (n.problem) issues.push({ field: 'national_id', col: idCell.col, severity: 'warning', code: n.value ? 'id_length' : 'unreadable', message: n.problem });
  }

  const phoneCell = firstCell(row, texts, plan.phone);
  let phone: string | null = null;
  let note = joinTexts(texts, plan.note, memo);
  if (phoneCell) {
    const p = normalizePhone(phoneCell.cell.v);
    phone = p.value;
    if (p.problem) issues.push({ field: 'phone', col: phoneCell.col, severity: 'warning', code: 'unreadable', message: p.problem });
    if (p.rest) note = note ? `${note}; SĐT khác: ${p.rest}` : `SĐT khác: ${p.rest}`;
  }

  let blood_group: string | null = null;
  const bCell = firstCell(row, texts, plan.blood_group);
  if (bCell) {
    const b = memo ? memoized(memo.groups, bCell.cell.v, normalizeBloodGroup) : normalizeBloodGroup(bCell.cell.v);
    blood_group = b.value;
    if (b.problem) issues.push({ field: 'blood_group', col: bCell.col, severity: 'info', code: 'unreadable', message: b.problem });
  }
  const cCell = firstCell(row, texts, plan.prior_donations);
  const prior_donations = cCell ? normalizeDonationCount(cCell.cell.v) : null;
  const lCell = firstCell(row, texts, plan.last_donation);
  const last = lCell ? birthOf(lCell.cell) : null;
  const lastDonation = last?.value && /^\d{4}-\d{2}-\d{2}$/.test(last.value) ? last.value : null;

  return {
    values: {
      full_name,
      gender,
      birth_date,
      national_id,
      phone,
      address: joinTexts(texts, plan.address, memo),
      workplace: joinTexts(texts, plan.workplace, memo),
      blood_group,
      prior_donations,
      note,
    },
    issues,
    cells,
    lastDonation,
  };
}
