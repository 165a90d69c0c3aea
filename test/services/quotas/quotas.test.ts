import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { getQuotaTable, saveQuotas } from '../../../electron/services/quotas/quotas';
import { proposeQuotas } from '../../../electron/services/quotas/propose';
import { largestRemainder } from '../../../electron/services/quotas/largest-remainder';
import { importQuotasFromExcel } from '../../../electron/services/quotas/import-quotas';
import { exportQuotasExcel } from '../../../electron/services/quotas/export-quotas';
import { addDonation, addPerson, addRegistration } from '../progress/seed';

describe('largest remainder split', () => {
  it('keeps the total exact and each part within one of its exact share', () => {
    const weights = [194, 78, 55, 1, 0, 13];
    for (const total of [0, 1, 7, 550, 1000, 1001]) {
      const parts = largestRemainder(total, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      const sum = weights.reduce((a, b) => a + b, 0);
      parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1));
      expect(parts[4]).toBe(0);
    }
  });

  it('gives the leftover units to the largest remainders', () => {
    // exact shares 3.33.., 3.33.., 3.33.. → one unit to the first (ties by weight then order)
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 10 × [0.15, 0.25, 0.6] = 1.5, 2.5, 6 → remainders .5/.5: larger weight first
    expect(largestRemainder(10, [15, 25, 60])).toEqual([1, 3, 6]);
    expect(largestRemainder(5, [0, 0])).toEqual([3, 2]);
  });
});

describe('quotas service', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  async function setup() {
    const c = await createCampaign(ctx, { name: 'Hành trình đỏ 2026', targetRegistrants: 1000, targetBloodUnits: 550 });
    const gd = await createUnit(ctx, { name: 'Phòng Giáo dục và Đào tạo', kind: 'agency' });
    const ld = await createUnit(ctx, { name: 'Liên đoàn lao động', kind: 'mass_org', shortName: 'LĐLĐ' });
    const dt = await createUnit(ctx, { name: 'Đoàn thanh niên', kind: 'mass_org' });
    const ca = await createUnit(ctx, { name: 'Công an quận', kind: 'armed' });
    return { c, gd, ld, dt, ca };
  }

  it('saves cells, sums months when no whole-campaign figure, and shows the difference to the target', async () => {
    const { c, gd, ld, dt } = await setup();
    let t = await saveQuotas(ctx, {
      campaignId: c.id,
      entries: [
        { unitId: gd.id, month: 0, registrants: 300, bloodUnits: 160 },
        { unitId: ld.id, month: 5, registrants: null, bloodUnits: 60 },
        { unitId: ld.id, month: 6, registrants: null, bloodUnits: 40 },
        { unitId: dt.id, month: 0, registrants: 200, bloodUnits: 150 },
      ],
    });
    expect(t.totals).toEqual({ registrants: 500, bloodUnits: 410 });
    expect(t.difference).toEqual({ registrants: -500, bloodUnits: -140 });
    expect(t.months).toEqual([5, 6]);
    t = await saveQuotas(ctx, { campaignId: c.id, entries: [{ unitId: dt.id, month: 0, registrants: null, bloodUnits: null }, { unitId: gd.id, month: 0, registrants: 800, bloodUnits: 160 }] });
    expect(t.entries.some((e) => e.unitId === dt.id)).toBe(false);
    expect(t.totals).toEqual({ registrants: 800, bloodUnits: 260 });
  });

  it('proposes from an earlier campaign in proportion to its results, totals exact', async () => {
    const { c, gd, ld, dt, ca } = await setup();
    const last = await createCampaign(ctx, { name: 'Giọt hồng trao yêu thương 2025' });
    const results: [number, number][] = [[gd.id, 194], [ld.id, 78], [dt.id, 55], [ca.id, 1]];
    for (const [unitId, n] of results) {
      for (let i = 0; i < n; i++) {
        const p = addPerson(ctx, { name: `Người ${unitId}-${i}` });
        const r = addRegistration(ctx, { personId: p, campaignId: last.id, unitId, row: i + 2 });
        addDonation(ctx, { personId: p, campaignId: last.id, date: '2025-10-24', registrationId: r });
      }
    }
    const prop = await proposeQuotas(ctx, { campaignId: c.id, fromCampaignId: last.id });
    expect(prop.basisTotal).toBe(328);
    const blood = prop.entries.map((e) => e.bloodUnits!);
    expect(blood.reduce((a, b) => a + b, 0)).toBe(550);
    expect(prop.entries.map((e) => e.registrants!).reduce((a, b) => a + b, 0)).toBe(1000);
    // 550 × 194/328 = 325.3 → 325; 1 unit → 1.68 → 2 (largest remainder)
    expect(prop.entries.find((e) => e.unitId === gd.id)!.bloodUnits).toBe(325);
    expect(prop.entries.find((e) => e.unitId === ca.id)!.bloodUnits).toBe(2);
    expect((await getQuotaTable(ctx, c.id)).entries).toHaveLength(0);
    const empty = await createCampaign(ctx, { name: 'Đợt chưa có kết quả' });
    await expect(proposeQuotas(ctx, { campaignId: c.id, fromCampaignId: empty.id })).rejects.toThrow(/chưa có kết quả/);
  });

  it('imports a month table with a "Cộng" row, matching names without diacritics or by short name and reporting unknown units by row', async () => {
    const { c, gd, ld, dt } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(['BIỂU CHỈ TIÊU']);
    ws.addRow(['Số TT', 'Đơn vị', 'Tháng 5', 'Tháng 6']);
    ws.addRow(['01', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 100, null]);
    ws.addRow(['02', 'LĐLĐ', null, 150]);
    ws.addRow(['03', 'Huyện Kiên Lương', 320, null]);
    ws.addRow(['04', 'doan thanh nien', '1.200', 30]);
    ws.addRow(['', 'Cộng', 1620, 180]);
    const r = await importQuotasFromExcel(ctx, c.id, 'chi-tieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.unknown).toMatchObject([{ row: 5, name: 'Huyện Kiên Lương', suggestion: { unitId: null, newName: 'Huyện Kiên Lương' } }]);
    expect(r.warnings).toEqual([]);
    expect(r.counts).toMatchObject({ unit: 4, total: 1, title: 1, header: 1 });
    expect(r.table.months).toEqual([5, 6]);
    const get = (u: number, m: number) => r.table.entries.find((e) => e.unitId === u && e.month === m)?.bloodUnits;
    expect([get(gd.id, 5), get(ld.id, 6), get(dt.id, 5), get(dt.id, 6)]).toEqual([100, 150, 1200, 30]);
    expect(r.table.totals.bloodUnits).toBe(1480);
  });

  it('keeps the table when a file names no known unit, until the clerk answers', async () => {
    const { c, gd } = await setup();
    await saveQuotas(ctx, { campaignId: c.id, entries: [{ unitId: gd.id, month: 0, registrants: 300, bloodUnits: 160 }] });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chỉ tiêu');
    ws.addRow(['STT', 'Đơn vị', 'Người đăng ký']);
    ws.addRow([1, 'Xã Mới Lập', 40]);
    ws.addRow([2, 'Huyện Kiên Lương', 30]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importQuotasFromExcel(ctx, c.id, 'khac.xlsx', file);
    expect(r.unknown.map((u) => u.name)).toEqual(['Xã Mới Lập', 'Huyện Kiên Lương']);
    expect(r.imported).toBe(0);
    expect((await getQuotaTable(ctx, c.id)).entries).toEqual([{ unitId: gd.id, month: 0, registrants: 300, bloodUnits: 160 }]);
    // Answered, the file replaces the table.
    const answered = await importQuotasFromExcel(ctx, c.id, 'khac.xlsx', file, { resolutions: r.unknown.map((u) => ({ row: u.row, unitId: null, newName: u.suggestion!.newName })) });
    expect(answered.createdUnits).toHaveLength(2);
    expect(answered.table.totals.registrants).toBe(70);
  });

  it('imports a two-row header (registrants and blood units under "Chỉ tiêu") and round-trips its own export, escaping formula-like names', async () => {
    const { c, gd } = await setup();
    const odd = await createUnit(ctx, { name: '=HYPERLINK("http://x")', kind: 'other' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Biểu');
    ws.addRow(['STT', 'Tên đơn vị', 'Chỉ tiêu', '']);
    ws.addRow(['', '', 'Người đăng ký', 'Đơn vị máu']);
    ws.mergeCells('C1:D1');
    ws.addRow([1, 'Phòng Giáo dục và Đào tạo', 300, 160]);
    const r = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.table.entries).toEqual([{ unitId: gd.id, month: 0, registrants: 300, bloodUnits: 160 }]);
    await saveQuotas(ctx, { campaignId: c.id, entries: [{ unitId: odd.id, month: 7, registrants: 5, bloodUnits: 4 }] });
    const file = await exportQuotasExcel(ctx, c.id);
    expect(file.name).toMatch(/\.xlsx$/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = back.worksheets[0];
    const names = sheet.getColumn(2).values.filter((v) => typeof v === 'string') as string[];
    expect(names).toContain(`'=HYPERLINK("http://x")`);
    expect(names).toContain('Cộng');
    const before = await getQuotaTable(ctx, c.id);
    await saveQuotas(ctx, { campaignId: c.id, entries: [], replace: true });
    const again = await importQuotasFromExcel(ctx, c.id, file.name, Buffer.from(file.dataBase64, 'base64'));
    expect(again.unknown).toEqual([]);
    expect(again.table.totals).toEqual(before.totals);
    expect(again.table.entries.find((e) => e.unitId === odd.id && e.month === 7)).toMatchObject({ registrants: 5, bloodUnits: 4 });
  });
});
