import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { getProgress } from '../../../electron/services/progress/progress';
import { formatNumberVi, formatPercentValue } from '../../../shared/domain/documents/format';
import { compareVietnameseNames } from '../../../shared/domain/names';
import { pdfPages, pdftotext, pdfOf, squash } from './fixture';
import { importedCampaign, recordDay } from './imported-campaign';
import { q } from '../../../electron/db/query';
import { updatePerson } from '../../../electron/services/people/write-person';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2026-04-05T08:00:00Z');
});
afterEach(async () => {
  await ctx.cleanup();
});

const mm = (pt: number) => (pt * 25.4) / 72;

interface Word { x0: number; y0: number; x1: number; y1: number; t: string }
function bboxPages(pdf: Buffer, name: string): { w: number; h: number; words: Word[] }[] {
  const file = path.join(ctx.dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  return html.split('<page').slice(1).map((page) => ({
    w: Number(/width="([\d.]+)"/.exec(page)![1]),
    h: Number(/height="([\d.]+)"/.exec(page)![1]),
    words: [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), t: m[5],
    })),
  }));
}

describe('figures agree with the progress screen (items 1-3)', () => {
  it('the result report counts walk-ins in a "Hiến tại chỗ" row and its totals, ml and % equal the progress figures', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    const p = await getProgress(ctx, { campaignId: s.campaign.id });
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issue: true, issuedOn: '2026-06-02' });
    const pages = pdfPages(pdfOf(r), ctx.dir, 'report');
    const flat = squash(pages.join(' '));
    const t = p.total;
    // people after merges (the two registered twice count once), walk-ins included
    expect(t.afterDuplicates).toBe(12 + 9 + 6 + 5 + 3);
    expect(t.donated).toBeGreaterThan(0);
    expect(flat).toContain(`Tổng số có ${formatNumberVi(t.afterDuplicates)} người đăng ký tham gia hiến máu (đã lọc trùng, kể cả 3 người đăng ký hiến tại chỗ)`);
    expect(flat).toContain(`${formatNumberVi(t.donated)} người đã hiến máu, tiếp nhận được ${formatNumberVi(t.donated)} đơn vị máu (${formatNumberVi(t.volumeMl)} ml)`);
    expect(flat).toContain(`đạt ${formatPercentValue(t.percentBloodUnits)} chỉ tiêu giao (${t.donated}/${t.quotaBloodUnits} đơn vị máu)`);
    expect(flat).toContain(`${formatNumberVi(t.deferred)} người tạm hoãn`);
    // the table: one row per unit + the walk-ins without a unit, totals = progress totals
    const annex = squash(pages[pages.length - 1]);
    expect(annex).toContain('BIỂU TỔNG HỢP KẾT QUẢ');
    expect(annex).toContain('(Kèm theo Báo cáo số 01/BC-BCĐ ngày 02 tháng 6 năm 2026');
    for (const row of p.rows.filter((x) => x.unitId !== null)) {
      expect(annex).toContain(`${row.unitName} ${row.quotaBloodUnits} ${row.afterDuplicates} ${row.donated} ${formatNumberVi(row.volumeMl)} ${row.deferred} ${row.donated}/${row.quotaBloodUnits} ${formatPercentValue(row.percentBloodUnits)}`);
    }
    const walk = p.rows.find((x) => x.unitId === null)!;
    expect(walk.donated).toBe(2);
    expect(annex).toContain(`Hiến tại chỗ ${walk.afterDuplicates} ${walk.donated} ${formatNumberVi(walk.volumeMl)} ${walk.deferred}`);
    expect(annex).toContain(`Tổng cộng ${t.quotaBloodUnits} ${t.afterDuplicates} ${t.donated} ${formatNumberVi(t.volumeMl)} ${t.deferred} ${t.donated}/${t.quotaBloodUnits} ${formatPercentValue(t.percentBloodUnits)}`);
    const { creditRuleSentence } = await import('../../../shared/domain/credit-rule');
    expect(annex).toContain(`Ghi chú: ${creditRuleSentence('first_list')}`);
    expect(annex).toContain('2 người có tên trong danh sách đăng ký của hai đơn vị');
    expect(annex).toContain('mỗi người chỉ tính một lần cho đơn vị được ghi nhận (Phòng Giáo dục và Đào tạo 2)');
    // the narrative's % is the table's %
    expect(flat.split(formatPercentValue(t.percentBloodUnits)).length).toBeGreaterThanOrEqual(3);
    expect(flat).toContain('./.');
  });

  it('invitations and unit lists count people after merges, say who was listed twice and which unit got the credit', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    const p = await getProgress(ctx, { campaignId: s.campaign.id });
    const inv = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'invitations', invitationMode: 'unit', issue: true, issuedOn: '2026-05-20' });
    const text = squash(pdftotext(pdfOf(inv), ctx.dir, 'inv'));
    for (const u of s.units) {
      const row = p.rows.find((x) => x.unitId === u.id)!;
      // walk-ins are not invited: the Phường's walk-in is not on its list
      const expected = row.afterDuplicates - (u.name === 'Phường Vĩnh Trại' ? 1 : 0);
      expect(text).toContain(`Kính gửi: ${u.name}`);
      expect(text).toMatch(new RegExp(`Đơn vị: ${u.name} .*?Tổng số: ${expected} người\\.`));
    }
    expect(text).not.toContain('Chưa rõ đơn vị');
    expect(text).not.toContain('Lò Văn Sáng');
    for (const x of ['Nơi nhận:', '- Như trên;', '- Lưu: VT.']) expect(text).toContain(x);
    expect(text).toContain('(Kèm theo Giấy mời số 01/GM-BCĐ');
    const merged = s.lists[0][0].name;
    const section = (t: string, unit: string) => t.slice(t.indexOf(`Đơn vị: ${unit} `), t.indexOf('Tổng số:', t.indexOf(`Đơn vị: ${unit} `)));
    // invited once, by the unit that got the credit, with a word about the other list
    expect(section(text, 'Thành đoàn')).not.toContain(merged);
    expect(section(text, 'Phòng Giáo dục và Đào tạo')).toMatch(new RegExp(`${merged} \\d{4} \\S+ Cũng đăng ký tại Thành đoàn; tính cho đơn vị này`));

    const per = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'invitations', invitationMode: 'person', issuedOn: '2026-05-20' });
    const letters = pdfPages(pdfOf(per), ctx.dir, 'per');
    expect(letters).toHaveLength(p.total.afterDuplicates - 3); // one letter per person, walk-ins none

    const lists = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'unit-registrants' });
    const lt = squash(pdftotext(pdfOf(lists), ctx.dir, 'lists'));
    for (const u of s.units) expect(lt).toContain(`Đơn vị: ${u.name}`);
    const edu = p.rows.find((x) => x.unitId === s.units[0].id)!;
    const youth = p.rows.find((x) => x.unitId === s.units[1].id)!;
    expect(lt).toContain(`Tổng số: ${edu.afterDuplicates} người.`);
    expect(lt).toContain(`Tổng số: ${youth.afterDuplicates} người.`);
    expect(youth.afterDuplicates).toBe(9);
    expect(section(lt, 'Thành đoàn')).not.toContain(merged);
    expect(section(lt, 'Phòng Giáo dục và Đào tạo')).toContain(merged);
    // people without a unit (walk-ins) come last
    expect(lt.lastIndexOf('Đơn vị: Hiến tại chỗ')).toBeGreaterThan(lt.lastIndexOf('Đơn vị: Phường Vĩnh Trại'));
  });
});

describe('per-unit lists (item 11)', () => {
  it('numbers each unit’s pages from its own first page and never leaves the total alone on a page', async () => {
    const s = await importedCampaign(ctx, { perUnit: [75, 3, 44, 2] });
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'unit-registrants' });
    const pages = pdfPages(pdfOf(r), ctx.dir, 'units');
    const firstLine = (pg: string) => pg.split('\n').find((l) => l.trim())!.trim();
    let expected = 0;
    for (const pg of pages) {
      if (/Đơn vị: /.test(pg)) expected = 1;
      else expected++;
      if (expected === 1) expect(firstLine(pg)).toMatch(/^UBND/);
      else expect(firstLine(pg)).toBe(String(expected));
      // a page never holds only the total line
      const body = pg.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+$/.test(l));
      expect(body.length).toBeGreaterThan(1);
      if (/Tổng số:/.test(pg)) expect(pg).toMatch(/\n\s*\d+\s+\S+.*\n[\s\S]*Tổng số:/);
      // every page with rows shows the column headings, the one holding the last rows too
      if (/^\s*\d+\s+\S+.*\d{4}/m.test(pg)) expect(pg).toMatch(/STT\s+Họ và tên/);
    }
    expect(pages.length).toBeGreaterThan(4);
  });

  it('prints names in the Vietnamese order: given name, letters, then tones (item 14)', async () => {
    const s = await importedCampaign(ctx, { perUnit: [40, 3, 3, 3] });
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'unit-registrants', unitId: s.units[0].id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.file.dataBase64, 'base64') as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value));
    });
    expect(names).toHaveLength(40);
    expect([...names].sort(compareVietnameseNames)).toEqual(names);
    const given = names.map((n) => n.split(' ').pop());
    // "Hoa" before "Hòa", "Anh" before "Ánh", whatever the family and middle names
    expect(given.lastIndexOf('Hoa')).toBeGreaterThanOrEqual(0);
    expect(given.lastIndexOf('Hoa')).toBeLessThan(given.indexOf('Hòa'));
    expect(given.lastIndexOf('Anh')).toBeLessThan(given.indexOf('Ánh'));
    // and the PDF prints the same order
    const pdf = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'unit-registrants', unitId: s.units[0].id });
    const flat = squash(pdftotext(pdfOf(pdf), ctx.dir, 'order'));
    let at = 0;
    for (const n of names) {
      const i = flat.indexOf(n.split(' ').pop()!, at);
      expect(i, n).toBeGreaterThanOrEqual(at);
      at = i;
    }
  });
});

describe('the plan against seed 000 (items 4-6, 12, 13, 16)', () => {
  it('opens with the locality, names the standing body, gives tasks per unit, closes with "Trên đây…" and "./.", uses the campaign’s own number', async () => {
    const s = await importedCampaign(ctx, { planNumber: '15/KH-HCTĐ' });
    const draft = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issuedOn: '2026-04-06' });
    expect(draft.numberText).toBeNull();
    const dflat = squash(pdftotext(pdfOf(draft), ctx.dir, 'draft'));
    expect(dflat).toMatch(/Số: \/KH-HCTĐ/);
    expect(dflat).toMatch(/Lạng Sơn, ngày tháng 4 năm 2026/); // the day left blank
    expect(ctx.data.read.all(q.selectFrom('issued_documents').selectAll())).toHaveLength(0);

    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issue: true, issuedOn: '2026-04-06' });
    expect(r.numberText).toBe('15/KH-HCTĐ');
    const pages = pdfPages(pdfOf(r), ctx.dir, 'plan');
    const flat = squash(pages.join(' '));
    expect(flat).toContain('Số: 15/KH-HCTĐ');
    expect(flat).toContain('Lạng Sơn, ngày 06 tháng 4 năm 2026');
    expect(flat).not.toMatch(/năm 2026 năm 2026/);
    expect(flat).not.toMatch(/[\p{Ll},] Hiến máu/u); // not capitalised mid-sentence
    expect(flat).toContain('Ban Chỉ đạo vận động hiến máu tình nguyện (HMTN) thành phố Lạng Sơn xây dựng Kế hoạch tổ chức ngày hội hiến máu tình nguyện năm 2026 như sau:');
    for (const x of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. THÔNG ĐIỆP', 'III. ĐỐI TƯỢNG, CHỈ TIÊU VẬN ĐỘNG', 'IV. THỜI GIAN', 'V. TỔ CHỨC THỰC HIỆN']) expect(flat).toContain(x);
    expect(flat).toContain('3. Thành phần: Cán bộ, công chức, viên chức, người lao động, đoàn viên, hội viên, lực lượng vũ trang và Nhân dân trên địa bàn thành phố Lạng Sơn.');
    expect(flat).toContain('1. Hội Chữ thập đỏ thành phố (Cơ quan Thường trực Ban Chỉ đạo)');
    // one numbered item per unit given a quota, with its figures
    expect(flat).toMatch(/2\. Phòng Giáo dục và Đào tạo - Tuyên truyền.*?\(40 người đăng ký, 30 đơn vị máu\)/);
    expect(flat).toMatch(/3\. Thành đoàn .*?25 đơn vị máu/);
    expect(flat).toMatch(/4\. Công an thành phố .*?an ninh trật tự/);
    expect(flat).toMatch(/5\. Phường Vĩnh Trại /);
    expect(flat).toContain('Trên đây là Kế hoạch tổ chức ngày hội hiến máu tình nguyện năm 2026.');
    expect(flat).toMatch(/tránh trường hợp 1 người có tên đăng ký trong 2 tổ chức\.\/\./);
    const recipients = flat.slice(flat.indexOf('Nơi nhận:')).match(/- [^;]+;/g) ?? [];
    expect(recipients.length).toBeGreaterThanOrEqual(9);
    expect(recipients.filter((x) => x.includes('(b/c)')).length).toBeGreaterThanOrEqual(3);
    // the quota table is attached, and said so; its caption names the issuer in sentence case
    expect(flat).toContain('(có biểu chỉ tiêu kèm theo)');
    expect(squash(pages[pages.length - 1])).toContain('(Kèm theo Kế hoạch số 15/KH-HCTĐ ngày 06 tháng 4 năm 2026 của Ban Chỉ đạo vận động hiến máu tình nguyện thành phố)');
    // the campaign's number is recorded; the next plan takes the next number after it
    const rows = ctx.data.read.all(q.selectFrom('issued_documents').selectAll());
    expect(rows.map((x) => [x.doc_type, x.number, x.number_text])).toEqual([['plan', 15, '15/KH-HCTĐ']]);
    const again = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issue: true, issuedOn: '2026-04-07' });
    expect(again.numberText).toBe('16/KH-BCĐ');
    // the report cites the plan with its date and issuer
    const rep = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issuedOn: '2026-06-02' });
    expect(squash(pdftotext(pdfOf(rep), ctx.dir, 'rep'))).toContain('Thực hiện Kế hoạch số 16/KH-BCĐ ngày 07/4/2026 của Ban Chỉ đạo vận động hiến máu tình nguyện thành phố về việc tổ chức');
  });

  it('drops "có biểu chỉ tiêu kèm theo" when no quota table is attached; the rule under the subject is 1/3-1/2 of the line above', async () => {
    const s = await importedCampaign(ctx);
    ctx.data.write((w) => w.run(q.deleteFrom('quotas')));
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'plan', issuedOn: '2026-04-06' });
    const pdf = pdfOf(r);
    expect(squash(pdftotext(pdf, ctx.dir, 'noq'))).not.toContain('kèm theo)');
    // the rule: the only horizontal line drawn between the subject and the legal bases
    const [page] = bboxPages(pdf, 'rule');
    const subject = page.words.filter((w) => w.y0 > page.words.find((x) => x.t === 'HOẠCH')!.y1 - 1 && w.y1 < page.words.find((x) => x.t === 'Thực')!.y0);
    const lastLineY = Math.max(...subject.map((w) => w.y0));
    const lastLine = subject.filter((w) => Math.abs(w.y0 - lastLineY) < 2);
    const lineWidth = Math.max(...lastLine.map((w) => w.x1)) - Math.min(...lastLine.map((w) => w.x0));
    const file = path.join(ctx.dir, 'rule.pdf');
    const svg = execFileSync('pdftocairo', ['-svg', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const lines = [...svg.matchAll(/<path[^>]*d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) "/g)].map((m) => ({ x0: Number(m[1]), y: Number(m[2]), x1: Number(m[3]) }));
    const rule = lines.filter((l) => l.y > lastLineY && l.y < lastLineY + 30).sort((a, b) => a.y - b.y)[0];
    expect(rule, 'a rule under the subject').toBeDefined();
    const ratio = Math.abs(rule.x1 - rule.x0) / lineWidth;
    expect(ratio).toBeGreaterThanOrEqual(1 / 3 - 0.02);
    expect(ratio).toBeLessThanOrEqual(1 / 2 + 0.02);
  });
});

describe('signature list, certificates of honour, calibration (items 9, 10, 15)', () => {
  it('gives "Ký nhận" a cell of at least 30 × 9 mm, totals at the rows’ size, walk-ins with birth year and unit', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'signature-list', issuedOn: '2026-05-28' });
    const pdf = pdfOf(r);
    const text = squash(pdftotext(pdf, ctx.dir, 'sig'));
    expect(text).toMatch(/Lò Văn Sáng 1992 Hiến tại chỗ 350/);
    expect(text).toMatch(/Hà Thị Hạnh 1996 Hiến tại chỗ 350/);
    expect(text).toMatch(/Nông Văn Đạt 1990 Phường Vĩnh Trại 350/);
    expect(text).toContain('DANH SÁCH KÝ NHẬN TIỀN HỖ TRỢ NGƯỜI HIẾN MÁU TÌNH NGUYỆN');
    // headings never break inside "TÌNH NGUYỆN" or "THÀNH PHỐ"
    const raw = pdftotext(pdf, ctx.dir, 'sigraw', ['-f', '1', '-l', '1']);
    for (const line of raw.split('\n').slice(0, 12)) expect(line).not.toMatch(/(TÌNH|THÀNH)\s*$|^\s*(NGUYỆN|PHỐ)\b/u);
    // the same people as the report and the progress screen
    const p = await getProgress(ctx, { campaignId: s.campaign.id });
    expect(text).toContain(`Số người nhận: ${p.total.donated} người.`);
    const [page] = bboxPages(pdf, 'sigbox');
    const rows = page.words.filter((w) => /^\d+$/.test(w.t) && mm(w.x0) < 40 && mm(w.x0) > 29).sort((a, b) => a.y0 - b.y0);
    expect(rows.length).toBeGreaterThan(3);
    for (let i = 1; i < rows.length; i++) expect(mm(rows[i].y0 - rows[i - 1].y0), `row ${rows[i].t}`).toBeGreaterThanOrEqual(9 - 0.05);
    // the signature column runs from the right edge of the "Tổng" column to the right margin
    const head = page.words.find((w) => w.t === 'Tổng' && w.y0 < rows[0].y0)!;
    const totalsRight = Math.max(...page.words.filter((w) => w.y0 > head.y1 && /^[\d.]+$/.test(w.t) && Math.abs(w.x1 - head.x1) < 30).map((w) => w.x1));
    expect(mm(page.w - 15 * (72 / 25.4) - (totalsRight + 4))).toBeGreaterThanOrEqual(30);
    // page and grand totals are printed at the rows' size
    const rowH = rows[1].y1 - rows[1].y0;
    const sum = page.words.find((w) => w.t === 'Cộng')!;
    const sumFig = page.words.filter((w) => Math.abs(w.y0 - sum.y0) < 3 && /^[\d.]+$/.test(w.t));
    for (const f of sumFig) expect(f.y1 - f.y0).toBeGreaterThanOrEqual(rowH - 0.5);
  });

  it('prints the certificate of honour with the national heading, a number to fill in and "Đã hiến máu tình nguyện N lần"', async () => {
    const s = await importedCampaign(ctx);
    ctx.data.write((w) => updatePerson(w, s.ids[0][2], { prior_donations: 4 }, '2026-05-01T00:00:00Z'));
    await recordDay(ctx, s);
    const r = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'honour-certificates', issuedOn: '2026-06-02' });
    const pages = pdfPages(pdfOf(r), ctx.dir, 'honour');
    expect(pages).toHaveLength(1);
    const t = squash(pages[0]);
    for (const x of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: /GCN-BCĐ', 'GIẤY CHỨNG NHẬN', 'Đã hiến máu tình nguyện 5 lần']) expect(t).toContain(x);
    const [page] = bboxPages(pdfOf(r), 'honourbox');
    const lowest = Math.max(...page.words.map((w) => w.y1));
    expect(lowest / page.h).toBeGreaterThan(0.8); // the content fills the page, not two thirds of it
  });

  it('keeps the calibration page’s labels apart', async () => {
    await importedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: 1, type: 'calibration', printerName: 'Canon LBP' });
    const [page] = bboxPages(pdfOf(r), 'calib');
    const red = page.words.filter((w) => ['Ngày', 'Tháng', 'Năm'].includes(w.t) && w.y0 > 100);
    expect(red.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < red.length; i++) for (let j = i + 1; j < red.length; j++) {
      const a = red[i];
      const b = red[j];
      const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      expect(overlap, `${a.t} / ${b.t}`).toBe(false);
    }
  });
});

describe('eligible donors (item 11)', () => {
  it('lists people without a unit last', async () => {
    const s = await importedCampaign(ctx);
    await recordDay(ctx, s);
    const { createCampaign } = await import('../../../electron/services/campaigns/campaigns');
    const next = await createCampaign(ctx, { name: 'Đợt hiến máu tháng 10', donationDates: ['2026-10-20'] });
    const r = await generateDocument(ctx, { campaignId: next.id, type: 'eligible-donors' });
    const t = squash(pdftotext(pdfOf(r), ctx.dir, 'eligible'));
    const units = [...t.matchAll(/Đơn vị: (.+?) \(/g)].map((m) => m[1]);
    expect(units[units.length - 1]).toBe('Chưa rõ đơn vị');
    expect(units).toContain('Phòng Giáo dục và Đào tạo');
    expect(t).toContain('Lò Văn Sáng');
  });
});

describe('heading lines (items 10, 13)', () => {
  it('breaks a body’s name into balanced lines without splitting "THÀNH PHỐ" or "TÌNH NGUYỆN"', async () => {
    const { balancedLines } = await import('../../../electron/services/documents/pdf/measure');
    expect(balancedLines('HỘI CHỮ THẬP ĐỎ THÀNH PHỐ', 188, 13, { bold: true })).toEqual(['HỘI CHỮ THẬP ĐỎ', 'THÀNH PHỐ']);
    const bcd = balancedLines('BAN CHỈ ĐẠO VẬN ĐỘNG HIẾN MÁU TÌNH NGUYỆN THÀNH PHỐ', 188, 13, { bold: true });
    expect(bcd.length).toBeLessThanOrEqual(3);
    for (const l of bcd) expect(l).not.toMatch(/(TÌNH|THÀNH|HIẾN)$|^(NGUYỆN|PHỐ|MÁU)/u);
    expect(balancedLines('UBND THÀNH PHỐ LẠNG SƠN', 188, 13)).toEqual(['UBND THÀNH PHỐ LẠNG SƠN']);
  });
});

describe('the office’s credit rule "tính cho cả hai đơn vị"', () => {
  it('lists a person in each unit that counts them, so every unit’s list adds up to its progress figure; the report says the rule', async () => {
    const s = await importedCampaign(ctx);
    const { setCreditRule } = await import('../../../electron/services/duplicates/credit');
    setCreditRule(ctx, 'both_units');
    await recordDay(ctx, s);
    const p = await getProgress(ctx, { campaignId: s.campaign.id });
    const youth = p.rows.find((x) => x.unitId === s.units[1].id)!;
    expect(youth.afterDuplicates).toBe(11); // its 9 + the 2 it shares with the education office
    const lists = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'unit-registrants' });
    const lt = squash(pdftotext(pdfOf(lists), ctx.dir, 'both'));
    for (const u of s.units) {
      const row = p.rows.find((x) => x.unitId === u.id)!;
      expect(lt).toMatch(new RegExp(`Đơn vị: ${u.name} .*?Tổng số: ${row.afterDuplicates} người\\.`));
    }
    expect(lt).toContain('tính cho cả hai đơn vị');
    const rep = await generateDocument(ctx, { campaignId: s.campaign.id, type: 'result-report', issuedOn: '2026-06-02' });
    const rt = squash(pdftotext(pdfOf(rep), ctx.dir, 'bothrep'));
    const { creditRuleSentence } = await import('../../../shared/domain/credit-rule');
    expect(rt).toContain(creditRuleSentence('both_units'));
    expect(rt).toContain(`Tổng cộng ${p.total.quotaBloodUnits} ${p.total.afterDuplicates} ${p.total.donated}`);
  });
});
