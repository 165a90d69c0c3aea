/** CCCD/CMND and phone numbers as units type them: numbers that lost zeros, dots, +84, two in a cell. */

export interface Normalized<T> {
  value: T | null;
  /** Why the value is doubtful or lost, in Vietnamese; null when all is well. */
  problem: string | null;
  /** Anything in the cell that the value does not hold (e.g. a second phone number). */
  rest?: string | null;
}

const SEPARATORS = /[\s\u00a0.\-_'’`]/g;

/** A number cell as the digits Excel would show for an integer. */
function numberDigits(n: number): string | null {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n) || n > 1e15) return null;
  return String(n); // every integer up to 1e15 prints in plain digits
}

/**
 * National ID: digits only; 10–11 digits → left-padded to 12 (a CCCD that lost its zeros),
 * 8 → 9 (old CMND); text in scientific notation has lost its digits and is flagged.
 */
export function normalizeNationalId(v: string | number | boolean | null | undefined): Normalized<string> {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return { value: null, problem: null };
  let digits: string | null;
  if (typeof v === 'number') {
    digits = numberDigits(v);
    if (digits === null) return { value: null, problem: 'Số CCCD/CMND không đọc được (không phải số nguyên).' };
  } else {
    const s = v.normalize('NFC').trim();
    if (!s) return { value: null, problem: null };
    if (/^\d+([.,]\d+)?e\+?\d+$/i.test(s.replace(/\s/g, ''))) {
      return { value: null, problem: 'Số CCCD/CMND đã bị Excel đổi sang dạng 1,09E+11 nên mất chữ số; hãy nhập lại số đầy đủ.' };
    }
    let cleaned = /^\d+\.0+$/.test(s) ? s.replace(/\.0+$/, '') : s.replace(SEPARATORS, ''); // "20090012345.0" from a CSV export
    if (!/^\d+$/.test(cleaned)) {
      // "CCCD: 001090012345", "số 0010…": one run of digits in some words
      const runs = s.match(/\d[\d .]{6,}\d/g)?.map((r) => r.replace(/[ .]/g, '')).filter((r) => r.length >= 8 && r.length <= 12) ?? [];
      if (runs.length === 1) cleaned = runs[0];
    }
    if (!/^\d+$/.test(cleaned)) return { value: null, problem: `Số CCCD/CMND "${s.length > 30 ? s.slice(0, 30) + '…' : s}" có ký tự không phải chữ số.` };
    digits = cleaned;
  }
  if (digits.length === 10 || digits.length === 11) digits = digits.padStart(12, '0');
  else if (digits.length === 8) digits = digits.padStart(9, '0');
  if (digits.length !== 9 && digits.length !== 12) {
    return { value: digits, problem: `Số CCCD/CMND có ${digits.length} chữ số (CCCD có 12, CMND có 9).` };
  }
  return { value: digits, problem: null };
}

/** Old 11-digit mobile prefixes (changed in 2018) → today's 10-digit ones. */
const OLD_PREFIXES: Record<string, string> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
};

function phoneFromDigits(raw: string): string | null {
  let d = raw;
  if (d.startsWith('0084')) d = '0' + d.slice(4);
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = '0' + d.slice(2);
  if (d.length === 9 && d[0] !== '0') d = '0' + d;
  if (d.length === 10 && d[0] !== '0' && d.startsWith('1')) d = '0' + d; // 1xx… old mobile typed as a number
  if (d.length === 11 && OLD_PREFIXES[d.slice(0, 4)]) d = OLD_PREFIXES[d.slice(0, 4)] + d.slice(4);
  if (d.length === 10 && d[0] === '0') return d;
  if (d.length === 11 && d.startsWith('02')) return d; // landline with area code
  return null;
}

/** Splits a cell listing several numbers ("0912… / 0988…", "0912…; 0988…", "0912… hoặc 0988…"). */
function splitNumbers(s: string): string[] {
  return s
    .split(/\s*(?:[\/;,|\n]|\bhoặc\b|\bhoac\b|\bhay\b|\s-\s|\s{2,})\s*/i)
    .map((p) => p.trim())
    .filter((p) => /\d/.test(p));
}

/** Phone: 0 + 9 digits. Formatting removed; +84/84 → 0; 9 digits get their 0 back; first of two numbers kept. */
export function normalizePhone(v: string | number | boolean | null | undefined): Normalized<string> {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return { value: null, problem: null };
  if (typeof v === 'number') {
    const digits = numberDigits(v);
    const p = digits ? phoneFromDigits(digits) : null;
    return p ? { value: p, problem: null } : { value: digits, problem: 'Số điện thoại không hợp lệ (di động có 10 chữ số, bắt đầu bằng 0).' };
  }
  const s = v.normalize('NFC').trim().replace(/^(\+?\d+)\.0+$/, '$1');
  if (!s) return { value: null, problem: null };
  const compact = s.replace(/[\s\u00a0.\-()]/g, '');
  let parts: string[];
  if (/^\+?\d+$/.test(compact) && compact.replace('+', '').length <= 12) parts = [s];
  else parts = splitNumbers(s);
  if (parts.length === 0) return { value: null, problem: `Ô số điện thoại "${s.slice(0, 30)}" không có số nào.` };
  const first = parts[0].replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  const digits = first.replace(/^\+/, '');
  const p = phoneFromDigits(first.startsWith('+') && !digits.startsWith('84') ? digits : digits);
  const rest = parts.length > 1 ? parts.slice(1).join('; ') : null;
  if (!p) return { value: digits || null, problem: 'Số điện thoại không hợp lệ (di động có 10 chữ số, bắt đầu bằng 0).', rest };
  return { value: p, problem: null, rest };
}
