import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { updateCampaign } from '../../../electron/services/campaigns/campaigns';
import { amountInWords } from '../../../shared/domain/documents/money-words';
import { seedCampaign, pdfPages, pdfinfo, pdfOf } from './fixture';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2024-06-17T08:00:00Z');
});
afterEach(async () => {
  await ctx.cleanup();
});

const money = (s: string) => Number(s.replace(/\./g, ''));

/** Data rows: "STT name year … ml gift travel meal total" read back from one page's text. */
function rowsOf(page: string): { stt: number; ml: number; gift: number; travel: number; meal: number; total: number }[] {
  const out = [];
  for (const line of page.split('\n')) {
    const m = /^\s*(\d+)\s+\S.*?\s(250|350|450)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$/.exec(line);
    if (m) out.push({ stt: Number(m[1]), ml: Number(m[2]), gift: money(m[3]), travel: money(m[4]), meal: money(m[5]), total: money(m[6]) });
  }
  return out;
}

describe('Danh sách ký nhận (signature list)', () => {
  it('splits into pages that each repeat the header and carry their own sums; overall total and amount in words are right', async () => {
    const { campaign } = await seedCampaign(ctx, { extraPeople: 70 });
    // amounts come from the campaign's support setting
    await updateCampaign(ctx, { id: campaign.id, support: { gift: { 250: 110_000, 350: 160_000, 450: 190_000 }, travel: 40_000, meal: 25_000 } });
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'signature-list', issuedOn: '2024-06-17' });
    const pdf = pdfOf(r);
    const pages = pdfPages(pdf, ctx.dir, 'sig');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdfinfo(pdf, ctx.dir)).toMatch(/Page\s+1 size:\s+841\.89 x 595\.28 pts/); // A4 landscape

    const all: ReturnType<typeof rowsOf> = [];
    pages.forEach((p, i) => {
      expect(p).toMatch(/Họ và tên/);
      expect(p).toMatch(/Quà tặng\s+Đi lại\s+Ăn\s+Tổng/);
      if (i > 0) expect(p.split('\n').find((l) => l.trim())!.trim()).toBe(String(i + 1));
      const rows = rowsOf(p);
      if (!rows.length) return; // the signer block may spill onto a last page
      all.push(...rows);
      const m = new RegExp(`Cộng trang ${i + 1}\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(p);
      expect(m, `page ${i + 1} sum`).not.toBeNull();
      expect(money(m![1])).toBe(rows.reduce((s, x) => s + x.gift, 0));
      expect(money(m![4])).toBe(rows.reduce((s, x) => s + x.total, 0));
    });
    // 4 donors in the seed + 70 extra; the deferred one is not paid
    expect(all.map((x) => x.stt)).toEqual(Array.from({ length: 74 }, (_, i) => i + 1));
    for (const x of all) {
      expect(x.gift).toBe({ 250: 110_000, 350: 160_000, 450: 190_000 }[x.ml]);
      expect(x.total).toBe(x.gift + 40_000 + 25_000);
    }
    const grand = all.reduce((s, x) => s + x.total, 0);
    const text = pages.join('\n');
    const tm = /Tổng cộng\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(text);
    expect(money(tm![4])).toBe(grand);
    expect(text.replace(/\s+/g, ' ')).toContain(`Bằng chữ: ${amountInWords(grand)}.`);
    for (const s of ['Người lập', 'Kế toán', 'Thủ trưởng đơn vị', 'Năm sinh', 'Nam', 'Nữ', 'Ký nhận']) expect(text).toContain(s);
  });

  it('wraps a long name inside its column instead of overflowing into the next one', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'signature-list', issuedOn: '2024-06-17' });
    const file = path.join(ctx.dir, 'bbox.pdf');
    fs.writeFileSync(file, pdfOf(r));
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    const page = html.split('<page').find((p) => p.includes('>Khuê<'))!;
    expect(page).toBeDefined();
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[5],
    }));
    const unitHeader = words.find((w) => w.text === 'Đơn')!; // "Đơn vị" header: the next column starts left of it
    const yearHeader = words.find((w) => w.text === 'Nam')!;
    const long = 'Phạm Đình Ngọc Bảo Khuê Hoàng Thị Phương Thảo Nguyễn'.split(' ');
    const placed = long.map((t) => words.find((w) => w.text === t && w.xMin < yearHeader.xMin));
    for (const w of placed) {
      expect(w, 'every word of the long name is printed').toBeDefined();
      expect(w!.xMax).toBeLessThan(yearHeader.xMin);
    }
    expect(new Set(placed.map((w) => Math.round(w!.yMin))).size).toBeGreaterThan(1); // on more than one line
    expect(unitHeader.xMin).toBeGreaterThan(yearHeader.xMin);
  });
});
