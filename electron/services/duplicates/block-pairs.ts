/**
 * Blocking without quadratic loops: every (key, record) becomes one number hash·2^22 + index in a
 * typed array; one numeric sort brings each block together; only records inside a block are paired.
 * Hash collisions only add comparisons (every pair is scored), never lose one.
 */

const IDX_BITS = 4_194_304; // 2^22 records at most
export const MAX_RECORDS = IDX_BITS;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x3fffffff; // 30 bits: with 22 bits of index the code stays an exact double
}

export interface BlockResult {
  /** Pair codes a·2^22 + b with a < b. */
  pairs: number[];
  /** Blocks too large to pair (e.g. one office phone written for everyone). */
  oversizedBlocks: number;
}

export class BlockCollector {
  private buf: Float64Array;
  private n = 0;

  constructor(expectedKeys: number) {
    this.buf = new Float64Array(Math.max(16, expectedKeys));
  }

  add(index: number, key: string): void {
    if (index >= IDX_BITS) throw new Error('too many records for one matching run');
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = fnv1a(key) * IDX_BITS + index;
  }

  /** Pairs sharing a block; `wanted(i, j)` filters (e.g. at least one side in the campaign). */
  pairs(maxBlock: number, wanted: (i: number, j: number) => boolean): BlockResult {
    const arr = this.buf.subarray(0, this.n).sort();
    const seen = new Set<number>();
    const pairs: number[] = [];
    let oversized = 0;
    let start = 0;
    while (start < arr.length) {
      const h = Math.floor(arr[start] / IDX_BITS);
      let end = start + 1;
      while (end < arr.length && Math.floor(arr[end] / IDX_BITS) === h) end++;
      const size = end - start;
      if (size > maxBlock) oversized++;
      else if (size > 1) {
        for (let x = start; x < end; x++) {
          const i = arr[x] - h * IDX_BITS;
          for (let y = x + 1; y < end; y++) {
            const j = arr[y] - h * IDX_BITS;
            if (i === j || !wanted(i, j)) continue;
            const code = i < j ? i * IDX_BITS + j : j * IDX_BITS + i;
            if (seen.has(code)) continue;
            seen.add(code);
            pairs.push(code);
          }
        }
      }
      start = end;
    }
    return { pairs, oversizedBlocks: oversized };
  }
}

export function decodePair(code: number): [number, number] {
  const a = Math.floor(code / IDX_BITS);
  return [a, code - a * IDX_BITS];
}
