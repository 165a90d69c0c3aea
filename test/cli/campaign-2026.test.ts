/**
 * The whole campaign of ../shared/campaign-2026 set up from an empty database through the built CLI,
 * as a clerk's script would: office, campaign, the plan's quota table creating the 17 units, then the
 * 24 registration lists with --unit auto. Checked against quotas/truth_quotas.json and lists/truth.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const CAMPAIGN = path.resolve(ROOT, '../shared/campaign-2026');
const LISTS = path.join(CAMPAIGN, 'lists');
const QUOTAS = path.join(CAMPAIGN, 'quotas');

interface TruthUnit { org: string; name_in_table: string; registrants_by_month: number[]; registrants: number; blood_units: number }
const truthQuotas = JSON.parse(fs.readFileSync(path.join(QUOTAS, 'truth_quotas.json'), 'utf8')) as { units: TruthUnit[]; months: string[]; totals: { registrants: number; blood_units: number }; data_rows: number[]; total_row: number; header_rows: number[] };
const truthLists = JSON.parse(fs.readFileSync(path.join(LISTS, 'truth.json'), 'utf8')) as { files: { file: string; org: string; rows: unknown[] }[] };

let bin: string;
let dir: string;
let db: string;

/** The CLI bundled as `npm run build` bundles it, into a folder of its own (others build out/ at the same time). */
beforeAll(async () => {
  const outDir = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache-cli-2026-'));
  bin = path.join(outDir, 'cli.js');
  await build({ entryPoints: [path.join(ROOT, 'electron/cli.ts')], outfile: bin, bundle: true, platform: 'node', target: 'node22', format: 'cjs', packages: 'external', external: ['electron'], define: { __APP_VERSION__: '"test"' }, logLevel: 'error' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-2026-'));
  db = path.join(dir, 'data.sqlite');
});
afterAll(() => {
  fs.rmSync(path.dirname(bin), { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GIOT_HONG_DB: '' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json<T>(r: { code: number | null; out: string; err: string }, code = 0): T {
  expect(r.code, r.err).toBe(code);
  return JSON.parse(r.out) as T;
}

describe('campaign 2026 from an empty database, through the CLI', () => {
  let campaignId: number;
  const unitOfOrg = new Map<string, number>();

  it('sets the office up and refuses unknown options and missing values with exit 2', () => {
    const office = json<Record<string, string>>(
      cli('office', 'set', '--db', db, '--json', '--name', 'Ban Chỉ đạo vận động hiến máu tình nguyện thành phố', '--parent', 'UBND THÀNH PHỐ LẠNG SƠN', '--place', 'Lạng Sơn', '--signer', 'Hoàng Thị Lan', '--title', 'Phó Trưởng ban', '--authority', 'KT', '--suffix', 'BCĐ'),
    );
    expect(office).toMatchObject({ officeName: 'Ban Chỉ đạo vận động hiến máu tình nguyện thành phố', parentBody: 'UBND THÀNH PHỐ LẠNG SƠN', placeName: 'Lạng Sơn', signerAuthority: 'KT.', docSuffix: 'BCĐ' });
    const unknown = cli('office', 'set', '--db', db, '--nam', 'X');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Tuỳ chọn không hợp lệ cho lệnh "office set": --nam/);
    const missing = cli('office', 'set', '--db', db, '--place');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/Thiếu giá trị cho --place/);
    expect(cli('office', 'set', '--db', db, '--authority', 'XYZ').code).toBe(2);
  });

  it('creates the campaign and sets every field of the plan', () => {
    const c = json<{ id: number }>(cli('campaigns', 'create', 'Ngày hội hiến máu tình nguyện đợt 1 năm 2026', '--db', db, '--date', '2026-05-28', '--deadline', '2026-05-15', '--registrants', '1650', '--units', '1140', '--json'));
    campaignId = c.id;
    const u = json<Record<string, unknown>>(
      cli('campaigns', 'update', String(campaignId), '--db', db, '--json',
        '--slogan', 'Mỗi giọt máu cho đi — một cuộc đời ở lại',
        '--plan-number', '12/KH-BCĐ',
        '--legal-basis', 'Căn cứ Luật Khám bệnh, chữa bệnh năm 2023;',
        '--legal-basis', 'Căn cứ Kế hoạch số 05/KH-BCĐ ngày 10/01/2026 của Ban Chỉ đạo tỉnh;',
        '--time', '7 giờ 00 – 11 giờ 30', '--place', 'Nhà Văn hóa thành phố Lạng Sơn', '--facility', 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
        '--age-max-female', '55', '--interval-days', '84', '--gift-350', '150000', '--travel', '50000', '--meal', '30000'),
    );
    expect(u).toMatchObject({
      slogan: 'Mỗi giọt máu cho đi — một cuộc đời ở lại', planNumber: '12/KH-BCĐ', donationTime: '7 giờ 00 – 11 giờ 30', place: 'Nhà Văn hóa thành phố Lạng Sơn', bloodFacility: 'Bệnh viện Đa khoa tỉnh Lạng Sơn',
      ageMaxFemale: 55, minIntervalDays: 84, donationDates: ['2026-05-28'], registrationDeadline: '2026-05-15', targetRegistrants: 1650, targetBloodUnits: 1140,
      support: { gift: { 350: 150000 }, travel: 50000, meal: 30000 },
    });
    expect(u.legalBases).toHaveLength(2);
    const bad = cli('campaigns', 'update', String(campaignId), '--db', db, '--create-units');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--create-units/);
    expect(cli('campaigns', 'update', String(campaignId), '--db', db, '--deadline', '15/5/2026').code).toBe(2);
  });

  it('quotas import --create-units: the 17 units, months and totals of the plan, no header or total row as a unit', () => {
    const file = path.join(QUOTAS, 'quota-table-monthly.xlsx');
    const dry = cli('quotas', 'import', '--campaign', String(campaignId), file, '--db', db);
    expect(dry.code).toBe(3); // no units yet: every name listed with a proposal
    expect(dry.err).toMatch(/Dòng 15: không có đơn vị "CATP".*tạo đơn vị mới "Công an thành phố"/);
    const r = json<{
      createdUnits: { row: number; unitId: number; unitName: string }[];
      unknown: unknown[];
      warnings: string[];
      counts: Record<string, number>;
      ledger: { row: number; kind: string }[];
      fileTotals: { registrants: number; bloodUnits: number };
      statedTotals: { registrants: number; bloodUnits: number };
      totals: { registrants: number; bloodUnits: number };
      months: number[];
    }>(cli('quotas', 'import', '--campaign', String(campaignId), file, '--create-units', '--db', db, '--json'));
    expect(r.unknown).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.createdUnits.map((c) => c.row)).toEqual(truthQuotas.data_rows);
    expect(r.ledger.filter((l) => l.kind === 'unit').map((l) => l.row)).toEqual(truthQuotas.data_rows);
    expect(r.ledger.filter((l) => l.kind === 'total').map((l) => l.row)).toEqual([truthQuotas.total_row]);
    expect(r.ledger.filter((l) => l.kind === 'header').map((l) => l.row)).toEqual(truthQuotas.header_rows);
    expect(r.totals).toEqual({ registrants: truthQuotas.totals.registrants, bloodUnits: truthQuotas.totals.blood_units });
    expect(r.statedTotals).toEqual({ registrants: 1650, bloodUnits: 1140 });
    expect(r.months).toEqual(truthQuotas.months.map((m) => Number(m.slice(5))));
    truthQuotas.units.forEach((t, i) => unitOfOrg.set(t.org, r.createdUnits[i].unitId));

    const units = json<{ id: number; name: string; kind: string; aliases: string[] }[]>(cli('units', 'list', '--db', db, '--json'));
    expect(units).toHaveLength(17);
    const names = units.map((u) => u.name);
    expect(names.some((n) => /^(đơn vị|tên đơn vị|cộng|tổng cộng|tt)$/i.test(n))).toBe(false);
    expect(names).toEqual(expect.arrayContaining(['Phường Vĩnh Trại', 'Phường Đông Kinh', 'Xã Mai Pha', 'Công an thành phố', 'Hội Nông dân thành phố', 'Phòng Giáo dục và Đào tạo', 'Trung tâm Y tế thành phố', 'Trường THPT Việt Bắc']));
    expect(units.find((u) => u.name === 'Công an thành phố')).toMatchObject({ kind: 'armed', aliases: ['CATP'] });

    // The same table again: every name is now known (aliases), nothing new is created.
    const again = json<{ createdUnits: unknown[]; unknown: unknown[] }>(cli('quotas', 'import', '--campaign', String(campaignId), file, '--db', db, '--json'));
    expect(again).toMatchObject({ createdUnits: [], unknown: [] });
  });

  it('puts each of the 24 lists under its own unit with --unit auto, and progress counts them per unit and per month', () => {
    const files = fs.readdirSync(LISTS).filter((f) => !f.endsWith('.json')).sort();
    expect(files).toHaveLength(24);
    const r = cli('import', '--db', db, '--campaign', String(campaignId), '--unit', 'auto', '--json', ...files.map((f) => path.join(LISTS, f)));
    expect(r.code, r.err).toBe(0);
    const outcomes = (JSON.parse(r.out.slice(r.out.lastIndexOf('\n{"campaignId"') + 1)) as { outcomes: { file: string; ok: boolean; unitId: number | null; message: string }[] }).outcomes;
    const wrong = outcomes.filter((o) => o.unitId !== unitOfOrg.get(truthLists.files.find((f) => f.file === o.file)!.org)).map((o) => `${o.file}: ${o.message}`);
    expect(wrong).toEqual([]);
    expect(json<unknown[]>(cli('units', 'list', '--db', db, '--json'))).toHaveLength(17);

    const p = json<{ months: number[]; units: { unitId: number; unitName: string; quotaRegistrants: number; quotaBloodUnits: number; registered: number; afterDuplicates: number; donated: number; deferred: number; months: { month: number; quotaRegistrants: number | null }[] }[]; monthTotals: { quotaRegistrants: number }[]; deadlineText: string }>(
      cli('progress', '--campaign', String(campaignId), '--db', db, '--json'),
    );
    expect(p.months).toEqual([5, 6, 7, 8]);
    expect(p.deadlineText).toMatch(/^(Quá hạn \d+ ngày|Còn \d+ ngày|Hôm nay là hạn cuối)$/);
    expect(p.monthTotals.map((m) => m.quotaRegistrants)).toEqual([370, 365, 320, 320].map((_, i) => truthQuotas.units.reduce((a, u) => a + u.registrants_by_month[i], 0)));
    for (const t of truthQuotas.units) {
      const row = p.units.find((u) => u.unitId === unitOfOrg.get(t.org))!;
      const rows = truthLists.files.filter((f) => f.org === t.org).reduce((a, f) => a + f.rows.length, 0);
      expect({ org: t.org, quotaRegistrants: row.quotaRegistrants, quotaBloodUnits: row.quotaBloodUnits, months: row.months.map((m) => m.quotaRegistrants ?? 0), registered: row.registered }).toEqual({
        org: t.org, quotaRegistrants: t.registrants, quotaBloodUnits: t.blood_units, months: t.registrants_by_month, registered: rows,
      });
      for (const k of ['afterDuplicates', 'donated', 'deferred'] as const) expect(typeof row[k]).toBe('number');
    }
    expect(p.units.some((u) => u.unitId === null)).toBe(false);
  });
});
