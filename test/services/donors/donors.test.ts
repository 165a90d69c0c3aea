import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { searchDonors } from '../../../electron/services/donors/search-donors';
import { getPersonPage } from '../../../electron/services/donors/person-page';
import { eligibleDonors, exportEligibleExcel, markHonoured, milestoneList, rareAndReserve, setMilestones } from '../../../electron/services/donors/lists';
import { setReserve } from '../../../electron/services/donors/reserve';
import { addDonation, addPerson, addRegistration } from '../progress/seed';
import { mergePeople } from '../../../electron/services/duplicates/merge';

describe('donors registry', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-08-01T01:00:00Z')));
  afterEach(() => ctx.cleanup());

  async function setup() {
    const past = await createCampaign(ctx, { name: 'Hành trình đỏ 2026', donationDates: ['2026-06-17'] });
    const next = await createCampaign(ctx, { name: 'Đợt 2 năm 2026', donationDates: ['2026-09-10'], ageMaxFemale: 55 });
    const school = await createUnit(ctx, { name: 'Trường THPT Việt Bắc', kind: 'school' });
    const ward = await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    const mk = (name: string, unitId: number, extra: Parameters<typeof addPerson>[1] = { name }) => {
      const id = addPerson(ctx, { ...extra, name });
      addRegistration(ctx, { personId: id, campaignId: past.id, unitId });
      return id;
    };
    const an = mk('Nguyễn Văn An', school.id, { name: '', gender: 'M', birth: '1990-01-01', blood: 'O+', phone: '0912000001' });
    const binh = mk('Lê Thị Bình', school.id, { name: '', gender: 'F', birth: '1968-05-05', blood: 'A Rh-' });
    const cuong = mk('Trần Văn Cường', ward.id, { name: '', gender: 'M', birth: '1999', blood: 'B', prior: 9 });
    const dung = mk('Phạm Thị Dung', ward.id, { name: '', gender: 'F', birth: '2001-01-01', blood: 'O-' });
    addDonation(ctx, { personId: an, campaignId: past.id, date: '2026-06-17' }); // next eligible 2026-09-09
    addDonation(ctx, { personId: binh, campaignId: past.id, date: '2026-06-17' }); // 58 at the next campaign: too old for women there
    addDonation(ctx, { personId: cuong, campaignId: past.id, date: '2026-07-01' }); // 84 days → 2026-09-23, too soon
    addDonation(ctx, { personId: dung, campaignId: past.id, date: '2026-06-17', outcome: 'deferred' });
    return { past, next, school, ward, an, binh, cuong, dung };
  }

  it('searches by name without diacritics and by phone, filters, and sorts by given name', async () => {
    const s = await setup();
    for (let i = 0; i < 250; i++) addPerson(ctx, { name: `Hoàng Khách ${i} Xuân` });
    expect(searchDonors(ctx, { q: 'nguyen an' }).items.map((p) => p.id)).toEqual([s.an]);
    expect(searchDonors(ctx, { q: '0912000001' }).items.map((p) => p.id)).toEqual([s.an]);
    expect(searchDonors(ctx, { rhNegative: true }).items.map((p) => p.fullName)).toEqual(['Lê Thị Bình', 'Phạm Thị Dung']);
    expect(searchDonors(ctx, { unitId: s.ward.id }).items.map((p) => p.fullName)).toEqual(['Trần Văn Cường', 'Phạm Thị Dung']);
    expect(searchDonors(ctx, { minDonations: 5 }).items.map((p) => [p.fullName, p.donationCount])).toEqual([['Trần Văn Cường', 10]]);
    const page = searchDonors(ctx, { offset: 0, limit: 3 });
    expect(page.total).toBe(254);
    expect(page.items.map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Văn Cường']);
    expect(searchDonors(ctx, { q: 'khach', offset: 200, limit: 100 }).items).toHaveLength(50);
  });

  it('shows a person page with merged records, units, donations, certificates and honours', async () => {
    const s = await setup();
    const old = addPerson(ctx, { name: 'Nguyễn Văn An' });
    addDonation(ctx, { personId: old, campaignId: null, date: '2025-12-01' });
    mergePeople(ctx, { survivorId: s.an, mergedId: old, choices: {} });
    markHonoured(ctx, { personId: s.an, milestone: 5 });
    const page = getPersonPage(ctx, old);
    expect(page).toMatchObject({ id: s.an, mergedIds: [old], donationCount: 2, lastDonation: '2026-06-17', nextEligible: '2026-09-09', bloodGroup: 'O+' });
    expect(page.units).toEqual([{ unitId: s.school.id, unitName: 'Trường THPT Việt Bắc', campaignId: s.past.id, campaignName: 'Hành trình đỏ 2026', credited: true }]);
    expect(page.donations.map((d) => d.date)).toEqual(['2026-06-17', '2025-12-01']);
    expect(page.honours).toEqual([{ milestone: 5, proposedOn: '2026-08-01', awardedOn: null }]);
    expect(searchDonors(ctx, { q: 'nguyen van an' }).total).toBe(1);
  });

  it('lists donors eligible again at the next campaign by interval and age, and exports them per unit', async () => {
    const s = await setup();
    const e = await eligibleDonors(ctx, { campaignId: s.next.id });
    expect(e.asOf).toBe('2026-09-10');
    expect(e.items.map((p) => p.fullName)).toEqual(['Nguyễn Văn An']);
    const f = await exportEligibleExcel(ctx, { campaignId: s.next.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Trường THPT Việt Bắc']);
    expect(wb.worksheets[0].getRow(4).getCell(2).value).toBe('Nguyễn Văn An');
  });

  it('lists rare groups and reserve donors, and milestones not yet honoured', async () => {
    const s = await setup();
    setReserve(ctx, { personId: s.an, reserve: true });
    expect(rareAndReserve(ctx).items.map((p) => p.fullName).sort()).toEqual(['Lê Thị Bình', 'Nguyễn Văn An', 'Phạm Thị Dung']);
    let m = await milestoneList(ctx);
    expect(m.milestones).toEqual([5, 10, 15, 20, 30, 40, 50, 100]);
    expect(m.items.map((x) => [x.fullName, x.milestone])).toEqual([['Trần Văn Cường', 10]]);
    // proposed: still on the list (the list is the proposal), with the date; awarded: off it
    markHonoured(ctx, { personId: s.cuong, milestone: 10 });
    expect((await milestoneList(ctx)).items.map((x) => [x.fullName, x.milestone, x.proposedOn])).toEqual([['Trần Văn Cường', 10, '2026-08-01']]);
    markHonoured(ctx, { personId: s.cuong, milestone: 10, awarded: true });
    expect((await milestoneList(ctx)).items).toEqual([]);
    await setMilestones(ctx, [1, 3]);
    m = await milestoneList(ctx);
    // Cường was awarded 10: a lower milestone is not proposed again
    expect(m.items.map((x) => [x.fullName, x.milestone]).sort()).toEqual([['Lê Thị Bình', 1], ['Nguyễn Văn An', 1]]);
  });
});
