import { COMMON_MIDDLE, canonicalWord, nameParts, type NameParts } from './name-fold';

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let i = 0;
    while (i < la && a[i] === b[i]) i++;
    if (i === la) return true;
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/** Similarity of one word pair, 0..1. */
export function wordSimilarity(markedA: string, foldedA: string, markedB: string, foldedB: string): number {
  if (markedA === markedB) return 1;
  if (foldedA === foldedB) return 0.95; // a missing or different diacritic
  if (canonicalWord(foldedA) === canonicalWord(foldedB)) return 0.9; // Hoàng/Huỳnh, Vũ/Võ
  // One-letter typos: only trusted on words long enough that one letter does not make another name
  // (An/Anh, Hà/Hải are different names).
  if (Math.min(foldedA.length, foldedB.length) >= 3 && withinOneEdit(foldedA, foldedB)) {
    return Math.min(foldedA.length, foldedB.length) >= 4 ? 0.8 : 0.7;
  }
  return 0;
}

const W_GIVEN = 0.6;
const W_FAMILY = 0.25;
const W_MIDDLE = 0.15;

function middleSimilarity(a: NameParts, b: NameParts): number {
  const ia = range(1, a.folded.length - 1);
  const ib = range(1, b.folded.length - 1);
  if (!ia.length && !ib.length) return 1;
  const weight = (f: string) => (COMMON_MIDDLE.has(f) ? 0.3 : 1);
  let num = 0;
  let den = 0;
  const side = (x: NameParts, xi: number[], y: NameParts, yi: number[]) => {
    for (const i of xi) {
      let best = 0;
      for (const j of yi) best = Math.max(best, wordSimilarity(x.marked[i], x.folded[i], y.marked[j], y.folded[j]));
      const w = weight(x.folded[i]);
      num += w * best;
      den += w;
    }
  };
  side(a, ia, b, ib);
  side(b, ib, a, ia);
  return den ? num / den : 1;
}

function range(from: number, toExclusive: number): number[] {
  const r: number[] = [];
  for (let i = from; i < toExclusive; i++) r.push(i);
  return r;
}

/**
 * Name similarity 0..1: the given name (last word) weighs most, the family name next, middle names
 * least (and the common Văn/Thị less still).
 */
export function nameSimilarityParts(a: NameParts, b: NameParts): number {
  return nameDetail(a, b).total;
}

export interface NameDetail {
  total: number;
  given: number;
  family: number;
}

/** The weighted total and its two strongest parts (given name, family name). */
export function nameDetail(a: NameParts, b: NameParts): NameDetail {
  const na = a.folded.length;
  const nb = b.folded.length;
  if (!na || !nb) return { total: 0, given: 0, family: 0 };
  const given = wordSimilarity(a.marked[na - 1], a.folded[na - 1], b.marked[nb - 1], b.folded[nb - 1]);
  if (na === 1 || nb === 1) return { total: na === nb ? given : given * 0.7, given, family: 0 };
  const family = wordSimilarity(a.marked[0], a.folded[0], b.marked[0], b.folded[0]);
  return { total: W_GIVEN * given + W_FAMILY * family + W_MIDDLE * middleSimilarity(a, b), given, family };
}

export function nameSimilarity(a: string, b: string): number {
  return nameSimilarityParts(nameParts(a), nameParts(b));
}
