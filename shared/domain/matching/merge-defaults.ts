import { foldWord } from './name-fold';

export type MergeSide = 'survivor' | 'merged';

/** Count of diacritic marks (đ counts): the fuller spelling of the same name has more. */
function marks(s: string): number {
  let n = 0;
  for (const ch of s.normalize('NFD')) if (/[\u0300-\u036f]/.test(ch) || ch === 'đ' || ch === 'Đ') n++;
  return n;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHARP_OR_HEAVY = /[\u0301\u0323]/;
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?([aăâeêioôơuưy]{1,3})(ch|nh|ng|c|m|n|p|t)?$/;

/**
 * Whether one word can be a Vietnamese syllable: an initial consonant, one to three vowels, a
 * permitted final; a stop final (c, ch, p, t) only with the sắc or nặng tone. "Tịh", "Hồg", "Vn"
 * are not; "Thị", "Hồng", "Nguyễn", "Quỳnh" are.
 */
export function isPlausibleSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const toneless = nfd.replace(TONE_MARKS, '').normalize('NFC');
  const m = SYLLABLE.exec(toneless);
  if (!m) return false;
  if (m[3] && /^(c|ch|p|t)$/.test(m[3]) && !SHARP_OR_HEAVY.test(nfd)) return false;
  return true;
}

/** Words of a name that cannot be Vietnamese syllables (typos such as "Tịh", a dropped letter). */
export function implausibleWords(name: string): number {
  return name.trim().split(/\s+/).filter((w) => w && !isPlausibleSyllable(w)).length;
}

const clean = (v: unknown): string => (v === null || v === undefined ? '' : String(v).normalize('NFC').trim().replace(/\s+/g, ' '));
const isEmpty = (v: unknown) => clean(v) === '';
const foldName = (s: string) => s.toLowerCase().split(/\s+/).map(foldWord).join(' ');
/** "Nguyễn Thị Lan": each word capitalised, nothing else in capitals. */
const wellCased = (s: string) => s.split(' ').every((w) => w === w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());

export interface MergeProposal {
  /** Whose value the merge proposes to keep. */
  choice: MergeSide;
  /** The two values are not written the same way (the screen marks the row). */
  differs: boolean;
  /** Why the proposed value is the better one, in the clerk's words; null when there is nothing to choose. */
  reason: string | null;
}

/** How many rows (list lines) of each side write this person; more rows agreeing make a value more likely right. */
export interface MergeSupport {
  survivor: number;
  merged: number;
}

const keep = (choice: MergeSide, differs: boolean, reason: string | null): MergeProposal => ({ choice, differs, reason });

/**
 * The better of two values of one field when two records of a person are merged, and whether they
 * differ at all. In order: a value over an empty one; for names the spelling whose words are all
 * Vietnamese syllables; the value more rows agree on; the same name with its full diacritics; the
 * full birth date over a bare year; the more complete address or workplace; proper capitalisation.
 * Otherwise the survivor's (the earlier record's) value.
 */
export function proposeMergeValue(field: string, survivor: unknown, merged: unknown, support?: MergeSupport): MergeProposal {
  const a = clean(survivor);
  const b = clean(merged);
  if (!a && !b) return keep('survivor', false, null);
  if (!a) return keep('merged', true, 'có thông tin');
  if (!b) return keep('survivor', true, 'có thông tin');
  if (a === b) return keep('survivor', false, null);
  const isName = field === 'fullName' || field === 'full_name';
  if (isName) {
    const ia = implausibleWords(a);
    const ib = implausibleWords(b);
    if (ia !== ib) return keep(ia < ib ? 'survivor' : 'merged', true, 'viết đúng chính tả tiếng Việt');
  }
  if (support && support.survivor !== support.merged) {
    return keep(support.survivor > support.merged ? 'survivor' : 'merged', true, `giống với nhiều dòng hơn (${Math.max(support.survivor, support.merged)} dòng)`);
  }
  if (isName) {
    if (foldName(a) === foldName(b)) {
      const ma = marks(a);
      const mb = marks(b);
      if (ma !== mb) return keep(ma > mb ? 'survivor' : 'merged', true, 'đủ dấu tiếng Việt');
      const ca = wellCased(a);
      const cb = wellCased(b);
      if (ca !== cb) return keep(ca ? 'survivor' : 'merged', true, 'viết hoa đúng cách');
    }
    return keep('survivor', true, null);
  }
  if (field === 'birthDate' || field === 'birth_date') {
    if (a.length === 4 && b.length === 10 && b.startsWith(a)) return keep('merged', true, 'có đủ ngày, tháng, năm');
    if (b.length === 4 && a.length === 10 && a.startsWith(b)) return keep('survivor', true, 'có đủ ngày, tháng, năm');
    return keep('survivor', true, null);
  }
  if (field === 'address' || field === 'workplace') {
    const fa = foldName(a);
    const fb = foldName(b);
    if (fa !== fb && fb.includes(fa)) return keep('merged', true, 'đầy đủ hơn');
    if (fa !== fb && fa.includes(fb)) return keep('survivor', true, 'đầy đủ hơn');
    if (fa === fb && marks(a) !== marks(b)) return keep(marks(a) > marks(b) ? 'survivor' : 'merged', true, 'đủ dấu tiếng Việt');
  }
  return keep('survivor', true, null);
}

/**
 * Whose value a merge keeps for one field when the clerk did not choose (bulk merge, the service's
 * default): the proposal above.
 */
export function defaultMergeChoice(field: string, survivor: unknown, merged: unknown, support?: MergeSupport): MergeSide {
  if (isEmpty(survivor) && isEmpty(merged)) return 'survivor';
  return proposeMergeValue(field, survivor, merged, support).choice;
}
