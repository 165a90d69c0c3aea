import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { importFiles, resolveCampaign } from '../../../electron/services/imports/import-files';
import { exportInterchange } from '../../../electron/services/imports/export-interchange';
import { hostileFixtures, type Fixture } from '../../fixtures/imports/make-fixtures';

let ctx: ReturnType<typeof tempContext>;
let campaignId: number;
let fx: Record<string, Fixture>;
beforeAll(async () => {
  ctx = tempContext();
  campaignId = await resolveCampaign(ctx, undefined, '2026-05-28');
  fx = await hostileFixtures();
}, 60_000);
afterAll(async () => ctx.cleanup());

function counts() {
  const q = (t: string) => (ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { people: q('people'), registrations: q('registrations'), batches: q('import_batches') };
}

async function refused(f: Fixture, code: RegExp) {
  const before = counts();
  const [o] = await importFiles(ctx, [f], { campaignId, unit: 'auto', onDuplicate: 'skip' });
  expect(o.ok).toBe(false);
  expect(o.message).toContain(f.name);
  expect(o.message).toMatch(code);
  expect(counts()).toEqual(before);
  return o.message;
}

describe('hostile and broken files: a clear Vietnamese message naming the file, nothing written', () => {
  it('refuses a password-protected workbook', async () => {
    await refused(fx.password, /mật khẩu/);
  });
  it('refuses a zip bomb before inflating it', async () => {
    const t = Date.now();
    await refused(fx.zipBomb, /bất thường|giải nén/);
    expect(Date.now() - t).toBeLessThan(2000);
  });
  it('refuses a file that is not a spreadsheet', async () => {
    await refused(fx.notSpreadsheet, /không phải bảng tính/);
  });
  it('refuses a sheet whose used range is absurdly large, naming sheet and column', async () => {
    const msg = await refused(fx.hugeRange, /vượt giới hạn/);
    expect(msg).toContain('"DS"');
    expect(msg).toMatch(/1048576|XFD/);
  });
  it('refuses formulas without a cached value, naming the cell', async () => {
    const msg = await refused(fx.formulaNoValue, /công thức/);
    expect(msg).toContain('B2');
  });
  it('refuses a 10 MB cell, naming the cell', async () => {
    const msg = await refused(fx.hugeCell, /ký tự/);
    expect(msg).toContain('G2');
  });
  it('refuses an empty workbook', async () => {
    await refused(fx.emptyWorkbook, /không có dữ liệu/);
  });
  it('reads an .xls renamed .xlsx for what it is', async () => {
    const [o] = await importFiles(ctx, [fx.xlsRenamed], { campaignId, unit: 'auto', onDuplicate: 'skip' });
    expect(o.ok, o.message).toBe(true);
    const rows = (await exportInterchange(ctx, campaignId)).rows.filter((r) => r.file === fx.xlsRenamed.name);
    expect(rows).toMatchObject([{ full_name: 'Nguyễn Văn Cường', birth_date: '1991-02-01', national_id: '020091012345' }]);
  });
  it('treats __proto__ and constructor headers as plain unknown columns, polluting nothing', async () => {
    const [o] = await importFiles(ctx, [fx.protoHeader], { campaignId, unit: 'auto', onDuplicate: 'skip' });
    expect(o.ok, o.message).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const reg = ctx.conn.sqlite.prepare('SELECT raw FROM registrations WHERE source_file = ?').get(fx.protoHeader.name) as { raw: string };
    const raw = JSON.parse(reg.raw) as { cells: [string, string][] };
    expect(raw.cells).toContainEqual(['__proto__', '{"polluted":true}']);
  });
  it('keeps the other files of a CLI batch importing when one fails', async () => {
    const out = await importFiles(ctx, [fx.notSpreadsheet, fx.protoHeader], { campaignId, unit: 'auto', onDuplicate: 'skip' });
    expect(out.map((o) => o.ok)).toEqual([false, true]);
  });
});
