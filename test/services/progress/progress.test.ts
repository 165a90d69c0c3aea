import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { saveQuotas } from '../../../electron/services/quotas/quotas';
import { getProgress } from '../../../electron/services/progress/progress';
import { exportProgressExcel } from '../../../electron/services/progress/export-progress';
import { addDonation, addPerson, addRegistration } from './seed';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { linkMerged } from '../../../electron/services/people/merge-links';
import { anonymisePeople } from '../../../electron/services/people/erase';

describe('progress', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-05-10T03:00:00Z')));
  afterEach(() => ctx.cleanup());

  async function scenario() {
    const c = await createCampaign(ctx, { name: 'Hành trình đỏ 2026', registrationDeadline: '2026-05-15', targetRegistrants: 20, targetBloodUnits: 10 });
    const ward = await createUnit(ctx, { name: 'Phường Vĩnh Trại', kind: 'commune', grouping: 'Cụm 1' });
    const village = await createUnit(ctx, { name: 'Khối 3', kind: 'village', parentId: ward.id });
    const youth = await createUnit(ctx, { name: 'Đoàn thanh niên', kind: 'mass_org', grouping: 'Cụm 2' });
    const police = await createUnit(ctx, { name: 'Công an thành phố', kind: 'armed', grouping: 'Cụm 2' });
    await saveQuotas(ctx, {
      campaignId: c.id,
      entries: [
        { unitId: ward.id, month: 0, registrants: 10, bloodUnits: 4 },
        { unitId: youth.id, month: 0, registrants: 5, bloodUnits: 4 },
        { unitId: police.id, month: 0, registrants: 5, bloodUnits: 2 },
      ],
    });
    // Ward: 3 people on its own list, 2 more from the village list (rolled up into the ward).
    const wardPeople = [0, 1, 2].map((i) => addPerson(ctx, { name: `Nguyễn Văn ${'ABC'[i]}` }));
    const wardRegs = wardPeople.map((p, i) => addRegistration(ctx, { personId: p, campaignId: c.id, unitId: ward.id, row: i + 5, createdAt: '2026-05-02T02:00:00Z' }));
    const v1 = addPerson(ctx, { name: 'Lê Thị Hoa' });
    const v2 = addPerson(ctx, { name: 'Lê Thị Hồng' });
    addRegistration(ctx, { personId: v1, campaignId: c.id, unitId: village.id, createdAt: '2026-05-03T02:00:00Z' });
    addRegistration(ctx, { personId: v2, campaignId: c.id, unitId: village.id, createdAt: '2026-05-03T02:00:00Z' });
    // Youth: 4 rows, one of them the same person as ward person A (registered by two organisations).
    const youthPeople = [0, 1, 2].map((i) => addPerson(ctx, { name: `Trần Minh ${'XYZ'[i]}` }));
    for (const p of youthPeople) addRegistration(ctx, { personId: p, campaignId: c.id, unitId: youth.id, createdAt: '2026-05-04T02:00:00Z' });
    const dupOfA = addPerson(ctx, { name: 'Nguyễn Văn A' });
    addRegistration(ctx, { personId: dupOfA, campaignId: c.id, unitId: youth.id, createdAt: '2026-05-04T02:00:00Z' });
    // A row in a list that was later undone does not count.
    const gone = addPerson(ctx, { name: 'Phạm Văn Gỡ' });
    addRegistration(ctx, { personId: gone, campaignId: c.id, unitId: youth.id, file: 'ds-huy.xlsx' });
    ctx.conn.sqlite.prepare("UPDATE import_batches SET status = 'undone' WHERE file_name = 'ds-huy.xlsx'").run();
    return { c, ward, village, youth, police, wardPeople, wardRegs, youthPeople, dupOfA, v1 };
  }

  it('counts registrations, people after duplicates, donated and deferred per unit under the merge rules', async () => {
    const s = await scenario();
    let p = await getProgress(ctx, { campaignId: s.c.id });
    const row = (id: number) => p.rows.find((r) => r.unitId === id)!;
    // Before the merge, the same person registered twice counts in both places.
    expect(row(s.youth.id)).toMatchObject({ registered: 4, afterDuplicates: 4 });
    expect(p.total.afterDuplicates).toBe(9);
    mergePeople(ctx, { survivorId: s.wardPeople[0], mergedId: s.dupOfA, choices: {} });
    addDonation(ctx, { personId: s.wardPeople[0], campaignId: s.c.id, date: '2026-06-17', registrationId: s.wardRegs[0] });
    addDonation(ctx, { personId: s.v1, campaignId: s.c.id, date: '2026-06-17' });
    addDonation(ctx, { personId: s.youthPeople[0], campaignId: s.c.id, date: '2026-06-17' });
    addDonation(ctx, { personId: s.youthPeople[1], campaignId: s.c.id, date: '2026-06-17', outcome: 'deferred' });
    p = await getProgress(ctx, { campaignId: s.c.id });
    expect(row(s.ward.id)).toMatchObject({ quotaRegistrants: 10, quotaBloodUnits: 4, registered: 5, afterDuplicates: 5, donated: 2, deferred: 0, percentRegistrants: 50, percentBloodUnits: 50, listReceived: true });
    expect(row(s.youth.id)).toMatchObject({ registered: 4, afterDuplicates: 3, donated: 1, deferred: 1, percentRegistrants: 60, percentBloodUnits: 25 });
    expect(row(s.police.id)).toMatchObject({ registered: 0, afterDuplicates: 0, listReceived: false, percentRegistrants: 0 });
    expect(p.rows.some((r) => r.unitId === s.village.id)).toBe(false);
    expect(p.total).toMatchObject({ quotaRegistrants: 20, quotaBloodUnits: 10, registered: 9, afterDuplicates: 8, donated: 3, deferred: 1, percentBloodUnits: 30, percentRegistrants: 40 });
    expect(p.unitsWithoutList).toEqual([{ unitId: s.police.id, unitName: 'Công an thành phố' }]);
    expect(p.daysRemaining).toBe(5);
    expect(p.byDay).toEqual([{ date: '2026-05-02', count: 3 }, { date: '2026-05-03', count: 2 }, { date: '2026-05-04', count: 4 }]);
  });

  it('follows a chain of merges and ignores deleted people', async () => {
    const s = await scenario();
    const third = addPerson(ctx, { name: 'Nguyễn Văn A' });
    addRegistration(ctx, { personId: third, campaignId: s.c.id, unitId: s.police.id });
    // dupOfA → third → wardPeople[0], registrations left where they were (not moved)
    ctx.data.write((w) => {
      linkMerged(w, s.dupOfA, third, '2026-05-05T00:00:00Z');
      linkMerged(w, third, s.wardPeople[0], '2026-05-05T00:00:00Z');
      anonymisePeople(w, [s.youthPeople[2]], '2026-05-05T00:00:00Z'); // erased on request: marked deleted
    });
    const p = await getProgress(ctx, { campaignId: s.c.id });
    expect(p.total).toMatchObject({ registered: 9, afterDuplicates: 7 });
    expect(p.rows.find((r) => r.unitId === s.police.id)).toMatchObject({ registered: 1, afterDuplicates: 0, listReceived: true });
  });

  it('filters by kind and grouping and sums groups', async () => {
    const s = await scenario();
    const byKind = await getProgress(ctx, { campaignId: s.c.id, kind: 'armed' });
    expect(byKind.rows.map((r) => r.unitId)).toEqual([s.police.id]);
    const grouped = await getProgress(ctx, { campaignId: s.c.id, groupBy: 'grouping' });
    const g2 = grouped.groups.find((g) => g.key === 'Cụm 2')!;
    expect(g2).toMatchObject({ quotaRegistrants: 10, registered: 4 });
    const onlyG1 = await getProgress(ctx, { campaignId: s.c.id, grouping: 'Cụm 1' });
    expect(onlyG1.total.registered).toBe(5);
    expect(onlyG1.byDay).toEqual([{ date: '2026-05-02', count: 3 }, { date: '2026-05-03', count: 2 }]);
    expect(grouped.groupings).toEqual(['Cụm 1', 'Cụm 2']);
  });

  it('exports the table to Excel with the figures and a total row', async () => {
    const s = await scenario();
    await ctx.conn.sqlite.prepare('UPDATE units SET name = ? WHERE id = ?').run('+Đội xung kích', s.police.id);
    const f = await exportProgressExcel(ctx, { campaignId: s.c.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiến độ')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const ward = rows.find((r) => r[1] === 'Phường Vĩnh Trại')!;
    expect(ward.slice(2, 8)).toEqual([10, 4, 5, 5, 0, 0]);
    expect(rows.find((r) => r[1] === 'Tổng cộng')!.slice(2, 6)).toEqual([20, 10, 9, 9]);
    expect(rows.some((r) => r[1] === "'+Đội xung kích")).toBe(true);
  });
});
