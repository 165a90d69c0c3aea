/**
 * Splits table rows into pages ourselves (so each page can carry its own subtotal):
 * a row's height is estimated from how many lines its longest cell needs at the column width.
 * The estimate is deliberately generous so a page never overflows.
 */
export interface WrapColumn {
  /** Column width in points. */
  width: number;
}

/** Average advance of a Times-metric glyph is ~0.47 em; 0.5 leaves margin for capitals and wide letters. */
const AVG_CHAR_EM = 0.5;

export function estimateLines(text: string, width: number, fontSize: number, padding = 8): number {
  if (!text) return 1;
  const perLine = Math.max(1, Math.floor((width - padding) / (fontSize * AVG_CHAR_EM)));
  let lines = 0;
  for (const para of text.split('\n')) {
    let current = 0;
    let n = 1;
    for (const word of para.split(' ')) {
      const len = word.length;
      if (current === 0) current = len;
      else if (current + 1 + len <= perLine) current += 1 + len;
      else {
        n++;
        current = len;
      }
      while (current > perLine) {
        n++;
        current -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

/** Packs rows (by their line counts) into pages of `firstCapacity` then `capacity` lines. */
export function packRows(rowLines: number[], firstCapacity: number, capacity: number): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  let cap = firstCapacity;
  rowLines.forEach((lines, i) => {
    if (current.length > 0 && used + lines > cap) {
      pages.push(current);
      current = [];
      used = 0;
      cap = capacity;
    }
    current.push(i);
    used += lines;
  });
  if (current.length || pages.length === 0) pages.push(current);
  return pages;
}

/**
 * Keeps the closing block (sums in words, signatures) with some rows: when it would not fit under
 * the last page's rows, the last rows move to a new page with it (signatures never stand alone).
 */
export function keepTailWithRows(pages: number[][], heights: number[], firstCapacity: number, capacity: number, tail: number): number[][] {
  const out = pages.map((p) => [...p]);
  const last = out[out.length - 1];
  const cap = out.length === 1 ? firstCapacity : capacity;
  let used = last.reduce((s, i) => s + heights[i], 0);
  if (used + tail <= cap || last.length === 0) return out;
  const moved: number[] = [];
  while (last.length > 1 && (moved.length === 0 || moved.reduce((s, i) => s + heights[i], 0) + tail > capacity)) {
    moved.unshift(last.pop()!);
    used = last.reduce((s, i) => s + heights[i], 0);
    if (moved.reduce((s, i) => s + heights[i], 0) + tail <= capacity) break;
  }
  if (moved.length) out.push(moved);
  return out;
}
