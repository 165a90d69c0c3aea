/** Names, gender, x-marks, blood groups and donation counts as lists write them. */
import { collapseSpaces, foldVietnamese } from '../text';
import { needsCollapse } from './cells';

const LETTER = /\p{L}/u;
const END_PUNCTUATION = /^[\s.,;:*\-–]+|[\s.,;:*\-–]+$/g;

/** NFC, single spaces, each word capitalised; stray punctuation at the ends removed. */
export function normalizeName(v: string | number | boolean | null | undefined): string | null {
  if (v === null || v === undefined || typeof v !== 'string') return null;
  const s = collapseSpaces(v.normalize('NFC')).replace(END_PUNCTUATION, '');
  if (!s || !LETTER.test(s)) return null;
  // Vietnamese has no locale-specific case rules, so the plain (much faster) case mapping is exact.
  const lower = s.toLowerCase();
  let out = '';
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && lower.charCodeAt(i) !== 0x20) continue;
    if (i > start) out += lower[start].toUpperCase() + lower.slice(start + 1, i);
    if (i < lower.length) out += ' ';
    start = i + 1;
  }
  return out.normalize('NFC');
}

/** Joins split "Họ đệm" + "Tên" columns with one space. */
export function joinNameParts(first: string | null, last: string | null): string | null {
  const parts = [first, last].filter((p): p is string => !!p && p.trim() !== '');
  return parts.length ? normalizeName(parts.join(' ')) : null;
}

/** 'M' / 'F' from a Giới tính cell: Nam/Nữ/nu/male/female/trai/gái, M/F. */
export function normalizeGender(v: string | number | boolean | null | undefined): 'M' | 'F' | null {
  if (typeof v !== 'string') return null;
  const f = foldVietnamese(v).replace(/[^a-z]/g, '');
  if (['nam', 'm', 'male', 'trai', 'namgioi', 'ong'].includes(f)) return 'M';
  if (['nu', 'f', 'female', 'gai', 'nugioi', 'ba'].includes(f)) return 'F';
  return null;
}

/** A cell that marks a Nam/Nữ column: x, X, ✓, v, 1, "có". */
export function isMark(v: string | number | boolean | null | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1;
  const s = foldVietnamese(v);
  return /^(x+|v|\u2713|\u2714|\u2611|1|co|\*|\+)$/.test(s);
}

/** ABO letters with Rh when stated: "Nhóm O" → O, "B (Rh+)" → B+, "0" → O, "AB Rh âm" → AB-. */
export function normalizeBloodGroup(v: string | number | boolean | null | undefined): { value: string | null; problem: string | null } {
  if (v === null || v === undefined || v === '' || typeof v === 'boolean') return { value: null, problem: null };
  const original = String(v).trim();
  if (!original) return { value: null, problem: null };
  let s = foldVietnamese(original).toUpperCase();
  s = s.replace(/NHOM\s*MAU|NHOM/g, '').replace(/CHUA\s*BIET|KHONG\s*BIET|KHONG\s*RO|CHUA\s*RO/g, '?');
  let rh = '';
  if (/RH\s*\(?\s*\+|DUONG|\(\+\)|POSITIVE|\bPOS\b/.test(s)) rh = '+';
  else if (/RH\s*\(?\s*-|\bAM\b|\(-\)|NEGATIVE|\bNEG\b/.test(s)) rh = '-';
  s = s.replace(/RH|DUONG|\bAM\b|POSITIVE|NEGATIVE|\bPOS\b|\bNEG\b/g, '').replace(/[\s()]/g, '');
  if (s === '?' || s === '') return { value: null, problem: s === '?' ? null : null };
  const m = /^(AB|A|B|O|0)([+-]?)$/.exec(s);
  if (!m) return { value: null, problem: `Nhóm máu "${original.slice(0, 20)}" không rõ (cần A, B, AB hoặc O).` };
  const abo = m[1] === '0' ? 'O' : m[1];
  return { value: abo + (m[2] || rh), problem: null };
}

/** "3", "3 lần", "Đã hiến 3 lần" → 3. */
export function normalizeDonationCount(v: string | number | boolean | null | undefined): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 500 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /(\d{1,3})/.exec(v);
  if (m) return Number(m[1]);
  return /lần đầu|lan dau|chưa|chua/i.test(v) ? 0 : null;
}

/** Plain text fields (address, workplace, note): NFC and single spaces. */
export function normalizeText(v: string | number | boolean | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = String(v).normalize('NFC');
  const s = needsCollapse(t) ? collapseSpaces(t) : t;
  return s || null;
}
