import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { searchCheckin } from '../../../electron/services/donation-day/search';
import { recordOutcome } from '../../../electron/services/donation-day/record-outcome';
import { addWalkIn } from '../../../electron/services/donation-day/walk-in';
import { dayStats } from '../../../electron/services/donation-day/stats';
import { getProgress } from '../../../electron/services/progress/progress';
import { addDonation, addPerson, addRegistration } from '../progress/seed';
import { mergePeople } from '../../../electron/services/duplicates/merge';

describe('donation day: check-in and outcomes', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-06-17T01:00:00Z')));
  afterEach(() => ctx.cleanup());

  async function setup() {
    const c = await createCampaign(ctx, { name: 'Hành trình đỏ 2026', donationDates: ['2026-06-17'], bloodFacility: 'Bệnh viện Đa khoa tỉnh' });
    const unit = await createUnit(ctx, { name: 'Phòng Giáo dục và Đào tạo', kind: 'agency' });
    const people = [
      { name: 'Nguyễn Thị Hồng Vân', nid: '001190012345', phone: '0912345678', birth: '1990-03-04', gender: 'F' as const },
      { name: 'Nguyễn Văn An', nid: '001090000111', phone: '0987000111', birth: '1985-01-01', gender: 'M' as const },
      { name: 'Đặng Văn Đức', nid: null, phone: '0356111222', birth: '1995', gender: 'M' as const },
      { name: 'Trần Thị Hoà', nid: '038195000999', phone: null, birth: '1995-07-07', gender: 'F' as const },
    ].map((p, i) => {
      const id = addPerson(ctx, p);
      return { id, reg: addRegistration(ctx, { personId: id, campaignId: c.id, unitId: unit.id, row: i + 4, sheet: 'DS' }) };
    });
    return { c, unit, people };
  }

  it('finds people by a few letters without diacritics, by phone and by ID digits', async () => {
    const { c, people } = await setup();
    const names = (q: string) => searchCheckin(ctx, { campaignId: c.id, q }).hits.map((h) => h.fullName);
    expect(names('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(names('ng an')).toEqual(['Nguyễn Văn An']);
    expect(names('VAN')).toEqual(expect.arrayContaining(['Nguyễn Thị Hồng Vân', 'Nguyễn Văn An']));
    expect(names('duc')).toEqual(['Đặng Văn Đức']);
    expect(names('hoa')).toEqual(['Trần Thị Hoà']);
    expect(names('111222')).toEqual(['Đặng Văn Đức']);
    expect(names('0912 345')).toEqual(['Nguyễn Thị Hồng Vân']);
    expect(names('000999')).toEqual(['Trần Thị Hoà']);
    expect(names('xyz')).toEqual([]);
    const hit = searchCheckin(ctx, { campaignId: c.id, q: 'an' }).hits.find((h) => h.personId === people[1].id)!;
    expect(hit).toMatchObject({ registrationId: people[1].reg, unitName: 'Phòng Giáo dục và Đào tạo', outcome: null });
  });

  it('records came, donated with a certificate serial, deferred with a reason, and replaces rather than doubles', async () => {
    const { c, people } = await setup();
    const [van, an] = people;
    let hit = await recordOutcome(ctx, { campaignId: c.id, personId: van.id, outcome: 'came' });
    expect(hit.outcome).toBe('came');
    hit = await recordOutcome(ctx, { campaignId: c.id, personId: van.id, outcome: 'donated', volumeMl: 350, certificateSerial: 'AB-000123' });
    expect(hit).toMatchObject({ outcome: 'donated', volumeMl: 350, certificateSerial: 'AB-000123', donationCount: 1, lastDonation: '2026-06-17', nextEligible: '2026-09-09' });
    hit = await recordOutcome(ctx, { campaignId: c.id, personId: van.id, outcome: 'donated', volumeMl: 450, certificateSerial: 'AB-000123' });
    expect(ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 1 });
    expect(ctx.conn.sqlite.prepare('SELECT person_id, registration_id, volume_ml, facility, donated_on FROM donations').get()).toEqual({
      person_id: van.id, registration_id: van.reg, volume_ml: 450, facility: 'Bệnh viện Đa khoa tỉnh', donated_on: '2026-06-17',
    });
    await expect(recordOutcome(ctx, { campaignId: c.id, personId: an.id, outcome: 'donated', volumeMl: 250, certificateSerial: 'AB-000123' })).rejects.toThrow(/đã được dùng cho người khác/);
    await expect(recordOutcome(ctx, { campaignId: c.id, personId: an.id, outcome: 'deferred' })).rejects.toThrow(/lý do/);
    hit = await recordOutcome(ctx, { campaignId: c.id, personId: an.id, outcome: 'deferred', reason: 'Huyết áp thấp' });
    expect(hit).toMatchObject({ outcome: 'deferred', deferralReason: 'Huyết áp thấp', volumeMl: null, donationCount: 0 });
    expect(ctx.conn.sqlite.prepare('SELECT reason FROM deferrals').all()).toEqual([{ reason: 'Huyết áp thấp' }]);
    expect(dayStats(ctx, c.id)).toMatchObject({ registered: 4, came: 2, donated: 1, deferred: 1, byVolume: { 250: 0, 350: 0, 450: 1 } });
    const p = await getProgress(ctx, { campaignId: c.id });
    expect(p.total).toMatchObject({ donated: 1, deferred: 1 });
    hit = await recordOutcome(ctx, { campaignId: c.id, personId: van.id, outcome: 'clear' });
    expect(hit.outcome).toBeNull();
    expect(ctx.conn.sqlite.prepare("SELECT status FROM certificate_serials WHERE serial = 'AB-000123'").get()).toEqual({ status: 'void' });
  });

  it('adds the history of earlier donations and merged records to the person', async () => {
    const { c, people } = await setup();
    const [, an] = people;
    const old = addPerson(ctx, { name: 'Nguyễn Văn An', nid: '001090000111' });
    addDonation(ctx, { personId: old, campaignId: null, date: '2026-05-01' });
    mergePeople(ctx, { survivorId: an.id, mergedId: old, choices: {} });
    const hit = searchCheckin(ctx, { campaignId: c.id, q: '0987000111' }).hits[0];
    expect(hit).toMatchObject({ personId: an.id, donationCount: 1, lastDonation: '2026-05-01', nextEligible: '2026-07-24' });
  });

  it('checks a walk-in against the registry first, then adds person and registration', async () => {
    const { c, people } = await setup();
    const r1 = await addWalkIn(ctx, { campaignId: c.id, fullName: 'nguyen van an', phone: '987000111' });
    expect(r1.status).toBe('matches');
    expect(r1.candidates.map((h) => h.personId)).toEqual([people[1].id]);
    const reuse = await addWalkIn(ctx, { campaignId: c.id, fullName: 'Nguyễn Văn An', usePersonId: people[1].id });
    expect(reuse.hit!.registrationId).toBe(people[1].reg);
    const r2 = await addWalkIn(ctx, { campaignId: c.id, fullName: '  lê   văn  bình ', birthDate: '2000-02-02', gender: 'M', phone: '+84 901 234 567' });
    expect(r2.status).toBe('created');
    expect(r2.hit).toMatchObject({ fullName: 'Lê Văn Bình', walkIn: true, phone: '0901234567' });
    expect(searchCheckin(ctx, { campaignId: c.id, q: 'le van binh' }).hits.map((h) => h.personId)).toEqual([r2.hit!.personId]);
    const hit = await recordOutcome(ctx, { campaignId: c.id, personId: r2.hit!.personId, outcome: 'donated', volumeMl: 250 });
    expect(hit.outcome).toBe('donated');
    const p = await getProgress(ctx, { campaignId: c.id });
    expect(p.rows.find((r) => r.unitId === null)).toMatchObject({ registered: 1, donated: 1 });
  });
});
