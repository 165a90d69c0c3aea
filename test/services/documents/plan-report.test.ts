import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { saveTemplates, getTemplates } from '../../../electron/services/documents/templates';
import { seedCampaign, pdftotext, pdfPages, pdffonts, pdfinfo, pdfOf, squash } from './fixture';
import { q as qb } from '../../../electron/db/query';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2024-04-05T08:00:00Z');
});
afterEach(async () => {
  await ctx.cleanup();
});

describe('Kế hoạch (plan)', () => {
  it('prints the ND30 heading, number, date, legal bases, filled sections, Nơi nhận and the signer, in embedded Tinos on A4', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issue: true, issuedOn: '2024-04-05' });
    const pdf = pdfOf(r);
    expect(r.numberText).toBe('01/KH-BCĐ');
    const text = pdftotext(pdf, ctx.dir, 'plan');
    const flat = squash(text);
    for (const s of [
      'UBND THÀNH PHỐ LẠNG SƠN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 01/KH-BCĐ',
      'Lạng Sơn, ngày 05 tháng 4 năm 2024', 'KẾ HOẠCH', 'Thực hiện Công văn số 02/BCĐ', 'I. MỤC ĐÍCH, YÊU CẦU',
      'Nữ: đủ 18 - 55 tuổi', '6 giờ 30 phút ngày 17/6/2024 (Thứ Hai)', 'trước ngày 15/5/2024', 'Nơi nhận:', '- Lưu: VT.',
      'KT. TRƯỞNG BAN', 'PHÓ CHỦ TỊCH UBND', 'Nguyễn Thị Hồng Vân', 'BIỂU PHÂN BỔ CHỈ TIÊU', 'Phòng Giáo dục và Đào tạo',
    ]) expect(flat).toContain(s);
    expect(text).toBe(text.normalize('NFC'));
    // the quota appendix total: 200+120+180+50 registrants, 160+100+150+40 blood units
    expect(flat).toMatch(/Tổng cộng 550 450/);
    expect(flat).not.toContain('{{');

    const fonts = pdffonts(pdf, ctx.dir);
    const fontLines = fonts.split('\n').slice(2).filter((l) => l.trim());
    expect(fontLines.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const l of fontLines) {
      expect(l).toMatch(/Tinos/);
      expect(l).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, unicode map
    }

    const info = pdfinfo(pdf, ctx.dir);
    expect(info).toMatch(/Page\s+1 size:\s+595\.28 x 841\.89 pts \(A4\)/);
    // the appendix page is A4 turned landscape
    const pages = pdfPages(pdf, ctx.dir, 'plan-pages');
    expect(info).toMatch(new RegExp(`Page\\s+${pages.length} size:\\s+841\\.89 x 595\\.28 pts`));
  });

  it('keeps the ND30 margins: left 30 mm, right 15 mm, top and bottom 20 mm', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issuedOn: '2024-04-05' });
    const file = path.join(ctx.dir, 'margins.pdf');
    fs.writeFileSync(file, pdfOf(r));
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const mm = (pt: number) => (pt * 25.4) / 72;
    const pages = html.split('<page').slice(1);
    pages.forEach((page, i) => {
      const w = Number(/width="([\d.]+)"/.exec(page)![1]);
      const h = Number(/height="([\d.]+)"/.exec(page)![1]);
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), t: m[5],
      }));
      const body = words.filter((x) => !(i > 0 && x.t === String(i + 1) && mm(x.y1) < 20)); // the page number sits in the top margin
      expect(body.length).toBeGreaterThan(10);
      const left = body.reduce((a, b) => (b.x0 < a.x0 ? b : a));
      expect(mm(left.x0), `page ${i + 1}: ${left.t}`).toBeGreaterThanOrEqual(29.5);
      expect(mm(w - Math.max(...body.map((x) => x.x1)))).toBeGreaterThanOrEqual(14.5);
      expect(mm(Math.min(...body.map((x) => x.y0)))).toBeGreaterThanOrEqual(19.5);
      expect(mm(h - Math.max(...body.map((x) => x.y1)))).toBeGreaterThanOrEqual(19.5);
    });
  });

  it('numbers pages from page 2 on, at the top', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issuedOn: '2024-04-05' });
    const pages = pdfPages(pdfOf(r), ctx.dir);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const firstLine = (p: string) => p.split('\n').find((l) => l.trim())!.trim();
    expect(firstLine(pages[0])).toMatch(/^UBND/);
    pages.slice(1).forEach((p, i) => expect(firstLine(p)).toBe(String(i + 2)));
  });

  it('numbers per type and year, restarting each year; drafts take no number', async () => {
    const { campaign } = await seedCampaign(ctx);
    const draft = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issuedOn: '2024-04-05' });
    expect(draft.numberText).toBeNull();
    expect(squash(pdftotext(pdfOf(draft), ctx.dir))).toMatch(/Số: \/KH-BCĐ/);
    const a = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issue: true, issuedOn: '2024-04-05' });
    const b = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issue: true, issuedOn: '2024-11-05' });
    const rep = await generateDocument(ctx, { campaignId: campaign.id, type: 'result-report', issue: true, issuedOn: '2024-11-06' });
    const c = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issue: true, issuedOn: '2025-01-03' });
    expect([a.numberText, b.numberText, rep.numberText, c.numberText]).toEqual(['01/KH-BCĐ', '02/KH-BCĐ', '01/BC-BCĐ', '01/KH-BCĐ']);
    const rows = ctx.data.read.all(qb.selectFrom('issued_documents').selectAll().orderBy('id'));
    expect(ctx.data.read.value(qb.selectFrom('campaigns').select('plan_number').where('id', '=', campaign.id))).toBe('01/KH-BCĐ');
    expect(squash(pdftotext(pdfOf(rep), ctx.dir, 'rep'))).toContain('Thực hiện Kế hoạch số 02/KH-BCĐ ngày 05/11/2024 của Ban Chỉ đạo vận động hiến máu tình nguyện thành phố về việc tổ chức');
    expect(rows.map((r) => [r.doc_type, r.year, r.number])).toEqual([['plan', 2024, 1], ['plan', 2024, 2], ['result-report', 2024, 1], ['plan', 2025, 1]]);
    expect(squash(pdftotext(pdfOf(c), ctx.dir))).toContain('Lạng Sơn, ngày 03 tháng 01 năm 2025');
  });

  it('shows quotas split by month as one column per month with totals', async () => {
    const { campaign, units } = await seedCampaign(ctx);
    const q = (unit: number, month: number, blood: number) => ({ campaign_id: campaign.id, unit_id: units[unit], month, registrants: null, blood_units: blood });
    ctx.data.write((w) => w.run(qb.insertInto('quotas').values([q(0, 5, 40), q(0, 6, 35), q(0, 8, 20), q(1, 5, 10), q(1, 6, 12)])));
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'plan', issuedOn: '2024-04-05' });
    const pages = pdfPages(pdfOf(r), ctx.dir, 'monthly');
    const appendix = squash(pages[pages.length - 1]);
    expect(appendix).toContain('STT Đơn vị Tháng 5 Tháng 6 Tháng 8 Tổng');
    expect(appendix).toContain('1 Phòng Giáo dục và Đào tạo 40 35 20 95');
    expect(appendix).toContain('2 Liên đoàn lao động 10 12 22');
    expect(appendix).toContain('Tổng cộng 50 47 20 117');
  });

  it('uses the clerk’s edited template, recipients and signer', async () => {
    const { campaign } = await seedCampaign(ctx);
    const t = await getTemplates(ctx);
    await saveTemplates(ctx, { ...t, planBody: 'I. NỘI DUNG RIÊNG\nHiến máu tại {{dia_diem}} do {{co_so_tiep_nhan}} tiếp nhận.' });
    const r = await generateDocument(ctx, {
      campaignId: campaign.id, type: 'plan', issuedOn: '2024-04-05', recipients: ['Thường trực Thành ủy (b/c)'],
      signer: { authorityLine: 'TM. BAN CHỈ ĐẠO', title: 'Trưởng ban', name: 'Hoàng Văn Thụ' },
    });
    const flat = squash(pdftotext(pdfOf(r), ctx.dir));
    expect(flat).toContain('Hiến máu tại Hội trường Nhà Đa năng - UBND thành phố Lạng Sơn do Viện Huyết học - Truyền máu Trung ương tiếp nhận.');
    expect(flat).not.toContain('MỤC ĐÍCH, YÊU CẦU');
    expect(flat).toContain('- Thường trực Thành ủy (b/c);');
    expect(flat).toContain('TM. BAN CHỈ ĐẠO');
    expect(flat).toContain('TRƯỞNG BAN');
    expect(flat).toContain('Hoàng Văn Thụ');
  });
});

describe('Báo cáo kết quả (result report)', () => {
  it('shows per unit quota, registrants, donated and %, and the narrative totals', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'result-report', issue: true, issuedOn: '2024-06-20' });
    const text = pdftotext(pdfOf(r), ctx.dir);
    const flat = squash(text);
    expect(flat).toContain('Số: 01/BC-BCĐ');
    expect(flat).toContain('Thực hiện Kế hoạch số … ngày … của'); // no plan issued yet: the gap shows
    expect(flat).toContain('BÁO CÁO');
    // seed: 5 registrants; 4 donated (350+450+250+350 ml), 1 deferred; target 550 units
    expect(flat).toContain('Tổng số có 5 người đăng ký');
    expect(flat).toContain('4 người đã hiến máu, tiếp nhận được 4 đơn vị máu (1.400 ml), đạt 0,9% chỉ tiêu giao (4/450 đơn vị máu)');
    expect(flat).toContain('1 người tạm hoãn');
    // quota, people, donated, ml, deferred, result/quota, %
    expect(flat).toMatch(/1 Phòng Giáo dục và Đào tạo 160 2 2 800 0 2\/160 1,3%/);
    expect(flat).toMatch(/3 Đoàn thanh niên 150 2 1 350 1 1\/150 0,7%/);
    expect(flat).toMatch(/4 Công an thành phố 40 0 0 0 0 0\/40 0%/);
    expect(flat).toMatch(/Tổng cộng 450 5 4 1.400 1 4\/450 0,9%/);
  });
});
