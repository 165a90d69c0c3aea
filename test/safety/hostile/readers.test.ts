/**
 * Issue 16 items 8 and 9 at the reading layer: UTF-16 CSVs decoded, control and bidi characters
 * stripped, long cells cut with a warning, sheets named like Object.prototype members found, file
 * names made safe to store and print, and each environmental fault given its own message.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { importFiles } from '../../../electron/services/imports/import-files';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { readWorkbook } from '../../../electron/services/imports/read-workbook';
import { escapeForTerminal, safeFileName } from '../../../electron/services/imports/safe-text';
import { environmentError } from '../../../electron/services/backup/errors';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { allHandlers } from '../../../electron/ipc/handlers';

let ctx: ReturnType<typeof tempContext>;
let campaignId: number;
let unitId: number;
beforeAll(async () => {
  ctx = tempContext();
  campaignId = (await createCampaign(ctx, { name: 'Đợt thử', donationDates: ['2026-05-28'] })).id;
  unitId = (await createUnit(ctx, { name: 'Phường Vĩnh Trại', kind: 'commune' })).id;
});
afterAll(async () => ctx.cleanup());

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại'];
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n');
const names = (file: string) => (ctx.conn.sqlite.prepare('SELECT p.full_name AS n FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.source_file = ? ORDER BY r.id').all(file) as { n: string }[]).map((r) => r.n);

async function importOne(name: string, data: Buffer) {
  const [o] = await importFiles(ctx, [{ name, data }], { campaignId, unit: unitId, onDuplicate: 'replace', matchDuplicates: false });
  expect(o.ok, o.message).toBe(true);
  return o;
}

describe('UTF-16 text as Excel saves it ("Unicode Text")', () => {
  const text = tsv([HEADER, ['1', 'Nguyễn Thị Hồng', '01/02/1990', 'Nữ', '020190012345', '0912000111']]);
  const utf16be = (s: string) => { const le = Buffer.from(s, 'utf16le'); for (let i = 0; i < le.length; i += 2) { const t = le[i]; le[i] = le[i + 1]; le[i + 1] = t; } return le; };
  it.each([
    ['LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['LE without BOM', Buffer.from(text, 'utf16le')],
    ['BE without BOM', utf16be(text)],
  ])('%s', async (label, data) => {
    const name = `Unicode ${label}.txt`;
    expect(iconv.decode(data.subarray(data[0] === 0xff || data[0] === 0xfe ? 2 : 0), label.startsWith('LE') ? 'utf16le' : 'utf16be')).toContain('Hồng');
    await importOne(name, data);
    expect(names(name)).toEqual(['Nguyễn Thị Hồng']);
  });
});

describe('control and direction characters never reach the database', () => {
  const hostileName = 'Trần\u202E Văn\u200E\u0000 An\u001b[2J';
  it('CSV: NUL, ESC, RLO and LRM stripped from a name', async () => {
    const csv = `${HEADER.join(',')}\n1,${hostileName},01/02/1990,Nam,020090012346,0912000112\n`;
    await importOne('Ky tu an.csv', Buffer.from(csv));
    const [n] = names('Ky tu an.csv');
    expect(n).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u200e\u200f]/);
    expect(n.startsWith('Trần Văn An')).toBe(true);
  });
  it('xlsx: the same in a cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(HEADER);
    ws.addRow([1, 'Lê\u202E Thị\u2066 Lan\u2069', '01/02/1990', 'Nữ', '020190012347', '0912000113']);
    await importOne('Ky tu an.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(names('Ky tu an.xlsx')).toEqual(['Lê Thị Lan']);
  });
});

describe('field length', () => {
  it('a 5,000-character name is cut with a warning on its row; the file still reads', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(HEADER);
    ws.addRow([1, `Nguyễn ${'A'.repeat(5000)}`, '01/02/1990', 'Nam', '020090012348', '0912000114']);
    ws.addRow([2, 'Phạm Văn Bình', '01/02/1991', 'Nam', '020091012349', '0912000115']);
    const { preview } = await buildPreview(ctx, { fileName: 'Ten dai.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()), campaignId });
    const long = preview.rows.find((r) => r.row === 2)!;
    expect(long.issues.some((i) => i.code === 'CELL_CUT' && i.severity === 'warning' && /5\.007 ký tự/.test(i.message))).toBe(true);
    expect(String(long.values.full_name ?? '').length).toBeLessThanOrEqual(500);
  });
});

describe('sheet names that are Object.prototype members', () => {
  it('sheets named __proto__, constructor and hasOwnProperty are read like any other', async () => {
    const wb = new ExcelJS.Workbook();
    ['__proto__', 'constructor', 'hasOwnProperty'].forEach((sheet, i) => {
      const ws = wb.addWorksheet(sheet);
      ws.addRow(HEADER);
      ws.addRow([1, `Hoàng Văn ${['Minh', 'Nam', 'Phong'][i]}`, '01/02/1990', 'Nam', `02009001235${i}`, `091200012${i}`]);
    });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { sheets } = await readWorkbook('Trang la.xlsx', data);
    expect(sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    await importOne('Trang la.xlsx', data);
    expect(names('Trang la.xlsx').sort()).toEqual(['Hoàng Văn Minh', 'Hoàng Văn Nam', 'Hoàng Văn Phong']);
  });
});

describe('file names', () => {
  it('control characters in a file name are replaced before it is stored or printed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(HEADER);
    ws.addRow([1, 'Đỗ Văn Quang', '01/02/1990', 'Nam', '020090012360', '0912000130']);
    const o = await importOne('DS\u001b[31m\nĐã nhập 999 người.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(o.file).toBe('DS_[31m_Đã nhập 999 người.xlsx');
    expect(o.message).not.toMatch(/[\u0000-\u001f]/);
    expect(safeFileName('a\u202Egpj.xlsx')).toBe('a_gpj.xlsx');
  });
  it('the CLI shows escapes instead of raw control characters, keeping JSON valid', () => {
    expect(escapeForTerminal('x\u001b[2Jy\rz\u202E')).toBe('x\\u001b[2Jy\\u000dz\\u202e');
    expect(JSON.parse(escapeForTerminal(JSON.stringify({ n: 'a\u202Eb' })))).toEqual({ n: 'a\u202Eb' });
    expect(escapeForTerminal('dòng 1\ndòng 2\tcột')).toBe('dòng 1\ndòng 2\tcột');
  });
});

describe('environmental faults each have their own message', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['SQLITE_FULL', 'DISK_FULL', /ổ đĩa .*đầy/i],
    ['ENOSPC', 'DISK_FULL', /đầy/],
    ['SQLITE_BUSY', 'DB_LOCKED', /khoá/],
    ['SQLITE_BUSY_SNAPSHOT', 'DB_LOCKED', /khoá/],
    ['SQLITE_READONLY', 'READ_ONLY', /quyền ghi/],
    ['SQLITE_CORRUPT', 'DB_CORRUPT', /bị hỏng/],
    ['SQLITE_IOERR_WRITE', 'DISK_ERROR', /ổ đĩa/],
    ['ENAMETOOLONG', 'NAME_TOO_LONG', /quá dài/],
  ])('%s → %s', (code, app, msg) => {
    const e = environmentError(err(code));
    expect(e?.code).toBe(app);
    expect(e?.message).toMatch(msg);
  });
  it('anything else stays unexpected', () => {
    expect(environmentError(new TypeError('x'))).toBeNull();
  });
  it('the dispatcher answers a full disk with DISK_FULL, not "lỗi không mong muốn"', async () => {
    const handlers = { ...allHandlers(), 'app:info': () => { throw err('SQLITE_FULL'); } } as ReturnType<typeof allHandlers>;
    const dispatch = createDispatcher(ctx, handlers);
    const r = await dispatch('app:info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  });
});
