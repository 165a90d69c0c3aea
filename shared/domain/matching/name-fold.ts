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

export function nameParts(fullName: string): NameParts {
  const ws = words(fullName);
  return { folded: ws.map(foldWord), marked: ws.map(markWord) };
}

/** The regional canonical form of a folded word (huynh → hoang, vo → vu). */
export function canonicalWord(folded: string): string {
  return REGIONAL[folded] ?? folded;
}

/** A folded name with regional pairs unified: the blocking key for names. */
export function canonicalName(fullName: string): string {
  return nameParts(fullName).folded.map(canonicalWord).join(' ');
}
