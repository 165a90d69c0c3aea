/**
 * Child process of the hostile-file suite: runs ONE crafted file through every reader of the app
 * (the list importer's preview, units, quotas, results, and the Node host's imports:parse over
 * HTTP) on a copy of the test database, then prints one JSON line: each reader's outcome and the
 * process's peak memory. Started with a heap cap and a timeout by hostile.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../../../electron/services/create-context';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { startHost } from '../../../electron/host/server';
import { isAppError } from '../../../shared/errors/app-error';
import { buildPreview } from '../../../electron/services/imports/build-preview';
import { importUnitsFromExcel } from '../../../electron/services/units/import-units';
import { importQuotasFromExcel } from '../../../electron/services/quotas/import-quotas';
import { importResults } from '../../../electron/services/donation-day/import-results';

export interface ReaderOutcome { reader: string; ok: boolean; code: string; message: string; ms: number }

async function main() {
  const [file, dbPath, campaignArg] = process.argv.slice(2);
  const campaignId = Number(campaignArg);
  const name = path.basename(file);
  const data = fs.readFileSync(file);
  const ctx = createAppContext(dbPath, { now: () => new Date('2026-05-01T08:00:00Z') });
  const out: ReaderOutcome[] = [];
  const run = async (reader: string, fn: () => Promise<unknown>) => {
    const t = Date.now();
    try {
      await fn();
      out.push({ reader, ok: true, code: '', message: '', ms: Date.now() - t });
    } catch (e) {
      const appCode = (e as { appCode?: string }).appCode;
      const code = isAppError(e) ? e.code : appCode ?? 'INTERNAL';
      const message = isAppError(e) || appCode ? (e as Error).message : String((e as Error)?.stack ?? e);
      out.push({ reader, ok: false, code, message, ms: Date.now() - t });
    }
  };
  await run('lists', () => buildPreview(ctx, { fileName: name, data, campaignId }));
  await run('units', () => importUnitsFromExcel(ctx, name, data));
  await run('quotas', () => importQuotasFromExcel(ctx, campaignId, name, data));
  await run('results', () => importResults(ctx, campaignId, name, data));
  // The host: the same dispatcher behind HTTP, as `npm run serve` runs it.
  const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-r-'));
  fs.writeFileSync(path.join(renderer, 'index.html'), '<html><head></head><body></body></html>');
  const { server, url } = await startHost({ rendererDir: renderer, bridgeFile: path.join(renderer, 'index.html'), dispatch: createDispatcher(ctx), port: 0 });
  await run('host', async () => {
    const page = await (await fetch(url)).text();
    const token = /name="giot-hong-token" content="([0-9a-f]+)"/.exec(page)![1];
    const call = async (channel: string, args: unknown) => {
      const res = await fetch(`${url}__api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-giot-hong-token': token }, body: JSON.stringify(args) });
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON reply of whichever channel is called
      return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
    };
    const started = await call('imports:parse', { campaignId, files: [{ name, dataBase64: data.toString('base64') }] });
    if (!started.ok) throw Object.assign(new Error(started.error!.message), { appCode: started.error!.code });
    for (;;) {
      const s = await call('jobs:status', { id: started.value.jobId });
      if (!s.ok) throw new Error(s.error!.message);
      if (s.value.state === 'running') { await new Promise((r) => setTimeout(r, 20)); continue; }
      if (s.value.state === 'failed') throw Object.assign(new Error(s.value.error?.message ?? ''), { appCode: s.value.error?.code ?? 'FAILED' });
      const f = s.value.result?.files?.[0];
      if (f?.error) throw Object.assign(new Error(f.error), { appCode: 'FILE' });
      return;
    }
  });
  server.close();
  await ctx.conn.close();
  fs.rmSync(renderer, { recursive: true, force: true });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ outcomes: out, maxRssMb }));
}

main().catch((e) => { console.error(e); process.exit(2); });
