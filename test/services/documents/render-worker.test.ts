import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { renderPdf } from '../../../electron/services/documents/pdf/render';
import { nd30Document } from '../../../electron/services/documents/pdf/page';
import { pdfPages, pdffonts } from './fixture';

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

  it('still refuses local files inside the worker', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname' }] })).rejects.toThrow();
  });
});
