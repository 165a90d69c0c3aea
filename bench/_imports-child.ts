// Child process of bench/imports.ts: one measurement per process so peak memory is its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createAppContext } from '../electron/services/create-context';
import { importFiles, resolveCampaign } from '../electron/services/imports/import-files';

async function main() {
  const [mode, file] = process.argv.slice(2);
  let t0 = performance.now();
  let rows = 0;
  if (mode === 'exceljs') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    rows = wb.worksheets[0].rowCount;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-bench-'));
    if (mode === 'warm') {
      // A running app has its code loaded and compiled: import once into a scratch database first.
      const scratch = createAppContext(path.join(dir, 'scratch.sqlite'));
      const cid = await resolveCampaign(scratch, undefined, '2026-05-28');
      await importFiles(scratch, [{ name: 'warm-up.xlsx', data: fs.readFileSync(file) }], { campaignId: cid, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
      await scratch.conn.close();
    }
    const ctx = createAppContext(path.join(dir, 'bench.sqlite'));
    const campaignId = await resolveCampaign(ctx, undefined, '2026-05-28');
    t0 = performance.now(); // the import itself: read, detect, normalise, validate, write
    const [o] = await importFiles(ctx, [{ name: path.basename(file), data: fs.readFileSync(file) }], { campaignId, unit: 'auto', onDuplicate: 'skip', matchDuplicates: false });
    if (!o.ok) throw new Error(o.message);
    rows = o.imported ?? 0;
    await ctx.conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rows, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

void main().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.message : e) + '\n');
  process.exit(1);
});
