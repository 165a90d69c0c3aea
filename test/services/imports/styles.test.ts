import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { importFiles, resolveCampaign } from '../../../electron/services/imports/import-files';
import { exportInterchange } from '../../../electron/services/imports/export-interchange';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { commitImport } from '../../../electron/services/imports/commit-import';
import { listBatches, undoBatch } from '../../../electron/services/imports/batches';
import { csvFixtures, date1904Workbook, groupedHeaderWorkbook, mergedNameWorkbook, threePartNamesWorkbook, schoolsWorkbook, villagesWorkbook, vniList } from '../../fixtures/imports/make-fixtures';

let ctx: ReturnType<typeof tempContext>;
let campaignId: number;
beforeEach(async () => {
  ctx = tempContext();
  campaignId = await resolveCampaign(ctx, undefined, '2026-05-28');
});
afterEach(async () => ctx.cleanup());

async function importOne(f: { name: string; data: Buffer }) {
  const [o] = await importFiles(ctx, [f], { campaignId, unit: 'auto', onDuplicate: 'skip' });
  expect(o.ok, o.message).toBe(true);
  return (await exportInterchange(ctx, campaignId)).rows.filter((r) => r.file === f.name);
}

describe('list styles beyond the sample corpus', () => {
  it('decodes VNI-Windows text by the cell font', async () => {
    const rows = await importOne(await vniList());
    expect(rows.map((r) => r.full_name)).toEqual(['Nguyễn Văn An', 'Trần Thị Hồng Vân', 'Phạm Đức Lương']);
    expect(rows.map((r) => r.gender)).toEqual(['M', 'F', 'M']);
    expect(rows[2].birth_date).toBe('1988');
  });

  it('reads CSV in UTF-8 with BOM, with semicolons, and in Windows-1258, rows numbered by line', async () => {
    for (const f of csvFixtures()) {
      const rows = await importOne(f);
      expect(rows.map((r) => r.full_name), f.name).toEqual(['Nguyễn Văn An', 'Trần Thị Hồng Vân', 'Lương Đức Mạnh']);
      expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
      expect(rows[0]).toMatchObject({ sheet: '', national_id: '020090012345', birth_date: '1990-03-12', phone: '0912345678' });
    }
  });

  it('imports one sheet per village, skipping the summary and hidden sheets and the signer', async () => {
    const f = await villagesWorkbook();
    const { preview } = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    const skipped = Object.fromEntries(preview.sheets.map((s) => [s.sheet, s.skipped]));
    expect(skipped).toEqual({ 'Tổng hợp': 'no_header', 'Nà Pàn': null, 'Khòn Pát': null, 'Nháp': 'hidden' });
    expect(preview.rows.map((r) => `${r.sheet}:${r.row}:${r.values.full_name}:${r.values.gender}:${r.values.phone}`)).toEqual([
      'Nà Pàn:3:Hoàng Văn Dũng:M:0912000000',
      'Nà Pàn:4:Lò Thị Mai:F:0912000001',
      'Khòn Pát:3:Vi Văn Tài:M:0912000000',
      'Khòn Pát:4:Hà Thị Lan:F:0912000001',
    ]);
  });

  it('joins split Họ đệm + Tên, skips school section rows and keeps the school as workplace', async () => {
    const f = await schoolsWorkbook();
    const { preview } = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    const vals = preview.rows.map((r) => r.values);
    expect(vals.map((v) => v.full_name)).toEqual(['Nguyễn Thị Hoa', 'Đoàn Văn Hậu', 'Lê Minh Tuấn', 'Hoàng Thu Trang']);
    expect(vals.map((v) => v.workplace)).toEqual(['TRƯỜNG THPT VIỆT BẮC', 'TRƯỜNG THPT VIỆT BẮC', 'Trường THPT Chu Văn An', 'Trường THPT Chu Văn An']);
    expect(vals.map((v) => v.birth_date)).toEqual(['2007-01-15', '2007-11-20', '2007-02-03', '2007-04-28']);
    expect(vals.map((v) => v.phone)).toEqual(['0912111222', '0988111222', '0381234567', '0912333444']);
    expect(vals[3].note).toContain('0988555666');
    expect(preview.sheets[0].ignored.map((i) => i.kind)).toEqual(['section', 'section']);
  });

  it('maps grouped two-row headers, years under Nam/Nữ, and an unnamed column by its values', async () => {
    const f = await groupedHeaderWorkbook();
    const { preview } = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    expect(preview.sheets[0].mapping).toMatchObject({ '0': 'stt', '1': 'full_name', '2': 'birth_m', '3': 'birth_f', '4': 'phone', '5': 'address', '6': 'national_id' });
    expect(preview.rows.map((r) => [r.row, r.values.full_name, r.values.gender, r.values.birth_date, r.values.phone, r.values.national_id])).toEqual([
      [4, 'Hoàng Thị Ngọc', 'F', '1996', '0912345001', '020196000111'],
      [5, 'Lý Văn Phong', 'M', '1989', '0912345002', '020089000222'],
      [6, 'Chu Thị Vân', 'F', '2001', null, '020301000333'],
    ]);
    expect(preview.unit.proposedName).toBe('Hội Liên hiệp Phụ nữ xã Hoàng Đồng');
  });

  it('joins a name split under one merged "Họ và tên" header', async () => {
    const rows = await importOne(await mergedNameWorkbook());
    expect(rows.map((r) => r.full_name)).toEqual(['Nguyễn Văn Thắng', 'Hà Thị Thu Hằng']);
  });

  it('joins Họ + Tên đệm + Tên and treats numbered group rows as sections', async () => {
    const f = await threePartNamesWorkbook();
    const { preview } = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    expect(preview.rows.map((r) => [r.row, r.values.full_name, r.values.workplace])).toEqual([
      [3, 'Trần Minh Khôi', 'Chi đoàn Công ty Điện lực'],
      [4, 'Lê Thị Thanh Hương', 'Chi đoàn Công ty Điện lực'],
      [6, 'Đinh Lâm', 'Chi đoàn Trường CĐ Y tế'],
    ]);
  });

  it('reads dates of a 1904 workbook and restores number-typed CCCD and phone', async () => {
    const rows = await importOne(await date1904Workbook());
    expect(rows[0]).toMatchObject({ birth_date: '1990-03-12', national_id: '020090012345', phone: '0912345678' });
  });

  it('flags rows whose CCCD contradicts sex or birth year, and ages outside the campaign', async () => {
    const f = csvFixtures()[0];
    const bad = Buffer.from(f.data.toString('utf8').replace('020090012345', '020195012345').replace('1988', '2010'), 'utf8');
    const { preview } = await buildPreview(ctx, { fileName: 'x.csv', data: bad, campaignId });
    expect(preview.rows[0].issues.map((i) => i.code).sort()).toEqual(['cccd_sex', 'cccd_year']);
    expect(preview.rows[2].issues.map((i) => i.code)).toContain('age_limit');
    expect(preview.rows[2].eligible).toBe(false);
  });

  it('warns when the last donation is less than the campaign interval before the donation day', async () => {
    const csv = 'STT;Họ và tên;Năm sinh;Giới tính;Ngày hiến gần nhất\n1;Nông Văn Tám;1990;Nam;15/04/2026\n2;Vi Thị Chín;1992;Nữ;01/01/2026\n';
    const { preview } = await buildPreview(ctx, { fileName: 'hien gan.csv', data: Buffer.from(csv, 'utf8'), campaignId });
    expect(preview.rows.map((r) => r.issues.map((i) => i.code))).toEqual([['interval'], []]);
  });

  it('detects a re-import, replaces on request, and undoes a whole batch', async () => {
    const f = await schoolsWorkbook();
    const first = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    const c1 = await commitImport(ctx, { previewId: first.preview.id, unitId: null, newUnitName: 'Cụm trường THPT', excluded: [`Sheet1!8`], edits: [{ key: 'Sheet1!4', field: 'full_name', value: 'nguyễn  thị hoà' }, { key: 'Sheet1!5', field: 'gender', value: 'Nữ' }, { key: 'Sheet1!5', field: 'birth_date', value: '3/4/2007' }] });
    expect(c1.imported).toBe(3);
    const edited = (await exportInterchange(ctx, campaignId)).rows.filter((r) => r.row === 4 || r.row === 5);
    expect(edited.map((r) => [r.full_name, r.gender, r.birth_date])).toEqual([['Nguyễn Thị Hoà', 'F', '2007-01-15'], ['Đoàn Văn Hậu', 'F', '2007-04-03']]);
    const again = await buildPreview(ctx, { fileName: f.name, data: f.data, campaignId });
    expect(again.preview.duplicateOf?.batchId).toBe(c1.batchId);
    await expect(commitImport(ctx, { previewId: again.preview.id, unitId: c1.unitId })).rejects.toThrow(/đã được nhập/);
    const c2 = await commitImport(ctx, { previewId: again.preview.id, unitId: c1.unitId, onDuplicate: 'replace' });
    expect(c2.replacedBatchId).toBe(c1.batchId);
    let rows = (await exportInterchange(ctx, campaignId)).rows;
    expect(rows).toHaveLength(4);
    await undoBatch(ctx, { batchId: c2.batchId! });
    rows = (await exportInterchange(ctx, campaignId)).rows;
    expect(rows).toHaveLength(0);
    expect((await listBatches(ctx, { campaignId })).map((b) => b.status)).toEqual(['undone', 'replaced']);
    const live = ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM people WHERE deleted_at IS NULL').get() as { n: number };
    expect(live.n).toBe(0);
  });
});
