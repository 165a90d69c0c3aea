/**
 * A linear-time scanner over the XML parts of an .xlsx, working on the inflated bytes (no big
 * string, no backtracking regex): every byte is looked at a bounded number of times, so a broken
 * or hostile part costs time proportional to its size, never more.
 */
import { AppError } from '../../../shared/errors/app-error';

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : parseInt(hex!, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

export const EOF = 0;
export const OPEN = 1;
export const CLOSE = 2;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;

/** Longest start tag accepted (attributes included); longer ones are a damaged or hostile part. */
const MAX_TAG_BYTES = 64 * 1024;

/**
 * Short names (the hot ones: c, v, row, t, f, is, r…) are interned in a small direct-mapped table
 * (a fixed size, so a hostile part cannot grow it), so scanning allocates no string for them.
 */
const SHORT_SLOTS = 1024;
const SHORT_CODES = new Int32Array(SHORT_SLOTS);
const SHORT_TEXTS: string[] = new Array<string>(SHORT_SLOTS).fill('');

function tagName(buf: Buffer, start: number, end: number): string {
  const len = end - start;
  if (len === 0) return '';
  if (len <= 3) {
    const code = (len << 24) | buf[start] | (len > 1 ? buf[start + 1] << 8 : 0) | (len > 2 ? buf[start + 2] << 16 : 0);
    const slot = (code ^ (code >>> 10) ^ (code >>> 20)) & (SHORT_SLOTS - 1);
    if (SHORT_CODES[slot] === code) return SHORT_TEXTS[slot];
    const made = len === 1 ? String.fromCharCode(buf[start]) : len === 2 ? String.fromCharCode(buf[start], buf[start + 1]) : String.fromCharCode(buf[start], buf[start + 1], buf[start + 2]);
    // A property key is an internalised string: compared with the literals ('c', 'row', 'r'…) by identity.
    const n = Object.keys({ [made]: 0 })[0];
    SHORT_CODES[slot] = code;
    SHORT_TEXTS[slot] = n;
    return n;
  }
  return buf.toString('latin1', start, end);
}

/** The next '<' at or after `from` (before `end`), or `end`: a short JS loop first, the native search for long text. */
function nextLt(buf: Buffer, from: number, end: number): number {
  const near = Math.min(end, from + 32);
  for (let i = from; i < near; i++) if (buf[i] === LT) return i;
  if (near >= end) return end;
  const i = buf.indexOf(LT, near);
  return i < 0 || i >= end ? end : i;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export class XmlScanner {
  /** Position after the last tag returned. */
  pos: number;
  kind = EOF;
  /** Local name (prefix removed) of the tag returned. */
  name = '';
  selfClosing = false;
  private attrStart = 0;
  private attrEnd = 0;
  /** The start tag's attributes, parsed once per tag (when first asked for) into the arrays below. */
  private attrsParsed = false;
  private attrCount = 0;
  /** Name, value start and value end offset in the buffer of each attribute: arrays reused for every tag. */
  private readonly attrNames: string[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrTo: number[] = [];

  constructor(readonly buf: Buffer, readonly fileName: string, start = 0, readonly end = buf.length) {
    this.pos = start;
  }

  private broken(): AppError {
    return new AppError('BAD_XLSX', `Không đọc được tệp "${this.fileName}": tệp bị hỏng hoặc không đúng định dạng Excel. Hãy mở thử bằng Excel rồi lưu lại.`);
  }

  private skipTo(needle: string, from: number): number {
    const i = this.buf.indexOf(needle, from, 'latin1');
    return i < 0 || i >= this.end ? this.end : i + needle.length;
  }

  /** The next start or end tag; comments, declarations and text are skipped. */
  next(): number {
    const { buf, end } = this;
    for (;;) {
      const lt = nextLt(buf, this.pos, end);
      if (lt >= end) { this.pos = end; this.kind = EOF; return EOF; }
      const c = buf[lt + 1];
      if (c === 0x21 /* ! */) {
        if (buf[lt + 2] === 0x2d) this.pos = this.skipTo('-->', lt + 4);
        else if (buf[lt + 2] === 0x5b) this.pos = this.skipTo(']]>', lt + 9);
        else this.pos = this.skipTo('>', lt + 2);
        continue;
      }
      if (c === 0x3f /* ? */) { this.pos = this.skipTo('?>', lt + 2); continue; }
      const closing = c === SLASH;
      let i = closing ? lt + 2 : lt + 1;
      const nameStart = i;
      let colon = -1;
      while (i < end) {
        const b = buf[i];
        if (isSpace(b) || b === GT || b === SLASH) break;
        if (b === 0x3a) colon = i;
        i++;
      }
      this.name = tagName(buf, colon >= 0 ? colon + 1 : nameStart, i);
      this.attrsParsed = false;
      // The end of the tag, honouring quoted attribute values (they may contain '>').
      let quote = 0;
      let j = i;
      const limit = Math.min(end, lt + MAX_TAG_BYTES);
      for (; j < limit; j++) {
        const b = buf[j];
        if (quote) { if (b === quote) quote = 0; }
        else if (b === QUOT || b === APOS) quote = b;
        else if (b === GT) break;
      }
      if (j >= limit) {
        if (j >= end) { this.pos = end; this.kind = EOF; return EOF; } // a truncated last tag
        throw this.broken();
      }
      this.attrStart = i;
      this.selfClosing = !closing && buf[j - 1] === SLASH;
      this.attrEnd = this.selfClosing ? j - 1 : j;
      this.pos = j + 1;
      this.kind = closing ? CLOSE : OPEN;
      return this.kind;
    }
  }

  /** Whether the tag just returned is the end tag (or a self-closing start tag) of `name`. */
  closes(name: string): boolean {
    return this.name === name && (this.kind === CLOSE || (this.kind === OPEN && this.selfClosing));
  }

  private parseAttrs(): void {
    const { buf, attrNames, attrFrom, attrTo } = this;
    const end = this.attrEnd;
    let n = 0;
    let i = this.attrStart;
    while (i < end) {
      while (i < end && isSpace(buf[i])) i++;
      const keyStart = i;
      while (i < end && buf[i] !== 0x3d /* = */ && !isSpace(buf[i])) i++;
      const keyEnd = i;
      while (i < end && isSpace(buf[i])) i++;
      if (buf[i] !== 0x3d) break;
      i++;
      while (i < end && isSpace(buf[i])) i++;
      const q = buf[i];
      if (q !== QUOT && q !== APOS) break;
      let close = i + 1;
      while (close < end && buf[close] !== q) close++;
      if (close >= end) break;
      attrNames[n] = tagName(buf, keyStart, keyEnd);
      attrFrom[n] = i + 1;
      attrTo[n] = close;
      n++;
      i = close + 1;
    }
    this.attrCount = n;
    this.attrsParsed = true;
  }

  /** Index of an attribute of the start tag just returned, or -1. */
  private attrIndex(name: string): number {
    if (!this.attrsParsed) this.parseAttrs();
    const names = this.attrNames;
    for (let k = 0; k < this.attrCount; k++) if (names[k] === name) return k;
    return -1;
  }

  /** A non-negative integer attribute read straight from the bytes (null when absent or not digits). */
  attrInt(name: string): number | null {
    const k = this.attrIndex(name);
    if (k < 0) return null;
    const from = this.attrFrom[k];
    const to = this.attrTo[k];
    if (to === from) return null;
    let n = 0;
    for (let j = from; j < to; j++) {
      const d = this.buf[j] - 0x30;
      if (d < 0 || d > 9) return null;
      n = Math.min(Number.MAX_SAFE_INTEGER, n * 10 + d); // an absurd number stays absurd (the limits refuse it), never wraps
    }
    return n;
  }

  /** Column and row of a cell reference attribute ("AB12"), read from the bytes; 0 for a part absent. False when there is none. */
  refCol = 0;
  refRow = 0;
  attrRef(name: string): boolean {
    const k = this.attrIndex(name);
    if (k < 0) return false;
    let j = this.attrFrom[k];
    const to = this.attrTo[k];
    let col = 0;
    let row = 0;
    if (this.buf[j] === 0x24) j++;
    for (; j < to; j++) {
      const c = this.buf[j];
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
      if (col > 1e9) col = 1e9; // refused by the column limit
    }
    if (this.buf[j] === 0x24) j++;
    for (; j < to; j++) {
      const d = this.buf[j] - 0x30;
      if (d < 0 || d > 9) return false;
      row = Math.min(Number.MAX_SAFE_INTEGER, row * 10 + d);
    }
    if (!col && !row) return false;
    this.refCol = col;
    this.refRow = row;
    return true;
  }

  /** An attribute of the start tag just returned (by its full name, e.g. "r" or "r:id"), unescaped. */
  attr(name: string): string | null {
    const k = this.attrIndex(name);
    if (k >= 0) {
      const from = this.attrFrom[k];
      const to = this.attrTo[k];
      let ascii = true;
      for (let j = from; j < to; j++) if (this.buf[j] > 0x7e || this.buf[j] === 0x26 /* & */) { ascii = false; break; }
      if (ascii) return tagName(this.buf, from, to); // short values ("s", "3", "A1") are interned
      const raw = this.buf.toString('utf8', from, to);
      return raw.includes('&') ? unescapeXml(raw) : raw;
    }
    return null;
  }

  /**
   * The text content after the start tag just returned read as a whole number, without making a
   * string, when it is 1 to 15 plain ASCII digits followed by a tag (not CDATA); else -1, and
   * nothing is consumed (text() then reads it).
   */
  textInt(): number {
    if (this.selfClosing) return -1;
    const { buf, end } = this;
    const from = this.pos;
    const stop = Math.min(end, from + 16);
    let n = 0;
    let i = from;
    for (; i < stop; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === from || i - from > 15 || i >= end || buf[i] !== LT || buf[i + 1] === 0x21 /* <! */) return -1;
    this.pos = i;
    return n;
  }

  /**
   * Steps over "</v></c>" (the usual end of a value cell) when it follows at once, and says so;
   * otherwise nothing moves. The two end tags stepped over are not returned by next().
   */
  skipValueCellEnd(): boolean {
    const { buf, pos } = this;
    if (pos + 8 > this.end) return false;
    if (buf[pos] !== LT || buf[pos + 1] !== SLASH || buf[pos + 2] !== 0x76 /* v */ || buf[pos + 3] !== GT) return false;
    if (buf[pos + 4] !== LT || buf[pos + 5] !== SLASH || buf[pos + 6] !== 0x63 /* c */ || buf[pos + 7] !== GT) return false;
    this.pos = pos + 8;
    return true;
  }

  /** The text content after the start tag just returned, up to the next tag (CDATA included), unescaped. */
  text(): string {
    if (this.selfClosing) return '';
    const { buf, end } = this;
    let out = '';
    for (;;) {
      const lt = nextLt(buf, this.pos, end);
      if (lt > this.pos) {
        const raw = buf.toString('utf8', this.pos, lt);
        out += raw.includes('&') ? unescapeXml(raw) : raw;
      }
      this.pos = lt;
      if (lt < end && buf[lt + 1] === 0x21 && buf[lt + 2] === 0x5b) { // <![CDATA[ … ]]>
        const stop = buf.indexOf(']]>', lt + 9, 'latin1');
        const e = stop < 0 || stop >= end ? end : stop;
        out += buf.toString('utf8', lt + 9, e);
        this.pos = Math.min(end, e + 3);
        continue;
      }
      return out;
    }
  }
}

/** "AB12" → { col: 28, row: 12 }; row or col 0 when absent. Null when it is not a reference. */
export function parseRef(ref: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  if (ref[i] === '$') i++;
  while (i < ref.length) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
    if (col > 1e9) return null;
  }
  if (ref[i] === '$') i++;
  let row = 0;
  const digits = ref.slice(i);
  if (digits) {
    if (!/^\d{1,12}$/.test(digits)) return null;
    row = Number(digits);
  }
  if (!col && !row) return null;
  return { col, row };
}
