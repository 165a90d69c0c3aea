import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { copyCampaign, createCampaign, getCampaign, listCampaigns, updateCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { getQuotaTable, saveQuotas } from '../../../electron/services/quotas/quotas';

describe('campaigns', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('creates with defaults from the rules (ages 18–60, 12 weeks, Thông tư 15/2023 support) as the first-run screen does', async () => {
    const c = await createCampaign(ctx, { name: 'Đợt 1 năm 2026', donationDates: ['2026-06-17'] });
    expect(c).toMatchObject({ ageMinMale: 18, ageMaxMale: 60, ageMinFemale: 18, ageMaxFemale: 60, minIntervalDays: 84, donationDates: ['2026-06-17'] });
    expect(c.support).toEqual({ gift: { 250: 100000, 350: 150000, 450: 180000 }, travel: 50000, meal: 30000 });
  });

  it('edits every field, keeps legal bases one per line, and refuses impossible ages', async () => {
    const c = await createCampaign(ctx, { name: 'Hành trình đỏ' });
    const u = await updateCampaign(ctx, {
      id: c.id,
      slogan: 'Hiến giọt máu đào - Trao đời sự sống',
      planNumber: '15/KH-BCĐ',
      legalBases: ['Công văn số 02/BCĐ ngày 04/01/2024', 'Thông báo số 64/CTĐ.CSSK ngày 14/3/2024'],
      registrationDeadline: '2024-05-15',
      donationDates: ['2024-06-18', '2024-06-17'],
      donationTime: '6 giờ 30 phút',
      place: 'Nhà Đa năng - UBND thành phố',
      bloodFacility: 'Viện Huyết học - Truyền máu Trung ương',
      targetRegistrants: 1000,
      targetBloodUnits: 550,
      ageMaxFemale: 55,
      minIntervalDays: 90,
      support: { gift: { 250: 120000, 350: 170000, 450: 200000 }, travel: 40000, meal: 30000 },
    });
    expect(u).toMatchObject({ legalBases: ['Công văn số 02/BCĐ ngày 04/01/2024', 'Thông báo số 64/CTĐ.CSSK ngày 14/3/2024'], donationDates: ['2024-06-17', '2024-06-18'], ageMaxFemale: 55, targetBloodUnits: 550 });
    expect((await getCampaign(ctx, c.id)).support.gift[450]).toBe(200000);
    await expect(updateCampaign(ctx, { id: c.id, ageMinMale: 61 })).rejects.toThrow(/Tuổi tối thiểu/);
  });

  it('copies a campaign with its settings and quotas but not its dates', async () => {
    const unit = await createUnit(ctx, { name: 'Công an quận', kind: 'armed' });
    const c = await createCampaign(ctx, { name: 'Đợt 1', donationDates: ['2026-06-17'], targetBloodUnits: 40, ageMaxFemale: 55 });
    await saveQuotas(ctx, { campaignId: c.id, entries: [{ unitId: unit.id, month: 0, registrants: 50, bloodUnits: 40 }] });
    const copy = await copyCampaign(ctx, { id: c.id, name: 'Đợt 2' });
    expect(copy).toMatchObject({ name: 'Đợt 2', donationDates: [], targetBloodUnits: 40, ageMaxFemale: 55 });
    expect((await getQuotaTable(ctx, copy.id)).entries).toEqual([{ unitId: unit.id, month: 0, registrants: 50, bloodUnits: 40 }]);
    expect((await listCampaigns(ctx)).map((x) => x.name)).toEqual(['Đợt 2', 'Đợt 1']);
  });
});
