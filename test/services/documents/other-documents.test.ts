import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { runCli } from '../../../electron/cli';
import { setSetting } from '../../../electron/services/settings/settings';
import { seedCampaign, pdfPages, pdftotext, type SeedPerson, pdfOf, squash } from './fixture';
import { q } from '../../../electron/db/query';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2024-06-17T08:00:00Z');
});
afterEach(async () => {
  await ctx.cleanup();
});

describe('Giấy mời (invitations)', () => {
  it('merges registrations into one invitation per unit (with its list) or one per person', async () => {
    const { campaign } = await seedCampaign(ctx);
    const perUnit = await generateDocument(ctx, { campaignId: campaign.id, type: 'invitations', issue: true, invitationMode: 'unit', issuedOn: '2024-06-01' });
    expect(perUnit.numberText).toBe('01/GM-BCĐ');
    const text = squash(pdftotext(pdfOf(perUnit), ctx.dir, 'unit'));
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Kính gửi: Phòng Giáo dục và Đào tạo');
    expect(text).toContain('Kính gửi: Đoàn thanh niên');
    expect(text).not.toContain('Kính gửi: Công an thành phố'); // no registrant there
    expect(text).toContain('trân trọng kính mời các đồng chí có tên trong danh sách kèm theo tham gia');
    expect(text).toContain('6 giờ 30 phút ngày 17/6/2024 (Thứ Hai)');

    const perPerson = await generateDocument(ctx, { campaignId: campaign.id, type: 'invitations', invitationMode: 'person', issuedOn: '2024-06-01' });
    const pages = pdfPages(pdfOf(perPerson), ctx.dir, 'person');
    expect(pages).toHaveLength(5);
    expect(squash(pages.join(' '))).toContain('Kính gửi: Bà Hoàng Thị Ánh Tuyết - Liên đoàn lao động');
    expect(squash(pages.join(' '))).toContain('trân trọng kính mời ông Trần Văn Đức tham gia');
  });
});

describe('honours', () => {
  it('lists the people at a milestone (the milestones tab’s rule) and prints their certificates of honour', async () => {
    ctx.data.write((w) => setSetting(w, 'honours', { milestones: [10, 20] }));
    const people: SeedPerson[] = [
      { name: 'Đỗ Thị Mai', gender: 'F', birth: '1980-02-02', unit: 0, volume: 350, prior: 19 }, // 20th donation
      { name: 'Vũ Văn Nam', gender: 'M', birth: '1982-02-02', unit: 1, volume: 450, prior: 9 }, // 10th
      { name: 'Bùi Văn Tám', gender: 'M', birth: '1983-02-02', unit: 1, volume: 450, prior: 10 }, // 11th: at 10, not yet honoured
      { name: 'Lý Văn Chín', gender: 'M', birth: '1984-02-02', unit: 1, volume: 450, prior: 8 }, // 9th: none
    ];
    const { campaign } = await seedCampaign(ctx, { people });
    const list = await generateDocument(ctx, { campaignId: campaign.id, type: 'honour-list', issuedOn: '2024-06-20' });
    const t = squash(pdftotext(pdfOf(list), ctx.dir, 'list'));
    expect(t).toMatch(/Đạt mốc 20 lần hiến máu \(1 người\) 1 Đỗ Thị Mai 1980 Nữ Phòng Giáo dục và Đào( tạo)? 20/);
    // One rule with the "Mốc vinh danh" tab: everyone who has reached a milestone and has not been honoured for it.
    expect(t).toMatch(/Đạt mốc 10 lần hiến máu \(2 người\) 2 Vũ Văn Nam 1982 Nam Liên đoàn lao động 10 3 Bùi Văn Tám 1983 Nam Liên đoàn lao động 11/);
    expect(t).not.toContain('Lý Văn Chín');
    expect(t).toContain('Tổng số: 3 người.');

    const certs = await generateDocument(ctx, { campaignId: campaign.id, type: 'honour-certificates', issuedOn: '2024-06-20' });
    const pages = pdfPages(pdfOf(certs), ctx.dir, 'honour');
    expect(pages).toHaveLength(3);
    expect(squash(pages[0])).toContain('GIẤY CHỨNG NHẬN');
    expect(squash(pages[0])).toContain('Bà: Đỗ Thị Mai');
    expect(squash(pages[0])).toContain('Đã hiến máu tình nguyện 20 lần');
    expect(squash(pages[1])).toContain('Ông: Vũ Văn Nam');
  });
});

describe('lists to hand to units', () => {
  it('prints registrants per unit as PDF (header repeated when the table splits) and as Excel', async () => {
    const { campaign, units } = await seedCampaign(ctx, { extraPeople: 160 });
    const pdf = await generateDocument(ctx, { campaignId: campaign.id, type: 'unit-registrants', unitId: units[0] });
    const pages = pdfPages(pdfOf(pdf), ctx.dir, 'reg');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p).toMatch(/STT\s+Họ và tên\s+Năm sinh\s+Giới tính\s+Điện thoại\s+Địa chỉ/);
    expect(squash(pages.join(' '))).toContain('Tổng số: 42 người.'); // 2 seeded + 40 of the 160 extra

    const xlsx = await generateDocument(ctx, { campaignId: campaign.id, type: 'unit-registrants', format: 'xlsx' });
    expect(xlsx.file.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.file.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phòng Giáo dục và Đào tạo', 'Liên đoàn lao động', 'Đoàn thanh niên', 'Công an thành phố']);
    const ws = wb.getWorksheet('Liên đoàn lao động')!;
    expect(ws.getRow(4).values).toEqual([undefined, 'STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Điện thoại', 'Địa chỉ']);
    const names: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value));
    });
    expect(names).toHaveLength(41); // 1 seeded + 40 of the extra
    const tuyet = names.indexOf('Hoàng Thị Ánh Tuyết');
    expect(tuyet).toBeGreaterThan(0); // sorted by given name: "Thành" before "Tuyết"
    expect(ws.getRow(5 + tuyet).getCell(5).value).toBe('0912345678');
    expect(ws.getRow(5 + tuyet).getCell(3).value).toBe('1999');
  });

  it('lists donors eligible again on the print date (the Donors tab’s rule)', async () => {
    const { campaign, personIds } = await seedCampaign(ctx);
    // Everyone donated on 17/6/2024; Trần Văn Đức gives again on 1/9 at another site.
    const now = '2024-01-01T00:00:00Z';
    ctx.data.write((w) =>
      w.run(
        q.insertInto('donations').values([
      { person_id: personIds[0], donated_on: '2024-03-09', outcome: 'donated', volume_ml: 350, created_at: now },
      { person_id: personIds[1], donated_on: '2024-09-01', outcome: 'donated', volume_ml: 350, created_at: now },
    ]),
      ),
    );
    // On the donation day itself nobody who gave that day is eligible (the old list used the day before it).
    const onDay = squash(pdftotext(pdfOf(await generateDocument(ctx, { campaignId: campaign.id, type: 'eligible-donors', issuedOn: '2024-06-17' })), ctx.dir, 'day'));
    expect(onDay).toContain('Danh sách trống');
    // 84 days after 17/6 is 9/9: the print date is the day the list is judged on.
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'eligible-donors', issuedOn: '2024-09-09' });
    const t = squash(pdftotext(pdfOf(r), ctx.dir));
    expect(t).toContain('tính đến ngày 9/9/2024');
    expect(t).toContain('Nguyễn Thị Hồng Vân');
    // last donation and count by the one rule: 9 declared (covering 9/3) + 1 recorded since the list
    expect(t).toContain('17/6/2024 (10)');
    expect(t).not.toContain('Trần Văn Đức'); // gave again on 1/9
    expect(t).not.toContain('Lê Quang Hưng'); // deferred, never donated
    expect(await generateDocument(ctx, { campaignId: campaign.id, type: 'eligible-donors', issuedOn: '2024-09-08' }).then((x) => squash(pdftotext(pdfOf(x), ctx.dir, 'before')))).toContain('Danh sách trống');
  });
});

describe('job, IPC and CLI', () => {
  it('runs as a job with progress through IPC and from the CLI', async () => {
    const { campaign } = await seedCampaign(ctx);
    const dispatch = createDispatcher(ctx);
    const started = await dispatch('documents:generate', { campaignId: campaign.id, type: 'result-report' });
    expect(started.ok).toBe(true);
    const status = await ctx.jobs.wait((started as { ok: true; value: { jobId: string } }).value.jobId);
    expect(status.state).toBe('done');
    const result = (status as unknown as { result: { file: { dataBase64: string; mime: string }; pages: number } }).result;
    expect(result.file.mime).toBe('application/pdf');
    expect(squash(pdftotext(pdfOf(result), ctx.dir, 'job'))).toContain('BÁO CÁO');
    const bad = await dispatch('documents:generate', { campaignId: campaign.id, type: 'menu' });
    expect(bad.ok).toBe(false);

    await ctx.conn.close();
    const out = path.join(ctx.dir, 'ke-hoach.pdf');
    const lines: string[] = [];
    const code = await runCli(['print', 'plan', '--campaign', String(campaign.id), '--db', ctx.dbPath, '--out', out, '--date', '2024-04-05'], {
      out: (t) => lines.push(t), err: (t) => lines.push(t),
    });
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('số 01/KH-BCĐ');
    expect(squash(pdftotext(fs.readFileSync(out), ctx.dir, 'cli'))).toContain('Số: 01/KH-BCĐ');
    for (const kind of ['invitations', 'certificates', 'honour-certificates', 'signature-list', 'result-report', 'honour-list']) {
      const file = path.join(ctx.dir, `${kind}.pdf`);
      const c = await runCli(['print', kind, '--campaign', String(campaign.id), '--db', ctx.dbPath, '--out', file, '--json'], { out: (t) => lines.push(t), err: () => {} });
      expect(c, kind).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString(), kind).toBe('%PDF-');
      expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ out: file, pages: expect.any(Number) });
    }
    const xlsxFile = path.join(ctx.dir, 'ds.xlsx');
    expect(await runCli(['print', 'unit-registrants', '--campaign', String(campaign.id), '--db', ctx.dbPath, '--out', xlsxFile, '--xlsx', 'yes'], { out: () => {}, err: () => {} })).toBe(0);
    expect(fs.readFileSync(xlsxFile).subarray(0, 2).toString()).toBe('PK');
    const usage = await runCli(['print', 'menu', '--db', ctx.dbPath], { out: () => {}, err: (t) => lines.push(t) });
    expect(usage).toBe(2);
    // reopen so cleanup can close it again
    Object.assign(ctx, (await import('../../../electron/services/create-context')).createAppContext(ctx.dbPath));
  });
});
