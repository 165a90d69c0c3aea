/**
 * Reads a CSV export: UTF-8 with or without BOM, UTF-16 (LE or BE, with or without BOM — Excel's
 * "Unicode Text"), or Windows-1258 / TCVN3 / VNI; comma, semicolon or tab. Sheet name is ''.
 * The row, column, line and cell limits are checked while the text is scanned, record by record,
 * so a hostile file is refused at its first record past a limit, before any memory is spent on it.
 */
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors/app-error';
import { decodeLegacyText, vietnameseScore } from '../../../shared/domain/import/legacy-encoding';
import type { GridRow, SheetGrid } from '../../../shared/domain/import/types';
import { checkCellSize, cleanGridCell } from './cell-checks';
import { IMPORT_LIMITS } from './limits';

/** 'le' or 'be' when the bytes look like UTF-16 without a BOM (every other byte zero for Latin text). */
function utf16WithoutBom(buf: Buffer): 'le' | 'be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'be';
  return null;
}

/** Whether the bytes are UTF-16 text (with or without BOM): the sniffer lets them through as CSV. */
export function isUtf16Text(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  return utf16WithoutBom(buf) !== null;
}

/** UTF-8 when the bytes are valid UTF-8; UTF-16 by BOM or by shape; otherwise the Vietnamese Windows code page. */
export function decodeCsvBytes(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  const u16 = utf16WithoutBom(buf);
  if (u16) return iconv.decode(buf, u16 === 'le' ? 'utf16le' : 'utf16be');
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

/** The delimiter used most in the first 30 lines (at most 64 KB looked at). */
function detectDelimiter(text: string): string {
  let sample = text.slice(0, 64 * 1024);
  let end = -1;
  for (let i = 0; i < 30; i++) {
    end = sample.indexOf('\n', end + 1);
    if (end < 0) break;
  }
  if (end >= 0) sample = sample.slice(0, end);
  const count = (ch: string) => sample.split(ch).length - 1;
  const candidates = [';', ',', '\t'];
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

export interface CsvLimits {
  fileName: string;
  maxRows: number;
  maxCols: number;
  maxLineChars: number;
}

function csvLimitError(fileName: string, what: string, advice: string): AppError {
  return new AppError('RANGE_TOO_LARGE', `Tệp "${fileName}" ${what}. ${advice} Không có gì được nhập.`);
}

/**
 * RFC 4180 records, each with the 1-based line where it starts, handed one by one to `onRecord`.
 * Linear in the text; with `limits`, refuses the file as soon as a record passes one of them.
 */
export function scanCsv(text: string, delimiter: string, onRecord: (line: number, fields: string[]) => void, limits?: CsvLimits): void {
  const n = text.length;
  let line = 1;
  let i = 0;
  const fmt = (x: number) => x.toLocaleString('vi-VN');
  while (i < n) {
    const start = line;
    const lineStartIndex = i;
    const fields: string[] = [];
    for (;;) {
      // One field.
      let value: string;
      if (text.charCodeAt(i) === 0x22 /* " */) {
        let out = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) { out += text.slice(from); i = n; break; }
          out += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 0x22) { out += '"'; from = q + 2; continue; }
          i = q + 1;
          break;
        }
        // Lines inside the quotes still count as lines of the file.
        for (let k = out.indexOf('\n'); k >= 0; k = out.indexOf('\n', k + 1)) line++;
        // Text after the closing quote, up to the delimiter, belongs to the field.
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === delimiter || c === '\n') break;
          j++;
        }
        value = out + text.slice(i, j).replace(/\r$/, '');
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === delimiter || c === '\n') break;
          j++;
        }
        value = text.slice(i, j);
        if (value.endsWith('\r')) value = value.slice(0, -1);
        i = j;
      }
      fields.push(value);
      if (limits && fields.length > limits.maxCols) {
        throw csvLimitError(limits.fileName, `có dòng ${fmt(start)} với hơn ${fmt(limits.maxCols)} cột, vượt giới hạn`, 'Hãy kiểm tra dấu phân cách cột hoặc xoá các cột thừa.');
      }
      if (limits && i - lineStartIndex > limits.maxLineChars) {
        throw csvLimitError(limits.fileName, `có dòng ${fmt(start)} dài hơn ${fmt(limits.maxLineChars)} ký tự, vượt giới hạn`, 'Hãy mở tệp bằng Excel và kiểm tra dòng này.');
      }
      if (i < n && text[i] === delimiter) { i++; continue; }
      break;
    }
    if (i < n && text[i] === '\n') { i++; line++; }
    if (limits && start > limits.maxRows) {
      throw csvLimitError(limits.fileName, `có dữ liệu tới dòng ${fmt(start)}, vượt giới hạn ${fmt(limits.maxRows)} dòng`, 'Hãy xoá các dòng thừa ở cuối tệp hoặc chia nhỏ tệp.');
    }
    onRecord(start, fields);
  }
}

/** All records at once (small texts; the importer uses `scanCsv` with limits). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  scanCsv(text, delimiter, (line, fields) => records.push({ line, fields }));
  return records;
}

export function readCsv(fileName: string, buf: Buffer): SheetGrid[] {
  const text = decodeCsvBytes(buf);
  const rows: (GridRow | undefined)[] = [];
  let cells = 0;
  const limits: CsvLimits = { fileName, maxRows: IMPORT_LIMITS.maxRows, maxCols: IMPORT_LIMITS.maxCols, maxLineChars: IMPORT_LIMITS.maxCsvLineChars };
  scanCsv(text, detectDelimiter(text), (line, fields) => {
    let out: GridRow | undefined;
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c];
      if (f === '') continue;
      const cell = { v: decodeLegacyText(f.normalize('NFC')) };
      checkCellSize(fileName, '', line, c + 1, cell);
      if (++cells > IMPORT_LIMITS.maxCells) {
        throw csvLimitError(fileName, `có hơn ${IMPORT_LIMITS.maxCells.toLocaleString('vi-VN')} ô dữ liệu, vượt giới hạn của một danh sách`, 'Hãy chia nhỏ tệp.');
      }
      (out ??= [])[c] = cleanGridCell(cell);
    }
    if (out) rows[line - 1] = out;
  }, limits);
  return [{ name: '', hidden: false, rows, date1904: false }];
}
