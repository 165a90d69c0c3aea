/**
 * The layouts offices send (issue 17) and the row ledger (issue 12), end to end on real files and a
 * real SQLite database: abbreviated headers, Ngày/Tháng/Năm columns, two people per printed row, a
 * header nobody recognises (the column-mapping step), and ignored rows that carry identity.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { importFiles, resolveCampaign } from '../../../electron/services/imports/import-files';
import { exportInterchange } from '../../../electron/services/imports/export-interchange';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { commitImport } from '../../../electron/services/imports/commit-import';
import { getImportPreview, remapPreview, restorePreviewRow } from '../../../electron/services/imports/parse-job';
import { runCli } from '../../../electron/cli';
import { LAYOUTS, buildList, listArb, type GeneratedList } from '../../fixtures/imports/generate-lists';

let ctx: ReturnType<typeof tempContext>;
let campaignId: number;
beforeEach(async () => {
  ctx = tempContext();
  campaignId = await resolveCampaign(ctx, undefined, '2026-05-28');
});
afterEach(async () => ctx.cleanup());

async function xlsx(rows: (string | number | Date | null)[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A fixed-seed sample of each layout with enough people to show every kind of row. */
function sample(layout: (typeof LAYOUTS)[number], seed: number) {
  const arb = listArb(layout).filter((s) => s.people.length >= 6 && s.noise.footer && s.noise.before.some((b) => b !== null));
  return fc.sample(arb, { seed, numRuns: 1 })[0];
}

function fieldsOf(r: { row: number; part?: number; full_name: string | null; gender: string | null; birth_date: string | null; national_id: string | null; phone: string | null }) {
  return { row: r.row, ...(r.part ? { part: r.part } : {}), full_name: r.full_name, gender: r.gender, birth_date: r.birth_date, national_id: r.national_id, phone: r.phone };
}

describe('layouts met in the field, imported into the database', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: every generated person and field comes in, nothing else`, async () => {
      const list: GeneratedList = await buildList(sample(layout, 17 + LAYOUTS.indexOf(layout)));
      const [o] = await importFiles(ctx, [{ name: list.name, data: list.data }], { campaignId, unit: 'auto', onDuplicate: 'skip' });
      expect(o.ok, o.message).toBe(true);
      expect(o.imported).toBe(list.people.length);
      const rows = (await exportInterchange(ctx, campaignId)).rows.filter((r) => r.file === list.name);
      const sortKey = (r: { row: number; part?: number }) => r.row * 10 + (r.part ?? 1);
      expect(rows.map(fieldsOf).sort((a, b) => sortKey(a) - sortKey(b))).toEqual([...list.people].sort((a, b) => sortKey(a) - sortKey(b)));
      // The ledger adds up: people + ignored rows = every non-empty row.
      const counts = o.ledger!.counts;
      const nonBlank = Object.entries(counts).filter(([k]) => k !== 'blank').reduce((n, [, v]) => n + v, 0);
      const twoOnOneRow = list.people.filter((p) => p.part === 2).length;
      expect(nonBlank - twoOnOneRow).toBe(list.nonEmptyRows.length);
    });
  }

  it('keeps two people per printed row in STT order, each with its part', async () => {
    const list = await buildList(sample('two_blocks', 5));
    const { preview } = await buildPreview(ctx, { fileName: list.name, data: list.data, campaignId });
    expect(preview.sheets[0].blocks).toBe(2);
    expect(preview.rows.map((r) => [r.row, r.part, r.values.full_name])).toEqual(list.people.map((p) => [p.row, p.part, p.full_name]));
    await commitImport(ctx, { previewId: preview.id, unitId: null, newUnitName: 'Hội Nông dân' });
    const order = ctx.conn.sqlite.prepare("SELECT source_row AS row, json_extract(raw, '$.part') AS part FROM registrations ORDER BY id").all();
    expect(order).toEqual(list.people.map((p) => ({ row: p.row, part: p.part })));
  });

  it('reads a right-hand block without its own STT column as people too', async () => {
    const data = await xlsx([
      ['STT', 'Họ và tên', 'Năm sinh', 'SĐT', '', 'Họ và tên', 'Năm sinh', 'SĐT'],
      [1, 'Nguyễn Văn An', 1990, '0912000001', '', 'Lê Thị Hoa', 1992, '0912000003'],
      [2, 'Trần Văn Bình', 1991, '0912000002', '', '', '', ''],
    ]);
    const { preview } = await buildPreview(ctx, { fileName: 'hai khoi.xlsx', data, campaignId });
    expect(preview.rows.map((r) => [r.row, r.part, r.values.full_name, r.values.birth_date, r.values.phone])).toEqual([
      [2, 1, 'Nguyễn Văn An', '1990', '0912000001'],
      [2, 2, 'Lê Thị Hoa', '1992', '0912000003'],
      [3, 1, 'Trần Văn Bình', '1991', '0912000002'],
    ]);
  });

  it('reads abbreviated headers (HT, NS, GT, Số ĐDCN, SĐT, ĐC, ĐV công tác, GC) and a year alone under Năm', async () => {
    const data = await xlsx([
      ['DANH SÁCH ĐOÀN VIÊN ĐĂNG KÝ HIẾN MÁU'],
      ['TT', 'HT', 'NS', 'GT', 'Số ĐDCN', 'DĐ', 'ĐC', 'ĐV công tác', 'NM', 'GC'],
      [1, 'Hồ Văn Tiến', '12/03/1990', 'Nam', '020090012345', '0912345678', 'Khối 4', 'Công an phường', 'O+', ''],
      [2, 'Lý Thị Hoa', '1995', 'Nữ', 20195012345, 912000111, 'Khối 5', 'Trạm y tế', 'A', 'bổ sung'],
    ]);
    const { preview } = await buildPreview(ctx, { fileName: 'viet tat.xlsx', data, campaignId });
    expect(preview.sheets[0].mapping).toMatchObject({ '0': 'stt', '1': 'full_name', '2': 'birth', '3': 'gender', '4': 'national_id', '5': 'phone', '6': 'address', '7': 'workplace', '8': 'blood_group', '9': 'note' });
    expect(preview.rows.map((r) => r.values)).toEqual([
      { full_name: 'Hồ Văn Tiến', gender: 'M', birth_date: '1990-03-12', national_id: '020090012345', phone: '0912345678', address: 'Khối 4', workplace: 'Công an phường', blood_group: 'O+', prior_donations: null, note: null },
      { full_name: 'Lý Thị Hoa', gender: 'F', birth_date: '1995', national_id: '020195012345', phone: '0912000111', address: 'Khối 5', workplace: 'Trạm y tế', blood_group: 'A', prior_donations: null, note: 'bổ sung' },
    ]);
  });

  it('knows the header words offices abbreviate, and lets values decide a column whose header is unknown', async () => {
    const { fieldFromHeader } = await import('../../../shared/domain/import/header-synonyms');
    const expected: Record<string, string> = {
      HT: 'full_name', 'H.T': 'full_name', NS: 'birth', GT: 'gender', SĐT: 'phone', ĐT: 'phone', DĐ: 'phone', 'ĐT/DĐ': 'phone', ĐC: 'address', NM: 'blood_group',
      'ĐV công tác': 'workplace', 'Số ĐDCN': 'national_id', ĐDCN: 'national_id', 'Số định danh cá nhân': 'national_id', CCCD: 'national_id', CMND: 'national_id', CC: 'national_id',
      'CCCD/CMND': 'national_id', GC: 'note', 'Ghi chú': 'note', TT: 'stt',
    };
    for (const [h, f] of Object.entries(expected)) expect(fieldFromHeader(h), h).toBe(f);
    const data = await xlsx([
      ['STT', 'Họ và tên', 'Cột 3', 'Cột 4', 'Cột 5', 'Cột 6'],
      [1, 'Nguyễn Văn An', '12/03/1990', 'Nam', '020090012345', '0912345678'],
      [2, 'Trần Thị Bình', '05/07/1995', 'Nữ', '001195012345', '0987654321'],
      [3, 'Lê Văn Cường', '01/01/1988', 'Nam', '036088012345', '0356789012'],
    ]);
    const { preview } = await buildPreview(ctx, { fileName: 'cot la.xlsx', data, campaignId });
    expect(preview.sheets[0].mapping).toMatchObject({ '2': 'birth', '3': 'gender', '4': 'national_id', '5': 'phone' });
    expect(preview.rows[1].values).toMatchObject({ birth_date: '1995-07-05', gender: 'F', national_id: '001195012345', phone: '0987654321' });
  });

  it('reads "Ngày sinh" | "Tháng sinh" | "Năm sinh" side by side, but not whole dates under "Ngày sinh" beside "Năm sinh"', async () => {
    const parts = await xlsx([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Tháng sinh', 'Năm sinh', 'Giới tính'],
      [1, 'Nguyễn Văn An', 12, 3, 1990, 'Nam'],
      [2, 'Trần Thị Bình', '', '', 1995, 'Nữ'],
    ]);
    const a = await buildPreview(ctx, { fileName: 'ngay thang nam.xlsx', data: parts, campaignId });
    expect(a.preview.rows.map((r) => r.values.birth_date)).toEqual(['1990-03-12', '1995']);
    const whole = await xlsx([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Năm sinh', 'Giới tính'],
      [1, 'Nguyễn Văn An', '12/03/1990', 1990, 'Nam'],
      [2, 'Trần Thị Bình', '05/07/1995', 1995, 'Nữ'],
    ]);
    const b = await buildPreview(ctx, { fileName: 'ngay sinh ca ngay.xlsx', data: whole, campaignId });
    expect(b.preview.rows.map((r) => r.values.birth_date)).toEqual(['1990-03-12', '1995-07-05']);
  });

  it('finds the data sheet after an instructions sheet and an empty template', async () => {
    const wb = new ExcelJS.Workbook();
    const help = wb.addWorksheet('Hướng dẫn');
    for (const r of [['HƯỚNG DẪN GHI DANH SÁCH'], ['1. Cột "Họ và tên": ghi đầy đủ, có dấu.'], ['2. Cột "Ngày sinh": ngày/tháng/năm, ví dụ 05/07/1995.'], ['3. Cột "Số CCCD": đủ 12 chữ số.']]) help.addRow(r);
    const tpl = wb.addWorksheet('Mẫu');
    tpl.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại']);
    const ds = wb.addWorksheet('Danh sách');
    ds.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại']);
    ds.addRow([1, 'Nguyễn Văn An', '12/03/1990', 'Nam', '020090012345', '0912345678']);
    ds.addRow([2, 'Trần Thị Bình', '05/07/1995', 'Nữ', '001195012345', '0987654321']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const { preview } = await buildPreview(ctx, { fileName: 'co huong dan.xlsx', data, campaignId });
    expect(preview.sheets.map((s) => [s.sheet, s.skipped])).toEqual([['Hướng dẫn', 'no_header'], ['Mẫu', 'no_rows'], ['Danh sách', null]]);
    expect(preview.rows.map((r) => [r.sheet, r.row, r.values.full_name])).toEqual([['Danh sách', 2, 'Nguyễn Văn An'], ['Danh sách', 3, 'Trần Thị Bình']]);
    expect(preview.ledgerCounts).toEqual({ person: 2, header: 2, sheet_skipped: 4 });
  });

  it('never takes a person for a repeated header (issue 12: "Hồ Văn Tiến", "Khối 4")', async () => {
    const data = await xlsx([
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Số điện thoại', 'Địa chỉ'],
      [1, 'Nguyễn Văn An', 'Nam', '01/01/1990', '020090000001', '0912000001', 'Khối 3'],
      [2, 'Hồ Văn Tiến', 'Nam', '02/02/1991', '020091000002', '0912000002', 'Khối 4'],
      [3, 'Hồ Tên', 'Nữ', '', '', '', 'Khối 4'],
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Số điện thoại', 'Địa chỉ'],
      [4, 'Tổng Văn Cộng', 'Nam', '03/03/1992', '', '', 'Khối 4'],
      ['', 'Cộng Hòa', 'Nữ', '04/04/1993', '', '0912000005', ''],
      ['', 'Tổng cộng: 5 người'],
    ]);
    const { preview } = await buildPreview(ctx, { fileName: 'ho van tien.xlsx', data, campaignId });
    expect(preview.rows.map((r) => r.values.full_name)).toEqual(['Nguyễn Văn An', 'Hồ Văn Tiến', 'Hồ Tên', 'Tổng Văn Cộng', 'Cộng Hòa']);
    expect(preview.sheets[0].ledger!.entries.map((e) => [e.row, e.kind])).toEqual([[1, 'header'], [5, 'repeated_header'], [8, 'total']]);
    expect(preview.ledgerCounts).toEqual({ header: 1, person: 5, repeated_header: 1, total: 1 });
  });

  it('warns about an ignored row that carries an ID, and lets the clerk import it', async () => {
    const data = await xlsx([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD'],
      [1, 'Nguyễn Văn An', '01/01/1990', 'Nam', '020090000001'],
      [2, 'Lê Thị Bình', '02/02/1992', 'Nữ', '020192000002'],
      ['', 'Người lập biểu'],
      ['', 'Phạm Văn Cường', '03/03/1985', 'Nam', '020085000003'],
    ]);
    const { preview } = await buildPreview(ctx, { fileName: 'sau chan trang.xlsx', data, campaignId });
    expect(preview.rows).toHaveLength(2);
    expect(preview.ledgerWarnings).toEqual([{ sheet: 'DS', row: 5, message: expect.stringMatching(/^Dòng 5 có số CCCD\/CMND nhưng bị bỏ qua vì nằm dưới phần chân trang/) }]);
    expect(preview.counts.warnings).toBeGreaterThanOrEqual(1);
    await restorePreviewRow(ctx, { previewId: preview.id, sheet: 'DS', row: 5 });
    const after = await getImportPreview(ctx, { previewId: preview.id });
    expect(after.rows.map((r) => [r.row, r.values.full_name, r.restored ?? false])).toEqual([[2, 'Nguyễn Văn An', false], [3, 'Lê Thị Bình', false], [5, 'Phạm Văn Cường', true]]);
    expect(after.ledgerWarnings).toEqual([]);
    const c = await commitImport(ctx, { previewId: preview.id, unitId: null, newUnitName: 'Xã Mai Pha' });
    expect(c.imported).toBe(3);
  });

  it('opens a column-mapping step when no header is recognised, guesses the fields, and remembers the clerk’s choice for the unit', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [i + 1, ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'][i % 5], `0${(i % 9) + 1}/03/199${i % 10}`, `0200900000${String(i).padStart(2, '0')}`, `09120000${String(i).padStart(2, '0')}`, `Khối ${i + 1}`]);
    const data = await xlsx([['A', 'B', 'C', 'D', 'E', 'F'], ...rows(6)]);
    const first = await buildPreview(ctx, { fileName: 'khong tieu de.xlsx', data, campaignId });
    const s = first.preview.sheets[0];
    expect(s.needsMapping).toBe(true);
    expect(s.mapping).toMatchObject({ '0': 'stt', '1': 'full_name', '2': 'birth', '3': 'national_id', '4': 'phone' });
    expect(s.samples['1']).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    expect(first.preview.rows).toHaveLength(6);
    // The clerk maps the last column as the address; the choice is kept for this unit's next list.
    await remapPreview(ctx, { previewId: first.preview.id, sheet: 'DS', mapping: { ...s.mapping, '5': 'address' } });
    const c = await commitImport(ctx, { previewId: first.preview.id, unitId: null, newUnitName: 'Khối phố 4' });
    expect(c.imported).toBe(6);
    const again = await buildPreview(ctx, { fileName: 'khong tieu de 2.xlsx', data, campaignId });
    expect(again.preview.sheets[0].mapping['5']).toBe('address');
    expect(again.preview.rows[0].values.address).toBe('Khối 1');
  });

  it('offers the mapping step instead of refusing a file with nothing to guess from', async () => {
    const data = await xlsx([['Mục', 'Số lượng', 'Ghi'], ['Áo', 3, 'x'], ['Mũ', 4, 'y'], ['Giày', 5, 'z']]);
    const { preview } = await buildPreview(ctx, { fileName: 'la.xlsx', data, campaignId });
    expect(preview.sheets[0].needsMapping).toBe(true);
    expect(preview.rows).toHaveLength(0);
    expect(Object.keys(preview.sheets[0].samples)).toEqual(['0', '1', '2']);
    const [o] = await importFiles(ctx, [{ name: 'la.xlsx', data }], { campaignId, unit: 'auto', onDuplicate: 'skip' });
    expect(o.ok).toBe(false);
    expect(o.message).toMatch(/ghép cột/);
  });

  it('CLI prints the row counts per kind and --json carries the ledger', async () => {
    const dir = fs.mkdtempSync(path.join(ctx.dir, 'cli-'));
    const list = await buildList(sample('letter', 3));
    const file = path.join(dir, list.name);
    fs.writeFileSync(file, list.data);
    const out: string[] = [];
    const code = await runCli(['import', '--db', path.join(dir, 'db.sqlite'), '--donation-date', '2026-05-28', '--json', file], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(new RegExp(`Các dòng của tệp: ${list.people.length} người, .*dòng tiêu đề trên bảng, 1 dòng tên cột`));
    const json = JSON.parse(out[out.length - 1]) as { outcomes: { ledger: { sheets: { entries: { row: number; kind: string }[] }[] } }[] };
    const entries = json.outcomes[0].ledger.sheets[0].entries;
    expect(entries.filter((e) => e.kind === 'person').map((e) => e.row)).toEqual(list.people.map((p) => p.row));
    expect(entries.filter((e) => e.kind !== 'blank').map((e) => e.row).sort((a, b) => a - b)).toEqual(list.nonEmptyRows);
  });
});
