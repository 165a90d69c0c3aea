/**
 * Vietnamese name folding for matching. Two forms per word:
 * - `folded`: no diacritics, đ→d, lower case ("hoà" and "hòa" → "hoa");
 * - `marked`: diacritics kept but the tone mark moved to the end of the syllable, so the
 *   two accepted tone placements (Hòa/Hoà, Thủy/Thuỷ) give the same string.
 */

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Regional spelling pairs that name the same family or given name. Keys and values folded. */
const REGIONAL: Record<string, string> = { huynh: 'hoang', vo: 'vu' };

/** Middle names so common they say almost nothing about identity. */
export const COMMON_MIDDLE = new Set(['van', 'thi']);

export interface NameParts {
  /** Words, folded (no diacritics). */
  folded: string[];
  /** Words with diacritics, tone placement normalised. */
  marked: string[];
  /** The marked words joined: equal for the same name however it was typed. */
  markedFull: string;
}

function words(s: string): string[] {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff.,;_-]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

export function foldWord(w: string): string {
  return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

function markWord(w: string): string {
  const d = w.normalize('NFD');
  let base = '';
  let tone = '';
  for (const ch of d) {
    if (TONE_MARKS.has(ch)) tone = ch;
    else base += ch;
  }
  return base + tone;
}

/** Names reuse few distinct words: folding each once keeps a million-row match fast. */
const wordCache = new Map<string, [string, string]>();

function foldAndMark(w: string): [string, string] {
  let r = wordCache.get(w);
  if (!r) {
    r = [foldWord(w), markWord(w)];
    if (wordCache.size > 200_000) wordCache.clear();
    wordCache.set(w, r);
  }
  return r;
}

const nameCache = new Map<string, NameParts>();

/** Parts of a full name (cached: the same names come back again and again). Treat the result as read-only. */
export function nameParts(fullName: string): NameParts {
  let p = nameCache.get(fullName);
  if (!p) {
    p = computeNameParts(fullName);
    if (nameCache.size > 300_000) nameCache.clear();
    nameCache.set(fullName, p);
  }
  return p;
}

function computeNameParts(fullName: string): NameParts {
  const ws = words(fullName);
  const folded: string[] = [];
  const marked: string[] = [];
  for (const w of ws) {
    const [f, m] = foldAndMark(w);
    folded.push(f);
    marked.push(m);
  }
  return { folded, marked, markedFull: marked.join(' ') };
}

/** The regional canonical form of a folded word (huynh → hoang, vo → vu). */
export function canonicalWord(folded: string): string {
  return REGIONAL[folded] ?? folded;
}

/** A folded name with regional pairs unified: the blocking key for names. */
export function canonicalName(fullName: string): string {
  return nameParts(fullName).folded.map(canonicalWord).join(' ');
}
