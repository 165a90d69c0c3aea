/**
 * Documents use the donor rules of the screens (honour milestones, eligible again, donation counts,
 * the quota-credit rule), numbered prints never hold a transaction across the render (issue 10,
 * item 4) and one donation has one certificate serial (issue 15, item 3).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { listIssued } from '../../../electron/services/documents/numbering';
import { listSerials } from '../../../electron/services/documents/serials';
import { getCampaign } from '../../../electron/services/campaigns/campaigns';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { recordOutcome } from '../../../electron/services/donation-day/record-outcome';
import { eligibleDonors, milestoneList, setMilestones } from '../../../electron/services/donors/lists';
import { historyOf } from '../../../electron/services/donors/history';
import { creditRuleSentence } from '../../../shared/domain/credit-rule';
import { setCreditRule } from '../../../electron/services/duplicates/credit';
import { pdftotext, pdfOf, squash } from './fixture';
import { importedCampaign, recordDay } from './imported-campaign';
import { updatePerson } from '../../../electron/services/people/write-person';

/** The PDF renderer, wrapped: a test can make the next renders fail or hold them at a gate. */
const render = vi.hoisted(() => ({ fail: 0, gate: null as Promise<void> | null, entered: null as (() => void) | null }));
vi.mock('../../../electron/services/documents/pdf/render', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/services/documents/pdf/render')>();
  return {
    ...real,
    async renderPdf(doc: Parameters<typeof real.renderPdf>[0]) {
      render.entered?.();
      if (render.gate) await render.gate;
      if (render.fail > 0) {
        render.fail--;
        throw new Error('máy in hỏng giữa chừng');
      }
      return real.renderPdf(doc);
    },
  };
});

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2026-04-05T08:00:00Z');
  Object.assign(render, { fail: 0, gate: null, entered: null });
});
afterEach(async () => {
  await ctx.cleanup();
});

describe('numbered prints (issue 10, item 4)', () => {
  it('a failed render gives the number back: the next print takes the same number, the campaign keeps no plan number', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    render.fail = 1;
    await expect(generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issue: true, issuedOn: '2026-04-05' })).rejects.toThrow(/máy in hỏng/);
    expect(await listIssued(ctx)).toEqual([]);
    expect((await getCampaign(ctx, s.campaign.id)).planNumber).toBeNull();
    const plan = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issue: true, issuedOn: '2026-04-05' });
    expect(plan.numberText).toBe('01/KH-BCĐ');
    expect((await getCampaign(ctx, s.campaign.id)).planNumber).toBe('01/KH-BCĐ');

    render.fail = 1;
    await expect(generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issue: true, issuedOn: '2026-06-02' })).rejects.toThrow();
    const report = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issue: true, issuedOn: '2026-06-02' });
    expect(report.numberText).toBe('01/BC-BCĐ');
    expect(squash(pdftotext(pdfOf(report), ctx.dir, 'report'))).toContain('Số: 01/BC-BCĐ');
    expect((await listIssued(ctx)).map((d) => d.numberText).sort()).toEqual(['01/BC-BCĐ', '01/KH-BCĐ']);
    const audit = ctx.conn.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'documents.%issue'").all() as { action: string }[];
    expect(audit.filter((a) => a.action === 'documents.unissue')).toHaveLength(2);
  });

  it('a failed render gives the certificate serials back', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    render.fail = 1;
    await expect(generateDocument(ctx, { campaignId: s.campaign.id, type: 'certificates', issue: true, startSerial: '000001', issuedOn: '2026-05-28' })).rejects.toThrow();
    expect(await listSerials(ctx, s.campaign.id)).toEqual([]);
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'certificates', issue: true, startSerial: '000001', issuedOn: '2026-05-28' });
    expect(r.serials[0]).toBe('000001');
    expect((await listSerials(ctx, s.campaign.id)).map((x) => x.serial)).toEqual(r.serials);
  });

  it('while a numbered print renders, other writes and reads go through (no transaction held across the render)', async () => {
    const s = await importedCampaign(ctx);
    const dispatch = createDispatcher(ctx);
    let release!: () => void;
    render.gate = new Promise<void>((r) => (release = r));
    const entered = new Promise<void>((r) => (render.entered = r));
    const started = await dispatch('documents:generate', { campaignId: s.campaign.id, type: 'plan', issue: true, issuedOn: '2026-04-05' });
    expect(started.ok).toBe(true);
    const jobId = (started as { ok: true; value: { jobId: string } }).value.jobId;
    await entered; // the number is taken, the PDF is being rendered
    const timeout = new Promise<'blocked'>((r) => setTimeout(() => r('blocked'), 3000));
    const write = await Promise.race([dispatch('donors:setMilestones', { milestones: [5, 10, 25] }), timeout]);
    expect(write).toEqual({ ok: true, value: { milestones: [5, 10, 25] } });
    const poll = await Promise.race([dispatch('jobs:status', { id: jobId }), timeout]);
    expect(poll).toMatchObject({ ok: true });
    // the number is already recorded (taken in its own short transaction)
    expect((await listIssued(ctx)).map((d) => d.numberText)).toEqual(['01/KH-BCĐ']);
    release();
    const status = await ctx.jobs.wait(jobId);
    expect(status.state).toBe('done');
  });
});

describe('one donation has one serial (issue 15, item 3)', () => {
  it('certificates skip a donation whose serial was given at the desk, and never print it a second serial', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    const deskPerson = s.ids[0][0];
    await recordOutcome(ctx, { campaignId: s.campaign.id, personId: deskPerson, outcome: 'donated', volumeMl: 350, date: '2026-05-28', certificateSerial: 'HM-2026-0001' });
    const donation = ctx.conn.sqlite.prepare("SELECT id FROM donations WHERE person_id = ? AND campaign_id = ? AND outcome = 'donated'").get(deskPerson, s.campaign.id) as { id: number };
    const donated = (ctx.conn.sqlite.prepare("SELECT COUNT(*) AS n FROM donations WHERE campaign_id = ? AND outcome = 'donated'").get(s.campaign.id) as { n: number }).n;

    // a serial already in the register is refused (and nothing is recorded)
    await expect(generateDocument(ctx, { campaignId: s.campaign.id, type: 'certificates', issue: true, startSerial: 'HM-2026-0000', issuedOn: '2026-05-28' })).rejects.toThrow(/HM-2026-0001.*đã được ghi sổ/);
    expect(await listSerials(ctx, s.campaign.id)).toHaveLength(1);

    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'certificates', issue: true, startSerial: '000130', issuedOn: '2026-05-28' });
    expect(r.serials).toHaveLength(donated - 1);
    expect(r.warnings.join(' ')).toContain('HM-2026-0001');
    const text = pdftotext(pdfOf(r), ctx.dir, 'certs');
    const nationalId = (ctx.conn.sqlite.prepare('SELECT national_id FROM people WHERE id = ?').get(deskPerson) as { national_id: string }).national_id;
    expect(nationalId).toMatch(/^\d{12}$/);
    expect(text).toContain(s.lists[0][1].id); // the others are printed
    expect(text).not.toContain(nationalId);
    const serials = await listSerials(ctx, s.campaign.id);
    expect(serials.filter((x) => x.donationId === donation.id && x.status === 'issued').map((x) => x.serial)).toEqual(['HM-2026-0001']);
    // every donation has exactly one serial
    const per = ctx.conn.sqlite.prepare("SELECT donation_id, COUNT(*) AS n FROM certificate_serials WHERE status = 'issued' GROUP BY donation_id").all() as { n: number }[];
    expect(per).toHaveLength(donated);
    expect(per.every((p) => p.n === 1)).toBe(true);
    // asking for that donation again is refused, naming the serial it has
    await expect(
      generateDocument(ctx, { campaignId: s.campaign.id, type: 'certificates', issue: true, startSerial: '000500', donationIds: [donation.id] }),
    ).rejects.toThrow(/HM-2026-0001/);
  });
});

describe('documents use the screens’ donor rules', () => {
  it('the honour list is the milestones tab’s list', async () => {
    const s = await importedCampaign(ctx);
    await setMilestones(ctx, [5, 10]);
    ctx.data.write((w) => {
      for (const [k, prior] of [[2, 4], [3, 9], [4, 12]] as const) updatePerson(w, s.ids[0][k], { prior_donations: prior }, '2026-05-01T00:00:00Z');
    });
    ctx.caches.invalidate('all');
    await recordDay(ctx, s);
    const tab = await milestoneList(ctx, { asOf: '2026-06-02' });
    expect(tab.items.length).toBeGreaterThanOrEqual(3);
    const list = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'honour-list', issuedOn: '2026-06-02' });
    const t = squash(pdftotext(pdfOf(list), ctx.dir, 'honour-list'));
    expect(t).toContain(`Tổng số: ${tab.items.length} người.`);
    let at = 0;
    for (const p of tab.items) {
      const i = t.indexOf(`${p.fullName} `, at);
      expect(i, p.fullName).toBeGreaterThan(at - 1); // in the tab's order
      at = i;
      expect(p.total).toBe(historyOf(ctx.data.read, p.id).count);
    }
  });

  it('the eligible-again list is the Donors tab’s list on the print date, with the one donation count', async () => {
    const s = await importedCampaign(ctx);
    ctx.data.write((w) => updatePerson(w, s.ids[0][0], { prior_donations: 6 }, '2026-05-01T00:00:00Z'));
    ctx.caches.invalidate('all');
    await recordDay(ctx, s);
    const asOf = '2026-09-01';
    const tab = await eligibleDonors(ctx, { campaignId: s.campaign.id, asOf });
    expect(tab.items.length).toBeGreaterThan(10);
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'eligible-donors', issuedOn: asOf });
    const t = squash(pdftotext(pdfOf(r), ctx.dir, 'eligible'));
    expect(t).toContain('tính đến ngày 1/9/2026');
    expect(t).not.toContain('Danh sách trống');
    const totals = [...t.matchAll(/Tổng số: (\d+) người/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(totals).toBe(tab.items.length);
    for (const p of tab.items) expect(t).toContain(`${p.fullName} `);
    const six = tab.items.find((p) => p.id === s.ids[0][0])!;
    expect(six.donationCount).toBe(historyOf(ctx.data.read, six.id).count);
    expect(t).toContain(`28/5/2026 (${six.donationCount})`);
    // before the interval has passed nobody who gave on 28/5 is listed
    const early = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'eligible-donors', issuedOn: '2026-07-01' });
    expect(squash(pdftotext(pdfOf(early), ctx.dir, 'early'))).toContain('Danh sách trống');
  });

  it('says the quota-credit rule once, without a doubled phrase', async () => {
    expect(creditRuleSentence('both_units')).toBe('Người đăng ký ở hai đơn vị được tính chỉ tiêu cho cả hai đơn vị (mỗi đơn vị có người đó trong danh sách).');
    for (const rule of ['first_list', 'home_unit', 'both_units'] as const) expect(creditRuleSentence(rule)).not.toMatch(/cho tính cho/);
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    setCreditRule(ctx, 'both_units');
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issuedOn: '2026-06-02' });
    const t = squash(pdftotext(pdfOf(r), ctx.dir, 'report'));
    expect(t).toContain('được tính chỉ tiêu cho cả hai đơn vị');
    expect(t).not.toContain('cho tính cho');
  });
});
