/**
 * A person's identity, in one place: the search key stored on `people`, and the comparable forms of
 * a name, an ID number, a phone and a birth year. Every reader (lists, result lists, walk-ins, the
 * registry) and every writer of `people` goes through these, so two parts of the app can never
 * disagree about whether two rows carry the same ID or the same name.
 */
import { foldVietnamese } from '../text';
import { normalizeNationalId, normalizePhone } from '../import/ids-phones';

/** The folded name (no case, no diacritics, đ→d, single spaces): what "same name" means. */
export function nameKey(fullName: string | null | undefined): string {
  return fullName ? foldVietnamese(fullName) : '';
}

/**
 * `people.search_key`: the folded name, then the ID and phone digits, so one indexed prefix/LIKE
 * lookup finds a person by any of them. It is a search key, never an identity: compare names with
 * `nameKey`.
 */
export function personSearchKey(p: { fullName: string | null | undefined; nationalId?: string | null; phone?: string | null }): string {
  return [nameKey(p.fullName), p.nationalId ?? '', p.phone ?? ''].filter(Boolean).join(' ');
}

/** A CCCD (12 digits) or CMND (9) as the importer normalises it; null when the cell holds no valid one. */
export function idKey(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  // what the importer already stored: the hot path of every index build
  if (typeof raw === 'string' && (raw.length === 12 || raw.length === 9) && /^\d+$/.test(raw)) return raw;
  const n = normalizeNationalId(raw);
  return n.value && !n.problem ? n.value : null;
}

/** A phone as the importer normalises it (0 + 9 digits, +84/0084 and old prefixes converted); null when none. */
export function phoneKey(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' && raw.length === 10 && /^0\d{9}$/.test(raw)) return raw;
  const n = normalizePhone(raw);
  return n.value && !n.problem ? n.value : null;
}

/** The year of a stored birth date ("1990-03-12" or "1990"). */
export function birthYearOf(birthDate: string | null | undefined): number | null {
  const m = birthDate ? /^(\d{4})/.exec(birthDate) : null;
  return m ? Number(m[1]) : null;
}
