import { foldWord } from './name-fold';

/** Count of diacritic marks (đ counts): the fuller spelling of the same name has more. */
function marks(s: string): number {
  let n = 0;
  for (const ch of s.normalize('NFD')) if (/[\u0300-\u036f]/.test(ch) || ch === 'đ' || ch === 'Đ') n++;
  return n;
}

/**
 * Whose value a merge keeps for one field when the clerk did not choose: the survivor's, unless it
 * is empty, a bare year the other gives in full, or the same name written without its diacritics.
 */
export function defaultMergeChoice(field: string, survivor: unknown, merged: unknown): 'survivor' | 'merged' {
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  if (empty(survivor)) return empty(merged) ? 'survivor' : 'merged';
  if (empty(merged)) return 'survivor';
  if ((field === 'birthDate' || field === 'birth_date') && typeof survivor === 'string' && typeof merged === 'string') {
    return survivor.length === 4 && merged.length === 10 && merged.startsWith(survivor) ? 'merged' : 'survivor';
  }
  if ((field === 'fullName' || field === 'full_name') && typeof survivor === 'string' && typeof merged === 'string') {
    const fold = (s: string) => s.toLowerCase().split(/\s+/).map(foldWord).join(' ');
    return fold(survivor) === fold(merged) && marks(merged) > marks(survivor) ? 'merged' : 'survivor';
  }
  return 'survivor';
}
