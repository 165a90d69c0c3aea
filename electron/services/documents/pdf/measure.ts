import { loadFontBuffers } from './fonts';

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

let regular: FontkitFont | null = null;
const cache = new Map<string, number>();

/** Advance width of `text` in Tinos Regular at 1 pt (fontkit is pdfmake's own font engine, via pdfkit). */
function unitWidth(text: string): number {
  let w = cache.get(text);
  if (w !== undefined) return w;
  if (!regular) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fontkit = require('fontkit') as { create(buf: Buffer): FontkitFont };
    regular = fontkit.create(loadFontBuffers().normal);
  }
  w = regular.layout(text.normalize('NFC')).advanceWidth / regular.unitsPerEm;
  if (cache.size < 50_000) cache.set(text, w);
  return w;
}

/**
 * Lines a text takes in a column, wrapping at spaces as pdfmake does (long words split).
 * Measured in Tinos Regular; `width` is the column’s content width (pdfmake pads outside it); `bold` adds the bold face's extra width (~4%).
 */
export function measuredLines(text: string, width: number, fontSize: number, opts: { bold?: boolean; padding?: number } = {}): number {
  const avail = width - (opts.padding ?? 0);
  const k = fontSize * (opts.bold ? 1.05 : 1.01);
  const space = unitWidth(' ') * k;
  let lines = 0;
  for (const para of text.split('\n')) {
    let n = 1;
    let current = 0;
    for (const word of para.split(' ').filter(Boolean)) {
      let w = unitWidth(word) * k;
      if (current > 0 && current + space + w > avail) {
        n++;
        current = 0;
      }
      while (w > avail) {
        n++;
        w -= avail;
      }
      current += (current > 0 ? space : 0) + w;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Width in points of one line of `text` (Tinos; bold adds ~4%). */
export function textWidth(text: string, fontSize: number, opts: { bold?: boolean } = {}): number {
  return unitWidth(text) * fontSize * (opts.bold ? 1.05 : 1.01);
}

/** Words that read as one and are never split over two lines in a heading. */
const GLUED = ['ủy ban nhân dân', 'ban chỉ đạo', 'chữ thập đỏ', 'hiến máu', 'tình nguyện', 'vận động', 'thành phố', 'thị xã', 'thị trấn', 'nhân dân', 'lạng sơn'];

function glueWords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const rest = words.slice(i).join(' ').toLocaleLowerCase('vi');
    const g = GLUED.find((p) => rest === p || rest.startsWith(p + ' '));
    const n = g ? g.split(' ').length : 1;
    out.push(words.slice(i, i + n).join(' '));
    i += n;
  }
  return out;
}

/**
 * A heading's lines, balanced: as few lines as the width allows, the longest as short as possible,
 * and phrases such as "THÀNH PHỐ" or "HIẾN MÁU TÌNH NGUYỆN" kept on one line — so no "…THÀNH / PHỐ".
 */
export function balancedLines(text: string, width: number, fontSize: number, opts: { bold?: boolean } = {}): string[] {
  const tokens = glueWords(text.normalize('NFC').split(/\s+/).filter(Boolean));
  if (tokens.length < 2) return tokens;
  const w = (from: number, to: number) => textWidth(tokens.slice(from, to).join(' '), fontSize, opts);
  const avail = width - 2;
  if (tokens.some((t) => textWidth(t, fontSize, opts) > avail)) return [text];
  const n = tokens.length;
  // best[i][k]: the smallest "longest line" laying tokens[i..] on k lines (Infinity when impossible).
  const memo = new Map<string, { worst: number; breaks: number[] }>();
  const solve = (i: number, k: number): { worst: number; breaks: number[] } => {
    const key = `${i}:${k}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let best = { worst: Infinity, breaks: [] as number[] };
    if (k === 1) {
      const lw = w(i, n);
      best = lw <= avail ? { worst: lw, breaks: [] } : best;
    } else {
      for (let j = i + 1; j <= n - k + 1; j++) {
        const lw = w(i, j);
        if (lw > avail) break;
        const r = solve(j, k - 1);
        const worst = Math.max(lw, r.worst);
        if (worst < best.worst) best = { worst, breaks: [j, ...r.breaks] };
      }
    }
    memo.set(key, best);
    return best;
  };
  for (let k = 1; k <= n; k++) {
    const r = solve(0, k);
    if (r.worst < Infinity) {
      const cuts = [0, ...r.breaks, n];
      return cuts.slice(0, -1).map((c, i) => tokens.slice(c, cuts[i + 1]).join(' '));
    }
  }
  return [text];
}
