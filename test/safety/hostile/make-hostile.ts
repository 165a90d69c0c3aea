/**
 * The crafted files of the hostile-file suite, each generated small in the test (kilobytes, a few
 * megabytes at most): the attacks of issue 16 against the readers, plus a plain list to start from.
 */
import ExcelJS from 'exceljs';
import { guardZip } from '../../../electron/services/imports/zip-guard';

export interface Crafted {
  name: string;
  data: Buffer;
  /**
   * What a reader must answer: a list of accepted error codes, 'ok' where the attack is neutralised
   * and the file reads, 'any' where either is right (the rows are read in linear time; what they mean is the importer's business).
   */
  expect: { lists: string[] | 'ok' | 'any'; others: string[] | 'ok' | 'any' };
}

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Địa chỉ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Lan', 'Minh', 'Ngọc', 'Phúc', 'Quỳnh'];

/** A valid 20-person registration list. */
export async function plainList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(HEADER);
  for (let i = 0; i < 20; i++) {
    ws.addRow([i + 1, `Nguyễn Văn ${GIVEN[i % 10]}${i >= 10 ? ' Anh' : ''}`, `0${1 + (i % 9)}/02/199${i % 10}`, 'Nam', `0200910${String(12345 + i).padStart(5, '0')}`, `09120${String(10000 + i)}`, 'Khối 3']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import { zipParts, type Part } from '../../helpers/raw-zip';

export { zipParts, type Part };

/** The plain list with its parts changed by `edit` (sheet1.xml and workbook.xml as text). */
function patched(base: Buffer, edit: (parts: Part[]) => void): Buffer {
  const archive = guardZip('base.xlsx', base);
  const parts: Part[] = [...archive.parts].map(([name, data]) => ({ name, data: Buffer.from(data) }));
  edit(parts);
  return zipParts(parts);
}

function editText(parts: Part[], name: string, fn: (xml: string) => string): void {
  const p = parts.find((x) => x.name === name)!;
  p.data = Buffer.from(fn(p.data.toString('utf8')));
}

const SHEET = 'xl/worksheets/sheet1.xml';
const XLSX_ERRORS = { range: ['RANGE_TOO_LARGE'], bomb: ['ZIP_BOMB'] };

export async function craftedFiles(): Promise<Crafted[]> {
  const base = await plainList();
  const afterSheetData = (extra: string) => (parts: Part[]) => editText(parts, SHEET, (x) => x.replace('</sheetData>', `</sheetData>${extra}`));
  const files: Crafted[] = [];

  // 1. A 3 KB list whose one merged range covers the rest of the sheet: exceljs would create every cell.
  files.push({
    name: 'Gộp ô toàn trang.xlsx',
    data: patched(base, afterSheetData('<mergeCells count="1"><mergeCell ref="J1:XFD1048576"/></mergeCells>')),
    expect: { lists: XLSX_ERRORS.range, others: XLSX_ERRORS.range },
  });
  // 1b. A data validation over the whole sheet (exceljs expands it cell by cell): removed before reading.
  files.push({
    name: 'Kiểm tra dữ liệu.xlsx',
    data: patched(base, (parts) => editText(parts, SHEET, (x) => x.replace(/<\/sheetData>(<mergeCells[\s\S]*?<\/mergeCells>)?/, (m) => `${m}<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>`))),
    expect: { lists: 'ok', others: ['NO_UNIT_COLUMN', 'NO_HEADER', 'NO_RESULT_COLUMN', 'NO_TABLE', 'NO_NAME_COLUMN', 'EMPTY'] },
  });
  // 1c. A defined name over the whole sheet (exceljs expands those too): removed before reading.
  files.push({
    name: 'Tên vùng.xlsx',
    data: patched(base, (parts) => editText(parts, 'xl/workbook.xml', (x) => x.replace('</sheets>', '</sheets><definedNames><definedName name="Vung">DS!$A$1:$XFD$1048576</definedName></definedNames>'))),
    expect: { lists: 'ok', others: ['NO_UNIT_COLUMN', 'NO_HEADER', 'NO_RESULT_COLUMN', 'NO_TABLE', 'NO_NAME_COLUMN', 'EMPTY'] },
  });
  // 1d. A column span of two billion columns.
  files.push({
    name: 'Cột ảo.xlsx',
    data: patched(base, (parts) => editText(parts, SHEET, (x) => x.replace('<sheetData>', '<cols><col min="1" max="2000000000" width="9" customWidth="1"/></cols><sheetData>'))),
    expect: { lists: ['BAD_XLSX'], others: ['BAD_XLSX'] },
  });
  // 1e. Every other range-bearing element over the whole sheet: selection, auto filter, conditional format, hyperlink, print area.
  files.push({
    name: 'Vùng khác.xlsx',
    data: patched(base, (parts) => {
      editText(parts, SHEET, (x) => x
        .replace(/<sheetView\b([^>]*?)\/>/, '<sheetView$1><selection activeCell="A1" sqref="A1:XFD1048576"/></sheetView>')
        .replace(/<sheetView\b([^>]*?[^/])>/, '<sheetView$1><selection activeCell="A1" sqref="A1:XFD1048576"/>')
        .replace('</sheetData>', '</sheetData><autoFilter ref="A1:XFD1048576"/><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="A1:XFD1048576" location="DS!A1" display="x"/></hyperlinks>'));
      editText(parts, 'xl/workbook.xml', (x) => x.replace('</sheets>', '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">DS!$A:$XFD</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">DS!$1:$1048576</definedName></definedNames>'));
    }),
    expect: { lists: 'ok', others: 'any' }, // units/quotas/results refuse a registration list by its columns
  });
  // 3. A sheet padded with 64 MB of spaces whose headers claim 1,000 bytes.
  files.push({
    name: 'Nén nói dối.xlsx',
    data: patched(base, (parts) => {
      const p = parts.find((x) => x.name === SHEET)!;
      p.data = Buffer.concat([p.data.subarray(0, p.data.length - '</worksheet>'.length), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('</worksheet>')]);
      p.declaredSize = 1000;
    }),
    expect: { lists: XLSX_ERRORS.bomb, others: XLSX_ERRORS.bomb },
  });
  // 3b. An honest bomb under 1 MB: 150 parts of just under 1 MB of zeros each (no part above the per-part check).
  files.push({
    name: 'Bom nhỏ.xlsx',
    data: patched(base, (parts) => {
      for (let i = 0; i < 150; i++) parts.push({ name: `xl/media/image${i}.bin`, data: Buffer.alloc(1000 * 1000) });
    }),
    expect: { lists: XLSX_ERRORS.bomb, others: XLSX_ERRORS.bomb },
  });
  // 4. 200,000 cells never closed, stored uncompressed, past 1 MB (the old fast reader's regexes went quadratic).
  files.push({
    name: 'Ô không đóng.xlsx',
    data: patched(base, (parts) => {
      editText(parts, SHEET, (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1">${'<c r="A1"><v>1</v>'.repeat(200_000)}</row></sheetData>`));
      for (const p of parts) p.stored = true;
    }),
    expect: { lists: 'any', others: ['BAD_XLSX', 'NO_UNIT_COLUMN', 'NO_HEADER', 'NO_RESULT_COLUMN', 'NO_TABLE', 'NO_NAME_COLUMN', 'EMPTY'] },
  });
  // 4b. A row number of two billion.
  files.push({
    name: 'Dòng hai tỉ.xlsx',
    data: patched(base, (parts) => editText(parts, SHEET, (x) => x.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'))),
    expect: { lists: XLSX_ERRORS.range, others: XLSX_ERRORS.range },
  });
  // 4c. The same past 1 MB (the lean reader), stored so that it stays large.
  files.push({
    name: 'Dòng hai tỉ lớn.xlsx',
    data: patched(base, (parts) => {
      editText(parts, SHEET, (x) => x.replace('</sheetData>', `<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>${' '.repeat(1_100_000)}`));
      for (const p of parts) p.stored = true;
    }),
    expect: { lists: XLSX_ERRORS.range, others: XLSX_ERRORS.range },
  });
  const csvHead = `${HEADER.join(',')}\r\n1,Nguyễn Văn An,01/02/1990,Nam,020091012345,0912000111,Khối 3\r\n`;
  const csv = ['NOT_XLSX'];
  // 2. A header, one person and 600,000 empty lines.
  files.push({ name: 'Nhiều dòng.csv', data: Buffer.from(csvHead + '\n'.repeat(600_000)), expect: { lists: XLSX_ERRORS.range, others: csv } });
  // 2b. One line of 1.2 million fields.
  files.push({ name: 'Nhiều cột.csv', data: Buffer.from(csvHead + ','.repeat(1_200_000)), expect: { lists: XLSX_ERRORS.range, others: csv } });
  // 2c. One 3 MB line without a delimiter.
  files.push({ name: 'Dòng dài.csv', data: Buffer.from(csvHead + 'x'.repeat(3 * 1024 * 1024)), expect: { lists: XLSX_ERRORS.range, others: csv } });
  return files;
}
