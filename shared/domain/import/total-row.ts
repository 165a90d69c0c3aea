/**
 * Total rows ("Cộng", "Tổng cộng: 45 người", "Tổng số") recognised by their role in the table, not by a
 * folded word: a total label in the label/name column, no running number, no identity, and figures that
 * are the column sums. "Công an thành phố", "Cộng đồng…", "Tổng đội…", "Cộng Hòa" are not totals.
 * Pure, shared by the registration-list, quota-table and unit-list readers.
 */
import { asRunningNumber } from './cells';

/**
 * "Cộng", "Cộng:", "Cộng 12", "Tổng cộng", "Tổng số: 45 người", "Tổng", "TỔNG CỘNG", "Total" —
 * with diacritics (the word "Công", "Cống" or "Tống" is not "Cộng"/"Tổng").
 */
const TOTAL_LABEL = /^(?:tổng\s+cộng|tổng\s+số|tổng\s+cộng\s+số|cộng\s+lại|tổng\s+hợp\s+chung|tổng|cộng|total|sum)(?=$|[\s:.,(\-–]|\d)(.*)$/u;
/** What may follow the label: figures, "người", "đơn vị", "toàn đơn vị/xã", "(… người)". Not a name. */
const TOTAL_TAIL = /^[\s:.,(\-–]*(?:\d[\d.,\s]*)?\s*(?:(?:người|đơn vị(?:\s+máu)?|đv|ĐV|lượt|danh sách|trường hợp|hồ sơ|toàn\s+\p{L}+(?:\s+\p{L}+)?|cả\s+\p{L}+(?:\s+\p{L}+)?|chung|số|cộng|các đơn vị|\(.*\)|:)\s*[\d.,\s]*[)\s:.]*)*$/u;

/** True when `text` is a total label (see TOTAL_LABEL), case-insensitive, NFC. */
export function isTotalLabel(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const m = TOTAL_LABEL.exec(t);
  if (!m) return false;
  return TOTAL_TAIL.test(m[1] ?? '');
}

export interface TotalRowInput {
  /** The text of the label column (unit name, person's name). */
  label: string | null;
  /** The running-number (STT) cell's text, when the table has one. */
  stt?: string | null;
  /** The row holds an ID number, a phone or a birth date in mapped columns. */
  hasIdentity?: boolean;
  /** The row's figures in the numeric columns (null: empty; 'formula': a formula with no cached value). */
  figures?: (number | null | 'formula')[];
  /** The sums of the same columns over the data rows above (same order as `figures`). */
  sums?: (number | null)[];
}

export interface TotalRowJudgement {
  total: boolean;
  /** true/false when there are figures to compare with the column sums; null otherwise. */
  figuresMatch: boolean | null;
  /** Vietnamese reason, for the row ledger. */
  reason: string;
}

/**
 * Decides whether a row is the table's total row. A total label without a running number is a total;
 * a row with a running number or identity data never is. A row without any label whose figures are all
 * exactly the column sums (at least one non-zero) is an unlabelled total.
 */
export function judgeTotalRow(input: TotalRowInput): TotalRowJudgement {
  const figures = input.figures ?? [];
  const sums = input.sums ?? [];
  let compared = 0, equal = 0, formulas = 0, nonZero = 0;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (f === 'formula') { formulas++; continue; }
    if (f === null) continue;
    if (f !== 0) nonZero++;
    const s = sums[i];
    if (s === null || s === undefined) continue;
    compared++;
    if (Math.abs(f - s) < 1e-9) equal++;
  }
  const figuresMatch = compared === 0 ? null : equal === compared;
  const no = (reason: string): TotalRowJudgement => ({ total: false, figuresMatch, reason });
  if (input.hasIdentity) return no('có số định danh, điện thoại hoặc ngày sinh');
  if (input.stt && asRunningNumber(input.stt) !== null) return no('có số thứ tự');
  if (isTotalLabel(input.label)) {
    const what = figuresMatch === true ? ', các số bằng tổng các dòng trên' : figuresMatch === false ? ', nhưng các số khác tổng các dòng trên' : formulas > 0 ? ', các số là công thức cộng' : '';
    return { total: true, figuresMatch, reason: `dòng tổng cộng ("${(input.label ?? '').trim().slice(0, 40)}"${what})` };
  }
  const label = (input.label ?? '').trim();
  if (!label && compared > 0 && figuresMatch && nonZero > 0) return { total: true, figuresMatch, reason: 'dòng tổng cộng (các số bằng tổng các dòng trên)' };
  return no('không phải dòng tổng cộng');
}
