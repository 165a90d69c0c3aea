import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWorkbook } from './electron/services/imports/read-workbook';
import { analyzeGrids } from './electron/services/imports/parse-file';
import { createAppContext } from './electron/services/create-context';
import { resolveCampaign } from './electron/services/imports/import-files';
import { buildPreview } from './electron/services/imports/build-preview';
import { commitImport } from './electron/services/imports/commit-import';
async function main() {
  const file = process.argv[2];
  const buf = fs.readFileSync(file);
  let t = performance.now();
  const wb = await readWorkbook('x.xlsx', buf);
  const tRead = performance.now() - t; t = performance.now();
  analyzeGrids('x.xlsx', wb.sheets, 2026);
  const tAn = performance.now() - t;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-'));
  const ctx = createAppContext(path.join(dir, 'b.sqlite'));
  const cid = await resolveCampaign(ctx, undefined, '2026-05-28');
  t = performance.now();
  const { preview } = await buildPreview(ctx, { fileName: 'x.xlsx', data: buf, campaignId: cid });
  const tPrev = performance.now() - t; t = performance.now();
  await commitImport(ctx, { previewId: preview.id, unitId: null, newUnitName: 'X' });
  const tCommit = performance.now() - t;
  console.log(JSON.stringify({ tRead, tAn, tPrev, tCommit }));
  await ctx.conn.close();
}
void main();
