import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit, listUnits } from '../../../electron/services/units/units';
import { importFiles } from '../../../electron/services/imports/import-files';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { AUTO_APPLY_CONFIDENCE } from '../../../electron/services/imports/guess-unit';

const LISTS = path.resolve(__dirname, '../../../../shared/campaign-2026/lists');
const read = (f: string) => ({ name: f, data: fs.readFileSync(path.join(LISTS, f)) });

async function list(title: string[], name: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const t of title) ws.addRow([t]);
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Địa chỉ']);
  ws.addRow([1, 'Nguyễn Văn An', '12/3/1990', '020090000111', 'Thôn 1']);
  ws.addRow([2, 'Trần Thị Bình', '5/6/1995', '020195000222', 'Thôn 2']);
  return { name, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}

describe('a list lands under its unit', () => {
  let ctx: ReturnType<typeof tempContext>;
  let campaignId: number;
  beforeEach(async () => {
    ctx = tempContext();
    campaignId = (await createCampaign(ctx, { name: 'Đợt 1 năm 2026', donationDates: ['2026-05-28'] })).id;
  });
  afterEach(() => ctx.cleanup());

  it('uses abbreviations, titles and addresses: units written as the clerk wrote them get their lists (issue 13)', async () => {
    const gd = await createUnit(ctx, { name: 'Phòng GD&ĐT', kind: 'agency' });
    const hvt = await createUnit(ctx, { name: 'P. Hoàng Văn Thụ', kind: 'commune' });
    const pn = await createUnit(ctx, { name: 'Hội LHPN thành phố', kind: 'mass_org' });
    const school = await createUnit(ctx, { name: 'Trường THPT Hoàng Văn Thụ', kind: 'school' });
    const files = ['PGD_DS CBGVNV dang ky HMTN.xlsx', 'HVT_bosung.csv', 'Hoi LHPN TP - DS hoi vien dang ky.xlsx', 'THPT Hoang Van Thu.xlsx', 'HVT_dot1_2026.xlsx'];
    const out = await importFiles(ctx, files.map(read), { campaignId, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    expect(out.map((o) => [o.file, o.unitId])).toEqual([
      [files[0], gd.id], [files[1], hvt.id], [files[2], pn.id], [files[3], school.id], [files[4], hvt.id],
    ]);
    expect(await listUnits(ctx)).toHaveLength(4);
  });

  it('shows how sure the guess is; an unsure guess is never applied by --unit auto and never creates a unit', async () => {
    await createUnit(ctx, { name: 'Phường Đông Kinh', kind: 'commune' });
    const sure = await buildPreview(ctx, { fileName: 'Dong Kinh 2026.xlsx', data: read('Dong Kinh 2026.xlsx').data, campaignId });
    expect(sure.preview.unit.confidence).toBeGreaterThanOrEqual(AUTO_APPLY_CONFIDENCE);
    expect(sure.preview.unit.reason).toMatch(/khá chắc|chắc chắn/);
    const [o] = await importFiles(ctx, [await list([], 'DS UTF8 BOM.xlsx')], { campaignId, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    expect(o).toMatchObject({ ok: true, unitId: null, imported: 2 });
    expect(o.message).toMatch(/Chưa gán đơn vị vì chưa chắc.*--unit/);
    expect((await listUnits(ctx)).map((u) => u.name)).toEqual(['Phường Đông Kinh']);
  });

  it('a title naming a unit not yet known makes a new unit with its diacritics; its "bổ sung" list joins it', async () => {
    const [a, b] = await importFiles(ctx, [await list(['UBND XÃ YÊN TRẠCH', 'DANH SÁCH ĐĂNG KÝ HIẾN MÁU'], 'Yen Trach.xlsx'), await list([], 'Yen Trach bo sung.xlsx')], { campaignId, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    const units = await listUnits(ctx);
    expect(units.map((u) => [u.name, u.kind])).toEqual([['Xã Yên Trạch', 'commune']]);
    expect([a.unitId, b.unitId]).toEqual([units[0].id, units[0].id]);
  });
});

describe('a list of one sheet per village', () => {
  let ctx: ReturnType<typeof tempContext>;
  afterEach(() => ctx.cleanup());
  it('goes to the commune, not to one of its villages', async () => {
    ctx = tempContext();
    const campaignId = (await createCampaign(ctx, { name: 'Đợt 1' })).id;
    const hd = await createUnit(ctx, { name: 'Xã Hoàng Đồng', kind: 'commune' });
    for (const v of ['Thôn Nà Chuông', 'Thôn Khòn Khuyên', 'Thôn Hoàng Thanh', 'Thôn Pò Mỏ']) await createUnit(ctx, { name: v, kind: 'village', parentId: hd.id });
    const [o] = await importFiles(ctx, [read('Hoàng Đồng - tổng hợp ĐK HMTN.xlsx')], { campaignId, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    expect(o.unitId).toBe(hd.id);
    expect(o.message).not.toMatch(/Chưa gán/);
  });
});
