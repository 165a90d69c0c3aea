/**
 * Parts of an .xlsx read from the guarded archive: workbook.xml and its relations, the structural
 * checks every worksheet passes before any library sees it, and the sanitised zip given to exceljs.
 */
import { AppError } from '../../../shared/errors/app-error';
import type { XlsxArchive } from './zip-guard';
import { storedZip } from './zip-guard';
import { IMPORT_LIMITS } from './limits';
import { EOF, OPEN, XmlScanner, parseRef, unescapeXml } from './xml-scan';
import { checkColLimit, checkRowLimit, columnLetter } from './cell-checks';

export { unescapeXml };

/** One part as text (null when absent). */
export function partText(archive: XlsxArchive, name: string): string | null {
  const b = archive.parts.get(name);
  return b ? b.toString('utf8') : null;
}

export interface SheetInfo { name: string; hidden: boolean; target: string }

/** Sheet names, visibility and part paths, and the 1904 flag, from workbook.xml and its relations. */
export function workbookInfo(archive: XlsxArchive): { sheets: SheetInfo[]; date1904: boolean } | null {
  const wb = archive.parts.get('xl/workbook.xml');
  const rels = archive.parts.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return null;
  const targets = new Map<string, string>();
  const r = new XmlScanner(rels, archive.fileName);
  while (r.next() !== EOF) {
    if (r.kind !== OPEN || r.name !== 'Relationship') continue;
    const id = r.attr('Id');
    const target = r.attr('Target');
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  const w = new XmlScanner(wb, archive.fileName);
  while (w.next() !== EOF) {
    if (w.kind !== OPEN) continue;
    if (w.name === 'sheet') {
      const name = w.attr('name');
      const rid = w.attr('r:id');
      const state = w.attr('state');
      if (name && rid) sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', target: targets.get(rid) ?? '' });
    } else if (w.name === 'workbookPr') {
      const d = w.attr('date1904');
      date1904 = d === '1' || d === 'true';
    }
  }
  return { sheets, date1904 };
}

/** A merged range, a hyperlink range or a column span: refused when it reaches past the limits. */
export class RangeGuard {
  private merged = 0;
  constructor(private readonly fileName: string, private readonly sheet: string) {}

  merge(ref: string): void {
    const [a, b] = ref.split(':');
    const from = parseRef(a ?? '');
    const to = parseRef(b ?? a ?? '');
    if (!from || !to) return;
    const rows = Math.abs(to.row - from.row) + 1;
    const cols = Math.abs(to.col - from.col) + 1;
    const past = Math.max(from.row, to.row) > IMPORT_LIMITS.maxRows || Math.max(from.col, to.col) > IMPORT_LIMITS.maxCols;
    this.merged += rows * cols;
    if (past || this.merged > IMPORT_LIMITS.maxMergedCells) {
      throw new AppError('RANGE_TOO_LARGE', `Trang tính "${this.sheet}" của tệp "${this.fileName}" có vùng gộp ô ${ref.slice(0, 40)} quá lớn (vượt giới hạn ${IMPORT_LIMITS.maxRows.toLocaleString('vi-VN')} dòng, ${IMPORT_LIMITS.maxCols} cột hoặc ${IMPORT_LIMITS.maxMergedCells.toLocaleString('vi-VN')} ô gộp). Hãy bỏ gộp ô (Merge) ở vùng này rồi lưu lại. Không có gì được nhập.`);
    }
  }

  columns(min: number, max: number): void {
    if (!(min >= 1 && max >= min && max <= 16_384)) {
      throw new AppError('BAD_XLSX', `Không đọc được tệp "${this.fileName}": trang tính "${this.sheet}" khai báo cột ${columnLetter(Math.min(Math.max(1, min), 16_384))} tới ${Number.isFinite(max) ? max : '?'}, không hợp lệ. Hãy mở bằng Excel rồi lưu lại.`);
    }
  }
}

/** The sheet name of each worksheet part, for messages. */
function sheetNames(archive: XlsxArchive): Map<string, string> {
  const info = workbookInfo(archive);
  const names = new Map<string, string>();
  for (const s of info?.sheets ?? []) names.set(`xl/${s.target}`, s.name);
  return names;
}

/** Elements removed before exceljs: it expands their ranges cell by cell, and no reader uses them. */
const DROP = new Set(['dataValidations', 'definedNames']);

/**
 * Checks one worksheet in a single linear pass (row and column limits, cells, merged ranges,
 * column spans) and returns it without its data validations.
 */
function sanitizeSheet(fileName: string, sheet: string, xml: Buffer, cells: { n: number }): Buffer {
  const s = new XmlScanner(xml, fileName);
  const guard = new RangeGuard(fileName, sheet);
  const keep: Buffer[] = [];
  let copyFrom = 0;
  let row = 0;
  let col = 0;
  // exceljs's parser copes badly with cells or rows left open (200,000 nested cells take seconds each): refuse them here.
  let openCell = false;
  let openRow = false;
  const broken = () => new AppError('BAD_XLSX', `Không đọc được tệp "${fileName}": trang tính "${sheet}" bị hỏng (ô hoặc dòng không được đóng, dòng ${row}). Hãy mở bằng Excel rồi lưu lại.`);
  while (s.next() !== EOF) {
    if (s.kind !== OPEN) {
      if (s.name === 'c') openCell = false;
      else if (s.name === 'row') { openRow = false; openCell = false; }
      continue;
    }
    const tagStart = xml.lastIndexOf(0x3c, s.pos - 1);
    switch (s.name) {
      case 'row': {
        if (openRow) throw broken();
        openRow = !s.selfClosing;
        const r = s.attrInt('r');
        row = r !== null && r > 0 ? r : row + 1;
        checkRowLimit(fileName, sheet, row);
        col = 0;
        break;
      }
      case 'c': {
        if (openCell) throw broken();
        openCell = !s.selfClosing;
        const hasRef = s.attrRef('r');
        col = (hasRef && s.refCol) || col + 1;
        if (hasRef && s.refRow) checkRowLimit(fileName, sheet, s.refRow);
        checkColLimit(fileName, sheet, col, (hasRef && s.refRow) || row);
        if (++cells.n > IMPORT_LIMITS.maxCells) throw tooManyCells(fileName);
        break;
      }
      case 'mergeCell': guard.merge(s.attr('ref') ?? ''); break;
      case 'col': guard.columns(Number(s.attr('min')), Number(s.attr('max'))); break;
      case 'dataValidations': {
        if (s.selfClosing) { keep.push(xml.subarray(copyFrom, tagStart)); copyFrom = s.pos; break; }
        // Skip to the matching end tag (they do not nest).
        while (s.next() !== EOF) if (s.closes('dataValidations')) break;
        keep.push(xml.subarray(copyFrom, tagStart));
        copyFrom = s.pos;
        break;
      }
      default:
    }
  }
  if (copyFrom === 0) return xml;
  keep.push(xml.subarray(copyFrom));
  return Buffer.concat(keep);
}

export function tooManyCells(fileName: string): AppError {
  return new AppError('RANGE_TOO_LARGE', `Tệp "${fileName}" có hơn ${IMPORT_LIMITS.maxCells.toLocaleString('vi-VN')} ô dữ liệu, vượt giới hạn của một danh sách. Hãy chia nhỏ tệp. Không có gì được nhập.`);
}

function dropElements(fileName: string, xml: Buffer): Buffer {
  const s = new XmlScanner(xml, fileName);
  const keep: Buffer[] = [];
  let copyFrom = 0;
  while (s.next() !== EOF) {
    if (s.kind !== OPEN || !DROP.has(s.name)) continue;
    const name = s.name;
    const tagStart = xml.lastIndexOf(0x3c, s.pos - 1);
    if (!s.selfClosing) while (s.next() !== EOF) if (s.closes(name)) break;
    keep.push(xml.subarray(copyFrom, tagStart));
    copyFrom = s.pos;
  }
  if (copyFrom === 0) return xml;
  keep.push(xml.subarray(copyFrom));
  return Buffer.concat(keep);
}

/**
 * The bytes exceljs may load: every worksheet checked (limits, merges, columns) and stripped of
 * data validations, workbook.xml stripped of defined names, stored uncompressed. Refuses a
 * workbook too large for exceljs's in-memory model when `full` is set.
 */
export function workbookForExceljs(archive: XlsxArchive, opts: { full: boolean }): Buffer {
  if (opts.full && archive.totalBytes > IMPORT_LIMITS.maxFullLoadBytes) {
    throw new AppError('FILE_TOO_LARGE', `Tệp "${archive.fileName}" quá lớn để mở (${Math.round(archive.totalBytes / 1048576)} MB khi giải nén, giới hạn ${Math.round(IMPORT_LIMITS.maxFullLoadBytes / 1048576)} MB). Hãy xoá các trang tính, hình ảnh hoặc dòng thừa rồi lưu lại. Không có gì được nhập.`);
  }
  const names = sheetNames(archive);
  const cells = { n: 0 };
  const out = new Map<string, Buffer>();
  for (const [name, data] of archive.parts) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) out.set(name, sanitizeSheet(archive.fileName, names.get(name) ?? name, data, cells));
    else if (name === 'xl/workbook.xml') out.set(name, dropElements(archive.fileName, data));
    else out.set(name, data);
  }
  // The order Excel writes: the streaming reader needs the workbook, styles and strings before the sheets.
  const rank = (n: string) => ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'].indexOf(n);
  const order = [...out.keys()].sort((a, b) => {
    const ra = rank(a), rb = rank(b);
    if (ra >= 0 || rb >= 0) return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb);
    return Number(a.startsWith('xl/worksheets/')) - Number(b.startsWith('xl/worksheets/'));
  });
  return storedZip(new Map(order.map((n) => [n, out.get(n)!])));
}
