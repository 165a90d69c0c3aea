import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from '../../../electron/services/documents/pdf/render';
import { nd30Document } from '../../../electron/services/documents/pdf/page';
import { SECTION_ID } from '../../../electron/services/documents/pdf/render-core';
import { pdfPages, pdffonts } from './fixture';
import { tempContext } from '../../helpers/context';
import { generateDocument } from '../../../electron/services/documents/generate';
import { importedCampaign, recordDay } from './imported-campaign';
import { updatePerson } from '../../../electron/services/people/write-person';

const ROOT = path.resolve(__dirname, '../../..');
// Inside the repo (.tmp/ is ignored) so the bundled worker finds node_modules like out/pdf-worker.js does.
fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
const dir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'pdf-worker-'));

beforeAll(async () => {
  await build({
    entryPoints: [path.join(ROOT, 'electron/services/documents/pdf/pdf-worker.ts')],
    outfile: path.join(dir, 'pdf-worker.js'),
    bundle: true, platform: 'node', target: 'node22', format: 'cjs', packages: 'external', logLevel: 'silent',
  });
  process.env.GIOT_HONG_PDF_WORKER = path.join(dir, 'pdf-worker.js');
});
afterAll(() => {
  delete process.env.GIOT_HONG_PDF_WORKER;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PDF rendering in a worker thread', () => {
  it('renders off the main thread (the event loop keeps running) with the same result', async () => {
    const content: Content[] = [];
    for (let i = 0; i < 600; i++) content.push({ text: `Người hiến máu số ${i + 1} - Nguyễn Thị Hồng Vân`, ...(i > 0 ? { pageBreak: 'before' as const } : {}) });
    const doc = nd30Document({ content, title: 'Thử' });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const pdf = await renderPdf(doc);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(10); // an inline render would hold the loop for the whole layout
    const pages = pdfPages(pdf, dir, 'worker');
    expect(pages).toHaveLength(600);
    expect(pages[0]).toContain('Người hiến máu số 1 - Nguyễn Thị Hồng Vân');
    expect(pages[1].split('\n').find((l) => l.trim())!.trim()).toBe('2'); // page numbers survive the crossing
    expect(pdffonts(pdf, dir)).toMatch(/Tinos\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('restarts page numbers per section inside the worker (one unit’s list each)', async () => {
    const content: Content[] = [];
    for (let u = 0; u < 3; u++) {
      content.push({
        stack: [{ text: `Đơn vị ${u + 1}`, id: `${SECTION_ID}${u}` }, ...Array.from({ length: 60 * (u + 1) }, (_, i) => ({ text: `Dòng ${i + 1}` }))],
        ...(u > 0 ? { pageBreak: 'before' as const } : {}),
      });
    }
    const pdf = await renderPdf(nd30Document({ content, title: 'Thử', pageNumbers: 'sections' }));
    const pages = pdfPages(pdf, dir, 'sections');
    const numbers = pages.map((p) => (/Đơn vị \d/.test(p) ? 1 : Number(p.split('\n').find((l) => l.trim())!.trim())));
    let expected = 0;
    for (const [i, n] of numbers.entries()) {
      expected = /Đơn vị \d/.test(pages[i]) ? 1 : expected + 1;
      expect(n, `page ${i + 1}`).toBe(expected);
    }
    expect(numbers.filter((n) => n === 1)).toHaveLength(3);
  });

  it('every document crosses to the worker (its definition is plain data)', async () => {
    const ctx = tempContext('2026-04-05T08:00:00Z');
    try {
      const s = await importedCampaign(ctx, { perUnit: [4, 3, 2, 2] });
      ctx.data.write((w) => updatePerson(w, s.ids[0][0], { prior_donations: 4 }, '2026-05-01T00:00:00Z'));
      await recordDay(ctx, s);
      for (const type of ['plan', 'result-report', 'invitations', 'signature-list', 'unit-registrants', 'eligible-donors', 'certificates', 'honour-certificates', 'honour-list', 'calibration'] as const) {
        const r = await generateDocument(ctx, { campaignId: s.campaign.id, type, issuedOn: '2026-06-02' });
        expect(Buffer.from(r.file.dataBase64, 'base64').subarray(0, 5).toString(), type).toBe('%PDF-');
      }
    } finally {
      await ctx.cleanup();
    }
  });

  it('still refuses local files inside the worker', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow();
  });
});
