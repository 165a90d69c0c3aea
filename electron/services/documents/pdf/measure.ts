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
