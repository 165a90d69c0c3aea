import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { getPersonPage } from '../../../electron/services/donors/person-page';
import { eligibleDonors, milestoneList, setMilestones } from '../../../electron/services/donors/lists';
import { honourCandidates } from '../../../electron/services/donors/honours';
import { applyCredit, reapplyCreditRule, setCreditRule, setCreditedRegistration } from '../../../electron/services/duplicates/credit';
import { listAudit } from '../../../electron/services/privacy/audit-reader';
import { recordExport } from '../../../electron/services/audit/export-log';
import { addDonation, addPerson, addRegistration } from '../progress/seed';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { campaignResults } from '../../../electron/services/progress/unit-results';

/** Issue 15's rules on a real SQLite file: quota credit by list date, eligible-again date, one count, one honour rule, audit. */
describe('issue 15 rules', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-12-01T03:00:00Z')));
  afterEach(() => ctx.cleanup());

  const credited = (personId: number) =>
    (ctx.conn.sqlite.prepare('SELECT unit_id, credited FROM registrations WHERE person_id = ? ORDER BY id').all(personId) as { unit_id: number; credited: number }[]).map((r) => [r.unit_id, r.credited]);

  it('credits the unit whose list is dated first, not the one imported first; or both units when the office says so', async () => {
    const c = await createCampaign(ctx, { name: 'Đợt 1 năm 2026', donationDates: ['2026-05-28'] });
    const youth = await createUnit(ctx, { name: 'Thành đoàn', kind: 'mass_org' });
    const ward = await createUnit(ctx, { name: 'Phường Đông Kinh', kind: 'commune' });
    // the ward's list was imported first (lower ids), but Thành đoàn sent theirs earlier
    const a = addPerson(ctx, { name: 'Hoàng Thị Mai', nid: '020196001234' });
    const ra = addRegistration(ctx, { personId: a, campaignId: c.id, unitId: ward.id, file: 'phuong.xlsx' });
    const b = addPerson(ctx, { name: 'Hoàng Thị Mai', nid: '020196001234' });
    const rb = addRegistration(ctx, { personId: b, campaignId: c.id, unitId: youth.id, file: 'thanh-doan.xlsx' });
    const batchOf = (reg: number) => (ctx.conn.sqlite.prepare('SELECT batch_id FROM registrations WHERE id = ?').get(reg) as { batch_id: number }).batch_id;
    ctx.conn.sqlite.prepare('UPDATE import_batches SET list_date = ? WHERE id = ?').run('2026-05-10', batchOf(ra));
    ctx.conn.sqlite.prepare('UPDATE import_batches SET list_date = ? WHERE id = ?').run('2026-05-03', batchOf(rb));
    mergePeople(ctx, { survivorId: a, mergedId: b, choices: {} });
    ctx.data.write((w) => applyCredit(w, a, c.id, null));
    expect(credited(a)).toEqual([[ward.id, 0], [youth.id, 1]]);

    const after = () => { const r = campaignResults(ctx.data.read, c.id).byUnit; return [r.get(ward.id)?.afterDuplicates, r.get(youth.id)?.afterDuplicates]; };
    expect(after()).toEqual([0, 1]);
    setCreditRule(ctx, 'both_units');
    expect(credited(a)).toEqual([[ward.id, 1], [youth.id, 1]]);
    // the progress figures count the person for both units under that rule
    expect(after()).toEqual([1, 1]);
    setCreditRule(ctx, 'first_list');
    expect(credited(a)).toEqual([[ward.id, 0], [youth.id, 1]]);

    // the clerk's own choice survives a change of rule
    setCreditedRegistration(ctx, ra);
    expect(credited(a)).toEqual([[ward.id, 1], [youth.id, 0]]);
    expect(ctx.data.write((w) => reapplyCreditRule(w))).toBe(0);
    expect(credited(a)).toEqual([[ward.id, 1], [youth.id, 0]]);
    const rule = await listAudit(ctx, { category: 'duplicates' });
    expect(rule.rows.map((r) => r.detail).join(' ')).toMatch(/theo ngày nhận\/gửi của danh sách/);
  });

  it('judges "eligible again" on a day the clerk sets, by default today rather than a past campaign day', async () => {
    const may = await createCampaign(ctx, { name: 'Đợt tháng 5', donationDates: ['2026-05-28'] });
    const ward = await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    const p = addPerson(ctx, { name: 'Nguyễn Văn Hùng', gender: 'M', birth: '1990-02-02' });
    addRegistration(ctx, { personId: p, campaignId: may.id, unitId: ward.id });
    addDonation(ctx, { personId: p, campaignId: may.id, date: '2026-05-28' });
    const byDefault = await eligibleDonors(ctx, { campaignId: may.id });
    expect(byDefault.asOf).toBe('2026-12-01');
    expect(byDefault.items.map((x) => x.fullName)).toEqual(['Nguyễn Văn Hùng']);
    const early = await eligibleDonors(ctx, { campaignId: may.id, asOf: '2026-07-01' });
    expect(early.items).toEqual([]);
    const next = await createCampaign(ctx, { name: 'Đợt 1 năm 2027', donationDates: ['2027-03-15'] });
    expect((await eligibleDonors(ctx, { campaignId: next.id })).asOf).toBe('2027-03-15');
  });

  it('adds a donation of the day to the count a list declared, even when the list was imported after the day', async () => {
    const may = await createCampaign(ctx, { name: 'Đợt tháng 5', donationDates: ['2026-05-28'] });
    const ward = await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    const p = addPerson(ctx, { name: 'Lý Thị Hoa', prior: 4 });
    const reg = addRegistration(ctx, { personId: p, campaignId: may.id, unitId: ward.id, file: 'muon.xlsx', createdAt: '2026-06-10T02:00:00Z' });
    const batch = (ctx.conn.sqlite.prepare('SELECT batch_id FROM registrations WHERE id = ?').get(reg) as { batch_id: number }).batch_id;
    ctx.conn.sqlite.prepare("UPDATE import_batches SET created_at = '2026-06-10T02:00:00Z', list_date = '2026-06-10' WHERE id = ?").run(batch);
    addDonation(ctx, { personId: p, campaignId: may.id, date: '2026-05-28' });
    const page = getPersonPage(ctx, p);
    expect(page.donationCount).toBe(5);
    expect(page.countExplained).toBe('5 lần: tự khai 4 lần trước 28/05/2026 + 1 lần ghi nhận từ ngày đó');
    // records that outnumber the declaration win (the person forgot some)
    const q = addPerson(ctx, { name: 'Vi Văn Tâm', prior: 1 });
    addRegistration(ctx, { personId: q, campaignId: may.id, unitId: ward.id, file: 'muon.xlsx' });
    addDonation(ctx, { personId: q, campaignId: null, date: '2025-01-05' });
    addDonation(ctx, { personId: q, campaignId: null, date: '2025-06-05' });
    expect(getPersonPage(ctx, q)).toMatchObject({ donationCount: 2, countExplained: '2 lần (ghi nhận tại đây)' });
  });

  it('has one honour rule: the milestones tab and the honour list are the same people', async () => {
    const may = await createCampaign(ctx, { name: 'Đợt tháng 5', donationDates: ['2026-05-28'] });
    const ward = await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    await setMilestones(ctx, [5, 10]);
    // reached 5 on the day (4 declared + 1), reached 10 earlier by declaration alone, not yet 5
    const hoa = addPerson(ctx, { name: 'Lý Thị Hoa', prior: 4 });
    addRegistration(ctx, { personId: hoa, campaignId: may.id, unitId: ward.id });
    addDonation(ctx, { personId: hoa, campaignId: may.id, date: '2026-05-28' });
    const tam = addPerson(ctx, { name: 'Vi Văn Tâm', prior: 11 });
    addRegistration(ctx, { personId: tam, campaignId: may.id, unitId: ward.id });
    const an = addPerson(ctx, { name: 'Đinh Văn An', prior: 3 });
    addRegistration(ctx, { personId: an, campaignId: may.id, unitId: ward.id });
    const tab = await milestoneList(ctx);
    const list = await honourCandidates(ctx);
    expect(tab.items.map((x) => [x.fullName, x.milestone, x.total])).toEqual([['Vi Văn Tâm', 10, 11], ['Lý Thị Hoa', 5, 5]]);
    expect(list.items.map((x) => x.personId)).toEqual(tab.items.map((x) => x.id));
    // counted as of a day before the donation day, Hoa had not reached 5 yet
    expect((await honourCandidates(ctx, { asOf: '2026-05-27' })).items.map((x) => x.fullName)).toEqual(['Vi Văn Tâm']);
    // the documents' older setting is kept in step
    ctx.conn.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('honours', '{\"milestones\":[20]}')").run();
    await setMilestones(ctx, [5, 10, 20]);
    expect(JSON.parse((ctx.conn.sqlite.prepare("SELECT value FROM settings WHERE key = 'honours'").get() as { value: string }).value)).toEqual({ milestones: [5, 10, 20] });
  });

  it('logs every saved or printed export and filters the audit log by the screen groups', async () => {
    recordExport(ctx, { kind: 'save', fileName: 'Danh sách ký nhận - Đợt 1 năm 2026.pdf' });
    recordExport(ctx, { kind: 'print', fileName: 'Danh sách đề nghị khen thưởng - Đợt 1 năm 2026.pdf' });
    const exports = await listAudit(ctx, { category: 'export' });
    expect(exports.rows.map((r) => r.action)).toEqual(['export.print', 'export.save']);
    const prints = await listAudit(ctx, { category: 'print' });
    expect(prints.rows.map((r) => r.detail)).toEqual(['In “Danh sách đề nghị khen thưởng - Đợt 1 năm 2026.pdf”']);
    expect((await listAudit(ctx, { category: 'export', from: '2026-12-02' })).total).toBe(0);
    expect((await listAudit(ctx, { category: 'export', to: '2026-12-01' })).total).toBe(2);
  });
});
