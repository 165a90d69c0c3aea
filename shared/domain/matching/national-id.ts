/** CCCD (12 digits) and CMND (9 digits): kind, and what a CCCD says about its holder. */

export type IdKind = 'cccd' | 'cmnd' | 'other';

export function idKind(id: string): IdKind {
  if (/^\d{12}$/.test(id)) return 'cccd';
  if (/^\d{9}$/.test(id)) return 'cmnd';
  return 'other';
}

export interface CccdFacts {
  gender: 'M' | 'F';
  birthYear: number;
}

/** Digit 4: sex + century (0/1 = male/female born 1900s, 2/3 = 2000s, 4/5 = 2100s…); digits 5–6: year. */
export function cccdFacts(id: string): CccdFacts | null {
  if (idKind(id) !== 'cccd') return null;
  const d = Number(id[3]);
  if (d > 9) return null;
  const century = 1900 + Math.floor(d / 2) * 100;
  return { gender: d % 2 === 0 ? 'M' : 'F', birthYear: century + Number(id.slice(4, 6)) };
}

/** Problems of a CCCD against the sex and birth year written on the same row. */
export function cccdMismatches(id: string | null, gender: 'M' | 'F' | null, birthYear: number | null): ('gender' | 'year')[] {
  const f = id ? cccdFacts(id) : null;
  if (!f) return [];
  const out: ('gender' | 'year')[] = [];
  if (gender && f.gender !== gender) out.push('gender');
  if (birthYear !== null && f.birthYear !== birthYear) out.push('year');
  return out;
}
