/** Reads a CSV export: UTF-8 with or without BOM, or Windows-1258; comma or semicolon. Sheet name is ''. */
import iconv from 'iconv-lite';
import { decodeLegacyText, vietnameseScore } from '../../../shared/domain/import/legacy-encoding';
import type { GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { checkCellSize } from './cell-checks';

/** UTF-8 when the bytes are valid UTF-8; otherwise the Vietnamese Windows code page. */
export function decodeCsvBytes(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Windows-1258, unless the bytes read better as TCVN3/VNI (exports from very old files).
    const cp1258 = iconv.decode(buf, 'windows-1258').normalize('NFC');
    const latin1 = buf.toString('latin1');
    const legacy = decodeLegacyText(latin1);
    return legacy !== latin1.normalize('NFC') && vietnameseScore(legacy) > vietnameseScore(cp1258) ? latin1 : cp1258;
  }
}

function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).slice(0, 30);
  const count = (ch: string) => lines.reduce((n, l) => n + l.split(ch).length - 1, 0);
  const candidates = [';', ',', '\t'];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

/** RFC 4180 records, each with the 1-based line where it starts. */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; continue; }
    if (ch === delimiter) { fields.push(field); field = ''; continue; }
    if (ch === '\r') continue;
    if (ch === '\n') {
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
      continue;
    }
    field += ch;
  }
  if (field !== '' || fields.length) { fields.push(field); records.push({ line: start, fields }); }
  return records;
}

export function readCsv(fileName: string, buf: Buffer): SheetGrid[] {
  const text = decodeCsvBytes(buf);
  const rows: (GridRow | undefined)[] = [];
  for (const rec of parseCsv(text)) {
    const out: GridRow = [];
    rec.fields.forEach((f, c) => {
      if (f === '') return;
      const cell = { v: decodeLegacyText(f.normalize('NFC')) };
      checkCellSize(fileName, '', rec.line, c + 1, cell);
      out[c] = cell;
    });
    rows[rec.line - 1] = out;
  }
  return [{ name: '', hidden: false, rows, date1904: false }];
}
