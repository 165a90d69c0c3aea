/** Reading cells of a grid as text, and the small row tests detection is built from. */
import { collapseSpaces } from '../text';
import type { GridCell, GridRow } from './types';

/** A white-space character of JavaScript's \s. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** A character collapseSpaces always rewrites: tab, line breaks, NBSP, the wide and zero-width spaces, BOM. */
function isOddSpace(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || (c >= 0x2000 && (c <= 0x200b || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Whether collapseSpaces could change the text: two white spaces in a row, one at either end, or an
 * odd space anywhere — `/\s\s|^\s|\s$|[\t\n\r\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/`, in one
 * pass without a regular expression (it runs for every cell of every row).
 */
export function needsCollapse(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  let prev = true; // "white space before": a space at the start counts
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) { prev = false; continue; } // the usual letters and digits
    if (isOddSpace(c)) return true;
    const space = isSpace(c);
    if (space && prev) return true;
    prev = space;
  }
  return prev;
}

export function cellText(c: GridCell | undefined): string {
  if (!c || c.v === null || c.v === undefined) return c?.date ?? '';
  if (c.date) return c.date;
  if (typeof c.v === 'string') return needsCollapse(c.v) ? collapseSpaces(c.v) : c.v;
  return String(c.v);
}

export function rowTexts(row: GridRow | undefined): string[] {
  if (!row) return [];
  const out: string[] = [];
  for (let i = 0; i < row.length; i++) out[i] = cellText(row[i]);
  return out;
}

export function nonEmptyCols(texts: string[]): number[] {
  const cols: number[] = [];
  for (let i = 0; i < texts.length; i++) if (texts[i]) cols.push(i);
  return cols;
}

/** "1", "(1)", "1." — a running number. */
export function asRunningNumber(s: string): number | null {
  const m = /^\(?(\d{1,6})[.)]?\)?$/.exec(s.trim());
  return m ? Number(m[1]) : null;
}

/** A row like 1 2 3 4 5 … or (1) (2) (3) under the header. */
export function isNumberingRow(texts: string[]): boolean {
  const cols = nonEmptyCols(texts);
  if (cols.length < 3) return false;
  const nums = cols.map((c) => asRunningNumber(texts[c]));
  if (nums.some((n) => n === null)) return false;
  for (let i = 1; i < nums.length; i++) if (nums[i]! <= nums[i - 1]!) return false;
  return nums[0]! <= 2;
}

const ROMAN = /^(?=[ivxlc]+\.?$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$/i;

/** I, II, A., B — the numbering of a section rather than of a person. */
export function isSectionNumber(s: string): boolean {
  const t = s.trim();
  return ROMAN.test(t) || /^[A-ZĐ]\.?$/.test(t);
}

const FOOTER = /^(tổng(\s*:|\s*\d|$|\s+(số|cộng|hợp|người|danh|có))|cộng(\s*:|\s*\d|$|\s+(số|toàn|cả))|người lập|lập biểu|người ký|người viết|xác nhận|thủ trưởng|t\/?m\.?\s|tm\.|kt\.|tl\.|tuq\.|chủ tịch|phó chủ tịch|hiệu trưởng|giám đốc|bí thư|trưởng (công an|phòng|ban|khoa|thôn|khối|trạm)|\(ký|ký tên|ký, ghi|nơi nhận|danh sách (này )?có)/u;
const DATELINE = /,\s*ngày\s*\d*\s*tháng\s*\d*\s*năm|^ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm/;

/** Total lines, date lines and signature blocks under a list. */
export function isFooterText(s: string): boolean {
  if (s === '' || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57)) return false; // a running number starts a person's row
  const t = s.normalize('NFC').toLocaleLowerCase('vi').trim();
  return FOOTER.test(t) || DATELINE.test(t);
}

const ORG_WORDS = /^(trường|lớp|khối|thôn|xóm|bản|tổ|đội|phòng|khoa|chi đoàn|chi hội|đoàn thanh niên|đoàn (phường|xã|trường)|hội (liên|nông|cựu|phụ|chữ)|công ty|xã|phường|thị trấn|đơn vị|cụm|ban|trạm|bệnh viện|trung tâm|cơ quan|ubnd|ủy ban|uỷ ban|khu|ấp|làng|tiểu đội|đại đội|phân đội)(?![\p{L}])/iu;

/** Text that names a group (school, village, class) rather than a person. */
export function looksLikeGroupName(s: string): boolean {
  const t = s.normalize('NFC').trim();
  return ORG_WORDS.test(t) || /\d/.test(t) || /^[IVX]+[.\s]/.test(t) || t.split(/\s+/).length > 7;
}

const NAME_CHARS = /^[\p{L}\s.'-]+$/u;

/** 2–7 words of letters: the shape of a Vietnamese full name. */
export function looksLikePersonName(s: string): boolean {
  const t = s.normalize('NFC').trim();
  const words = t.split(/\s+/);
  return words.length >= 2 && words.length <= 7 && NAME_CHARS.test(t) && !ORG_WORDS.test(t);
}
