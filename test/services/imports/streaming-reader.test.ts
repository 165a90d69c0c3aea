import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../helpers/context';
import { readXlsxStreaming } from '../../../electron/services/imports/read-xlsx-stream';
import { readXlsxFast } from '../../../electron/services/imports/fast-xlsx';
import { readXlsx } from '../../../electron/services/imports/read-xlsx';
import { guardZip } from '../../../electron/services/imports/zip-guard';
import { analyzeGrids } from '../../../electron/services/imports/parse-file';
import { date1904Workbook, groupedHeaderWorkbook, mergedNameWorkbook, schoolsWorkbook, villagesWorkbook, vniList } from '../../fixtures/imports/make-fixtures';

const corpus = fs.existsSync(CORPUS_DIR) ? fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.xlsx')) : [];

async function both(name: string, buf: Buffer) {
  const streamed = await readXlsxStreaming(name, buf, guardZip(name, buf));
  expect(streamed).not.toBeNull();
  const fast = await readXlsxFast(name, buf, guardZip(name, buf));
  expect(fast).not.toBeNull();
  const full = await readXlsx(name, buf); // small files take the full reader
  const people = (grids: NonNullable<typeof streamed>) =>
    analyzeGrids(name, grids, 2026).map((s) => ({ sheet: s.sheet, skipped: s.skipped, rows: s.people.map((p) => [p.row, p.values]) }));
  return { streamed: people(streamed!), full: people(full), fast: people(fast!) };
}

describe('the lean and streaming readers used for large files read lists exactly like the full reader', () => {
  it.each(corpus)('%s', async (f) => {
    const { streamed, full, fast } = await both(f, fs.readFileSync(path.join(CORPUS_DIR, f)));
    expect(streamed).toEqual(full);
    expect(fast).toEqual(full);
  });
  it('the lean reader reads 1904 dates', async () => {
    const fx = await date1904Workbook();
    const fast = await readXlsxFast(fx.name, fx.data, guardZip(fx.name, fx.data));
    const full = await readXlsx(fx.name, fx.data);
    const vals = (g: typeof full) => analyzeGrids(fx.name, g, 2026)[0].people.map((p) => p.values);
    expect(vals(fast!)).toEqual(vals(full));
  });
  it('keeps sheet names, hidden sheets, VNI fonts, sections and grouped headers', async () => {
    for (const fx of [await villagesWorkbook(), await vniList(), await schoolsWorkbook(), await groupedHeaderWorkbook(), await mergedNameWorkbook()]) {
      const { streamed, full, fast } = await both(fx.name, fx.data);
      expect(streamed).toEqual(full);
      expect(fast).toEqual(full);
    }
  });
});
