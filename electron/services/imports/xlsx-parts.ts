/** Small parts of an .xlsx read straight from the zip: workbook.xml, its relations, any part as text. */
import zlib from 'node:zlib';
import type { ZipEntry } from './zip-guard';
import { AppError } from '../../../shared/errors/app-error';

/** One part of the zip as text (null when absent, too large or unreadable). */
export function entryText(buf: Buffer, e: ZipEntry | undefined, maxBytes = 20 * 1024 * 1024, fileName?: string): string | null {
  if (!e || e.uncompressedSize > maxBytes) return null;
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) return null;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  try {
    // A part that inflates beyond its declared size lies about itself: treat it as a zip bomb.
    return (e.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1024 })).toString('utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError('ZIP_BOMB', `Tệp "${fileName ?? ''}" có phần "${e.name}" giải nén lớn hơn kích thước khai báo, có thể là tệp độc hại. Không có gì được nhập.`);
    }
    return null;
  }
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m);
}

export interface SheetInfo { name: string; hidden: boolean; target: string }

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** Sheet names, visibility and part paths, and the 1904 flag, from workbook.xml and its relations. */
export function workbookInfo(buf: Buffer, entries: ZipEntry[]): { sheets: SheetInfo[]; date1904: boolean } | null {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wb = entryText(buf, byName.get('xl/workbook.xml'));
  const rels = entryText(buf, byName.get('xl/_rels/workbook.xml.rels'));
  if (!wb || !rels) return null;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const sheets: SheetInfo[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const state = attr(m[0], 'state');
    if (name && rid) sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', target: targets.get(rid) ?? '' });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*date1904="(1|true)"/.test(wb);
  return { sheets, date1904 };
}

