import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { getCertificateLayout, listPrinters, saveCertificateLayout } from '../../../electron/services/documents/certificate-layout';
import { listSerials, voidSerial } from '../../../electron/services/documents/serials';
import { seedCampaign, pdfPages, pdfinfo, pdfOf, squash } from './fixture';
import { q } from '../../../electron/db/query';

let ctx: ReturnType<typeof tempContext>;
beforeEach(() => {
  ctx = tempContext('2024-06-17T08:00:00Z');
});
afterEach(async () => {
  await ctx.cleanup();
});

/** x of a word on page 1, in mm from the left edge. */
function wordXmm(pdf: Buffer, word: string): number {
  const file = path.join(ctx.dir, `bbox-${Math.random()}.pdf`);
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  const m = new RegExp(`<word xMin="([\\d.]+)"[^>]*>${word}</word>`).exec(html);
  if (!m) throw new Error(`word ${word} not found`);
  return (Number(m[1]) * 25.4) / 72;
}

describe('certificates on the pre-printed form', () => {
  it('prints one page per donor with the person’s data at the saved positions and records the serials', async () => {
    const { campaign } = await seedCampaign(ctx);
    const r = await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', issue: true, startSerial: 'AA 000098', issuedOn: '2024-06-17' });
    const pages = pdfPages(pdfOf(r), ctx.dir, 'cert');
    expect(pages).toHaveLength(4); // four donated, the deferred one gets none
    expect(r.serials).toEqual(['AA 000098', 'AA 000099', 'AA 000100', 'AA 000101']);
    const all = pages.join('\n');
    expect(all).toContain('TRẦN VĂN ĐỨC');
    expect(all).toContain('NGUYỄN THỊ HỒNG VÂN');
    expect(all).not.toContain('LÊ QUANG HƯNG');
    expect(pages[0]).toMatch(/17\s+6\s+2024/);
    expect(pdfinfo(pdfOf(r), ctx.dir)).toMatch(/Page\s+1 size:\s+595\.28 x 419\.53 pts/); // A5 landscape by default
    const serials = await listSerials(ctx, campaign.id);
    expect(serials.map((s) => [s.serial, s.status])).toEqual(r.serials.map((s) => [s, 'issued']));
    expect(serials.map((s) => s.personName).sort()).toEqual(pages.map(() => expect.any(String)));

    // one donation has one serial: a second issue finds nothing left to print
    await expect(generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', issue: true, startSerial: 'AA 000200' })).rejects.toThrow(/đã có giấy chứng nhận.*AA 000098/);
    // a preview writes nothing
    await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', startSerial: 'BB 1' });
    expect(await listSerials(ctx, campaign.id)).toHaveLength(4);
  });

  it('voids a spoiled form and reissues it on a new serial', async () => {
    const { campaign } = await seedCampaign(ctx);
    await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', issue: true, startSerial: '000010' });
    const before = await listSerials(ctx, campaign.id);
    const spoiled = before[1];
    const donation = ctx.data.read.get(q.selectFrom('certificate_serials').select('donation_id').where('serial', '=', spoiled.serial))!;
    await expect(
      generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', issue: true, startSerial: '000050', donationIds: [donation.donation_id!], reissueOf: spoiled.serial }),
    ).rejects.toThrow(/chưa được huỷ/);
    await voidSerial(ctx, spoiled.serial, 'Kẹt giấy khi in');
    const re = await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', issue: true, startSerial: '000050', donationIds: [donation.donation_id!], reissueOf: spoiled.serial });
    expect(re.pages).toBe(1);
    expect(pdfPages(pdfOf(re), ctx.dir, 're')[0]).toContain(spoiled.personName.toLocaleUpperCase('vi'));
    const after = await listSerials(ctx, campaign.id);
    expect(after.find((s) => s.serial === spoiled.serial)).toMatchObject({ status: 'void', voidReason: 'Kẹt giấy khi in' });
    expect(after.find((s) => s.serial === '000050')).toMatchObject({ status: 'issued', reissueOf: spoiled.serial, personName: spoiled.personName, reissued: false });
    expect(after.find((s) => s.serial === spoiled.serial)).toMatchObject({ reissued: true, donationId: donation.donation_id });
    await expect(voidSerial(ctx, spoiled.serial, 'lần nữa')).rejects.toThrow(/đã huỷ/);
  });

  it('keeps field positions per printer and shows them on the calibration page', async () => {
    const { campaign } = await seedCampaign(ctx);
    const base = await getCertificateLayout(ctx, 'Canon LBP2900');
    await saveCertificateLayout(ctx, 'Canon LBP2900', { ...base, offsetX: 7, fields: { ...base.fields, fullName: { ...base.fields.fullName, x: 40 } } });
    expect(await listPrinters(ctx)).toEqual(['Canon LBP2900']);
    const a = await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', printerName: 'Canon LBP2900', donationIds: undefined });
    const b = await generateDocument(ctx, { campaignId: campaign.id, type: 'certificates', printerName: 'HP khác' });
    expect(wordXmm(pdfOf(a), 'TRẦN')).toBeCloseTo(47, 0);
    expect(wordXmm(pdfOf(b), 'TRẦN')).toBeCloseTo(base.fields.fullName.x, 0);

    const cal = await generateDocument(ctx, { campaignId: campaign.id, type: 'calibration', printerName: 'Canon LBP2900' });
    const text = pdfPages(pdfOf(cal), ctx.dir, 'cal').join('\n');
    expect(squash(text)).toContain('Họ và tên: 40; 50'); // positions in the legend, each label inside its box
    expect(text).toContain('Số CCCD');
    expect(text).toContain('Canon LBP2900');
    expect(wordXmm(pdfOf(cal), 'Họ')).toBeCloseTo(47.7, 0);
  });
});
