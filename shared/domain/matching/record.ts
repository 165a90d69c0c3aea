import { canonicalWord, nameParts, type NameParts } from './name-fold';
import { cccdMismatches, idKind, type IdKind } from './national-id';

/** What matching knows of one person (one row of a list, or one person of the registry). */
export interface MatchRecord {
  id: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  /** YYYY-MM-DD, or YYYY when only the year is known. */
  birthDate: string | null;
  nationalId: string | null;
  phone: string | null;
}

/** A record with its derived forms computed once. */
export interface PreparedRecord {
  rec: MatchRecord;
  name: NameParts;
  year: number | null;
  fullDate: string | null;
  idKind: IdKind | null;
  /** The row's own CCCD disagrees with its sex or birth year. */
  selfMismatch: ('gender' | 'year')[];
}

export function birthYearOf(birthDate: string | null): number | null {
  const m = birthDate ? /^(\d{4})/.exec(birthDate) : null;
  return m ? Number(m[1]) : null;
}

export function prepareRecord(rec: MatchRecord): PreparedRecord {
  const year = birthYearOf(rec.birthDate);
  const fullDate = rec.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(rec.birthDate) ? rec.birthDate : null;
  const id = rec.nationalId && rec.nationalId.length >= 8 ? rec.nationalId : null;
  return {
    rec,
    name: nameParts(rec.fullName),
    year,
    fullDate,
    idKind: id ? idKind(id) : null,
    selfMismatch: cccdMismatches(id, rec.gender, year),
  };
}

/**
 * Blocking keys: two records are compared only when they share one. ID, phone, name+year, and — to
 * catch a typo in one word of the name — given name + full date and family name + full date.
 */
export function blockingKeys(p: PreparedRecord): string[] {
  const keys: string[] = [];
  const { rec, name, year, fullDate } = p;
  if (rec.nationalId && rec.nationalId.length >= 8) keys.push('i' + rec.nationalId);
  if (rec.phone && rec.phone.length >= 9) keys.push('p' + rec.phone);
  const n = name.folded.length;
  if (n) {
    keys.push('n' + name.folded.map(canonicalWord).join(' ') + '|' + (year ?? ''));
    if (fullDate) {
      keys.push('g' + canonicalWord(name.folded[n - 1]) + '|' + fullDate);
      // a typo rarely hits the given name's first letter: keeps these blocks small for Nguyễn
      if (n > 1) keys.push('s' + canonicalWord(name.folded[0]) + '|' + name.folded[n - 1][0] + '|' + fullDate);
    }
  }
  return keys;
}
