/**
 * Vietnamese alphabetical order for names and text: letter by letter in the Vietnamese alphabet
 * (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; f j w z in their Latin places), and
 * only where the letters are equal, by tone: none, huyền, hỏi, ngã, sắc, nặng.
 * Names sort by the given name (last word) first, then the rest (family and middle names).
 */

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_RANK = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Combining marks that make a letter of its own (ă â ê ô ơ ư). */
const LETTER_MARKS: Record<string, string> = { '\u0306': 'breve', '\u0302': 'circumflex', '\u031b': 'horn' };
const WITH_MARK: Record<string, string> = {
  'a\u0306': 'ă', 'a\u0302': 'â', 'e\u0302': 'ê', 'o\u0302': 'ô', 'o\u031b': 'ơ', 'u\u031b': 'ư',
};
/** Tone marks in dictionary order (0 = no tone). */
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

interface SortKey {
  /** Letter ranks (digits and others after them by code point); 0 separates words. */
  letters: number[];
  /** Tone of each syllable, in order. */
  tones: number[];
}

const cache = new Map<string, SortKey>();

/** The sort key of a text: letters without tone, then the tones of its syllables. */
export function vietnameseSortKey(text: string): SortKey {
  const hit = cache.get(text);
  if (hit) return hit;
  const letters: number[] = [];
  const tones: number[] = [];
  let tone = 0;
  let inWord = false;
  const endWord = () => {
    if (inWord) tones.push(tone);
    tone = 0;
    inWord = false;
  };
  const chars = [...text.normalize('NFD').toLocaleLowerCase('vi')];
  for (let i = 0; i < chars.length; i++) {
    let c = chars[i];
    if (/\s/.test(c)) {
      endWord();
      if (letters.length && letters[letters.length - 1] !== 0) letters.push(0);
      continue;
    }
    if (TONES[c] !== undefined) {
      tone = TONES[c];
      continue;
    }
    if (LETTER_MARKS[c]) {
      // A stray modifier (after a tone mark was taken): fold it into the previous letter when possible.
      continue;
    }
    if (c === 'đ' || c === 'Đ') c = 'đ';
    // A base letter followed (possibly after its tone mark) by a letter-making mark.
    for (let j = i + 1; j < chars.length && j <= i + 2; j++) {
      const m = chars[j];
      if (LETTER_MARKS[m] && WITH_MARK[c + m]) {
        c = WITH_MARK[c + m];
        break;
      }
      if (TONES[m] === undefined) break;
    }
    inWord = true;
    const rank = LETTER_RANK.get(c);
    if (rank !== undefined) letters.push(1000 + rank);
    else if (/[0-9]/.test(c)) letters.push(100 + c.charCodeAt(0));
    else if (/\p{L}/u.test(c)) letters.push(2000 + (c.codePointAt(0) ?? 0));
    else if (/\p{M}/u.test(c)) continue;
    else letters.push(1 + Math.min(98, c.codePointAt(0) ?? 0));
  }
  endWord();
  while (letters.length && letters[letters.length - 1] === 0) letters.pop();
  const key = { letters, tones };
  if (cache.size > 100_000) cache.clear();
  cache.set(text, key);
  return key;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Vietnamese order of two texts (unit names, places): letters first, then tones; case ignored. */
export function compareVietnameseText(a: string, b: string): number {
  if (a === b) return 0;
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return compareArrays(ka.letters, kb.letters) || compareArrays(ka.tones, kb.tones);
}

/** "Nguyễn Văn An" → ["An", "Nguyễn Văn"]. */
export function splitGivenName(fullName: string): { given: string; rest: string } {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return { given: words[words.length - 1] ?? '', rest: words.slice(0, -1).join(' ') };
}

/**
 * THE order of people's names in every list, screen and export: given name, then the rest,
 * each letter by letter in the Vietnamese alphabet and then by tone; ties fall back to the
 * exact text so the order is stable.
 */
export function compareVietnameseNames(a: string, b: string): number {
  if (a === b) return 0;
  const x = splitGivenName(a);
  const y = splitGivenName(b);
  return compareVietnameseText(x.given, y.given) || compareVietnameseText(x.rest, y.rest) || (a < b ? -1 : a > b ? 1 : 0);
}
