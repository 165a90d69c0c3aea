/** Birth dates as lists hold them: real Excel dates, serial numbers, d/m/yyyy text, or a year. */
import type { Normalized } from './ids-phones';

const DAY_MS = 86_400_000;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An Excel serial day number as an ISO date (1900 system, with its phantom 29 Feb 1900, or 1904). */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const dt = new Date(epoch + whole * DAY_MS);
  return dt.toISOString().slice(0, 10);
}

function fullYear(y: number, twoDigits: boolean, refYear: number): number {
  if (!twoDigits) return y;
  const pivot = refYear % 100;
  return y > pivot ? 1900 + y : 2000 + y;
}

/**
 * Normalises a birth date to YYYY-MM-DD, or YYYY when only the year is given. A bare 4-digit number
 * in a date column is a year, never an Excel serial.
 */
export function normalizeBirthDate(
  v: string | number | boolean | null | undefined,
  opts: { date?: string; date1904?: boolean; refYear?: number } = {},
): Normalized<string> {
  const refYear = opts.refYear ?? new Date().getFullYear();
  if (opts.date) return { value: opts.date, problem: null };
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return { value: null, problem: null };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1000 && v <= 9999) return yearOnly(v, refYear);
    if (v >= 1 && v < 1000) return { value: null, problem: `Ngày sinh "${v}" không phải là ngày hay năm hợp lệ.` };
    if (Number.isInteger(v) && v >= 1_000_000 && v <= 99_999_999) return compactDigits(String(v), refYear);
    const d = excelSerialToIso(v, opts.date1904);
    return d ? { value: d, problem: null } : { value: null, problem: `Ngày sinh "${v}" không đọc được.` };
  }
  const s = v.normalize('NFC').replace(/[\u00a0\s]+/g, ' ').trim().replace(/^'+/, '');
  if (!s) return { value: null, problem: null };
  let m = /^(\d{4})$/.exec(s);
  if (m) return yearOnly(Number(m[1]), refYear);
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return checked(iso(Number(m[1]), Number(m[2]), Number(m[3])), s);
  m = /^(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = fullYear(Number(m[3]), m[3].length === 2, refYear);
    let d = Number(m[1]);
    let mo = Number(m[2]);
    if (mo > 12 && d <= 12) [d, mo] = [mo, d]; // written month first
    return checked(iso(y, mo, d), s);
  }
  m = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:năm\s*)?(\d{4})$/i.exec(s);
  if (m) return checked(iso(Number(m[3]), Number(m[2]), Number(m[1])), s);
  m = /^(?:tháng\s*)?(\d{1,2})\s*[\/.\-]\s*(\d{4})$/i.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return yearOnly(Number(m[2]), refYear);
  m = /^(?:năm\s*)?(\d{4})$/i.exec(s.replace(/^sinh\s*/i, ''));
  if (m) return yearOnly(Number(m[1]), refYear);
  if (/^\d{7,8}$/.test(s)) return compactDigits(s, refYear);
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const d = excelSerialToIso(Number(s), opts.date1904);
    if (d) return { value: d, problem: null };
  }
  return { value: null, problem: `Ngày sinh "${s.slice(0, 30)}" không đọc được (cần dạng ngày/tháng/năm hoặc năm).` };
}

function yearOnly(y: number, refYear: number): Normalized<string> {
  if (y < 1900 || y > refYear) return { value: String(y), problem: `Năm sinh ${y} không hợp lý.` };
  return { value: String(y), problem: null };
}

function checked(d: string | null, s: string): Normalized<string> {
  return d ? { value: d, problem: null } : { value: null, problem: `Ngày sinh "${s}" không tồn tại (sai ngày hoặc tháng).` };
}

/** 12031990 / 1231990 / 19900312 typed as one number. */
function compactDigits(s: string, refYear: number): Normalized<string> {
  const y4 = Number(s.slice(0, 4));
  if (s.length === 8 && y4 >= 1900 && y4 <= refYear) return checked(iso(y4, Number(s.slice(4, 6)), Number(s.slice(6, 8))), s);
  const y = Number(s.slice(-4));
  const dm = s.slice(0, -4);
  const d = Number(dm.length === 4 ? dm.slice(0, 2) : dm.slice(0, 1));
  const mo = Number(dm.length === 4 ? dm.slice(2) : dm.slice(1));
  return checked(iso(y, mo, d), s);
}

/** Completed years on `onDate` for a full date; for a year only, the two possible ages. */
export function agesOn(birth: string, onDate: string): [number, number] {
  const oy = Number(onDate.slice(0, 4));
  if (/^\d{4}$/.test(birth)) {
    const y = Number(birth);
    return [oy - y - 1, oy - y];
  }
  const by = Number(birth.slice(0, 4));
  const bmd = birth.slice(5);
  const omd = onDate.slice(5, 10);
  const age = oy - by - (omd < bmd ? 1 : 0);
  return [age, age];
}
