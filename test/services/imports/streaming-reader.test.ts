import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../helpers/context';
import { readXlsxStreaming } from '../../../electron/services/imports/read-xlsx-stream';
import { readXlsx } from '../../../electron/services/imports/read-xlsx';
import { guardZip } from '../../../electron/services/imports/zip-guard';
import { analyzeGrids } from '../../../electron/services/imports/parse-file';
import { villagesWorkbook, vniList } from '../../fixtures/imports/make-fixtures';

const corpus = fs.existsSync(CORPUS_DIR) ? fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.xlsx')) : [];

async function both(name: string, buf: Buffer) {
  const streamed = await readXlsxStreaming(name, buf, guardZip(name, buf));
  expect(streamed).not.toBeNull();
  const full = await readXlsx(name, buf); // small files take the full reader
  const people = (grids: NonNullable<typeof streamed>) =>
    analyzeGrids(name, grids, 2026).map((s) => ({ sheet: s.sheet, skipped: s.skipped, rows: s.people.map((p) => [p.row, p.values]) }));
  return { streamed: people(streamed!), full: people(full) };
}

describe('the streaming reader used for large files reads lists exactly like the full reader', () => {
  it.each(corpus)('%s', async (f) => {
    const { streamed, full } = await both(f, fs.readFileSync(path.join(CORPUS_DIR, f)));
    expect(streamed).toEqual(full);
  });
  it('keeps sheet names, hidden sheets and VNI fonts', async () => {
    for (const fx of [await villagesWorkbook(), await vniList()]) {
      const { streamed, full } = await both(fx.name, fx.data);
      expect(streamed).toEqual(full);
    }
  });
});
