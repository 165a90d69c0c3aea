// Donation day at scale: check-in search latency and the progress table over a campaign of 100,000
// registrations (40 units, 2% merged duplicates, 60% donated), each beside a plain SQL baseline
// measured in the same run. DAY_BENCH_N overrides the number of registrations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../electron/services/create-context';
import { searchCheckin } from '../electron/services/donation-day/search';
import { getProgress } from '../electron/services/progress/progress';
import { searchDonors } from '../electron/services/donors/search-donors';
import { foldVietnamese } from '../shared/domain/text';
import { insertPerson } from '../electron/services/people/write-person';
import { linkMerged } from '../electron/services/people/merge-links';
import { q, statement } from '../electron/db/query';
import { row, timeIt, type BenchRow } from './types';

const FAMILY = ['Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Lý', 'Nông', 'Hà', 'Triệu', 'Lương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Hồng', 'Thu', 'Quang', 'Xuân', 'Kim'];
const GIVEN = ['An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hoa', 'Hòa', 'Hùng', 'Hương', 'Lan', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Phương', 'Sơn', 'Thảo', 'Thu', 'Trang', 'Tuấn', 'Vân', 'Yến'];

let seed = 424242;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

const insR = statement<{ pid: number; campaignId: number; unitId: number; file: string; rowNo: number; day: string }>((p) =>
  q.insertInto('registrations').values({ person_id: p.pid, campaign_id: p.campaignId, unit_id: p.unitId, source_file: p.file, source_sheet: 'DS', source_row: p.rowNo, credited: 1, created_at: p.day }),
);
const insD = statement<{ pid: number; campaignId: number; rid: number; outcome: 'donated' | 'deferred'; at: string }>((p) =>
  q.insertInto('donations').values({ person_id: p.pid, campaign_id: p.campaignId, registration_id: p.rid, donated_on: '2026-06-17', outcome: p.outcome, volume_ml: 350, created_at: p.at }),
);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function run(): Promise<BenchRow[]> {
  const N = Number(process.env.DAY_BENCH_N ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-day-bench-'));
  const ctx = createAppContext(path.join(dir, 'bench.sqlite'));
  try {
    const db = ctx.conn.sqlite;
    db.pragma('synchronous = OFF');
    const at = '2026-05-01T00:00:00.000Z';
    const units: number[] = [];
    const sample: { name: string; phone: string; id: string }[] = [];
    // People are added by the people module (its search key), the 2% duplicates linked by it too.
    const campaignId = ctx.data.write((w) => {
      const campaignId = w.run(q.insertInto('campaigns').values({ name: 'Bench', donation_dates: '["2026-06-17"]', created_at: at, updated_at: at })).lastInsertRowid;
      for (let u = 0; u < 40; u++) {
        units.push(w.run(q.insertInto('units').values({ name: `Đơn vị ${u + 1}`, kind: 'agency', created_at: at, updated_at: at })).lastInsertRowid);
        w.run(q.insertInto('quotas').values({ campaign_id: campaignId, unit_id: units[u], month: 0, registrants: Math.round(N / 40), blood_units: Math.round(N / 80) }));
      }
      let prev = 0;
      for (let i = 0; i < N; i++) {
        const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
        const phone = `09${digits(8)}`;
        const id = `0${digits(11)}`;
        const pid = insertPerson(w, { full_name: name, birth_date: String(1970 + Math.floor(rnd() * 35)), national_id: id, phone }, at);
        const day = `2026-05-${String(1 + (i % 28)).padStart(2, '0')}T03:00:00.000Z`;
        const rid = w.run(insR, { pid, campaignId, unitId: units[i % 40], file: `ds-${i % 40}.xlsx`, rowNo: 5 + Math.floor(i / 40), day }).lastInsertRowid;
        if (rnd() < 0.6) w.run(insD, { pid, campaignId, rid, outcome: rnd() < 0.9 ? 'donated' : 'deferred', at });
        if (i % 50 === 49 && prev) linkMerged(w, pid, prev, at);
        prev = pid;
        if (i % 997 === 0) sample.push({ name, phone, id });
      }
      return campaignId;
    });
    db.pragma('synchronous = FULL');

    const queries: string[] = [];
    for (const s of sample) {
      const w = foldVietnamese(s.name).split(' ');
      queries.push(`${w[0].slice(0, 2)} ${w[2].slice(0, 3)}`, w[2], s.phone.slice(-6), s.id.slice(-6), s.name);
    }
    if (process.env.DAY_BENCH_KEEP) console.error(`seeded in ${Math.round(performance.now())} ms since start`);
    const cold = await timeIt(() => searchCheckin(ctx, { campaignId, q: 'nguyen van an' }));
    const times: number[] = [];
    for (const q of queries) times.push((await timeIt(() => searchCheckin(ctx, { campaignId, q }))).ms);
    const like = db.prepare(
      `SELECT r.id, p.full_name FROM registrations r JOIN people p ON p.id = r.person_id
       WHERE r.campaign_id = ? AND (p.search_key LIKE ? OR p.phone LIKE ? OR p.national_id LIKE ?) LIMIT 20`,
    );
    const base: number[] = [];
    for (const q of queries) {
      const pat = `%${/^\d+$/.test(q) ? q : foldVietnamese(q)}%`;
      base.push((await timeIt(() => like.all(campaignId, pat, pat, pat))).ms);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    const progCold = await timeIt(() => getProgress(ctx, { campaignId }));
    const progWarm: number[] = [];
    for (let i = 0; i < 5; i++) progWarm.push((await timeIt(() => getProgress(ctx, { campaignId }))).ms);
    // Baseline: the naive GROUP BY a first version would use (no merge chains, no rollup, no credited rule).
    const regs = db.prepare('SELECT unit_id, COUNT(*) AS registered, COUNT(DISTINCT person_id) AS people FROM registrations WHERE campaign_id = ? GROUP BY unit_id');
    const dons = db.prepare(
      `SELECT r.unit_id, SUM(d.outcome = 'donated') AS donated, SUM(d.outcome = 'deferred') AS deferred
       FROM donations d JOIN registrations r ON r.id = d.registration_id WHERE d.campaign_id = ? GROUP BY r.unit_id`,
    );
    const groupTimes: number[] = [];
    for (let i = 0; i < 5; i++) groupTimes.push((await timeIt(() => [regs.all(campaignId), dons.all(campaignId)])).ms);
    // The donor registry (same 100,000 people): one page of a name search, beside SQL LIKE + ORDER BY + LIMIT.
    const regCold = await timeIt(() => searchDonors(ctx, { q: 'tran van', limit: 200 }));
    const regTimes: number[] = [];
    const regBase: number[] = [];
    const page = db.prepare('SELECT id, full_name FROM people WHERE merged_into IS NULL AND deleted_at IS NULL AND search_key LIKE ? ORDER BY search_key LIMIT 200 OFFSET ?');
    for (const q of ['tran van', 'nguyen thi lan', 'hoa', 'le minh', 'pham']) {
      regTimes.push((await timeIt(() => searchDonors(ctx, { q, offset: 200, limit: 200 }))).ms);
      regBase.push((await timeIt(() => page.all(`%${q}%`, 200))).ms);
    }
    const r3 = (n: number) => Math.round(n * 1000) / 1000;
    const p95 = percentile(times, 95);
    return [
      row({ name: `check-in search p95, ${N.toLocaleString('en')} registrations (${queries.length} queries)`, value: r3(p95), unit: 'ms', baseline: r3(percentile(base, 95)), target: '< 100 ms', met: p95 < 100 }),
      row({ name: 'check-in search mean', value: r3(mean(times)), unit: 'ms', baseline: r3(mean(base)), target: '< 100 ms', met: mean(times) < 100 }),
      row({ name: 'check-in first search (builds the index)', value: r3(cold.ms), unit: 'ms', baseline: null, target: '< 2000 ms', met: cold.ms < 2000 }),
      row({ name: `progress table, ${N.toLocaleString('en')} registrations (median of 5)`, value: r3(percentile(progWarm, 50)), unit: 'ms', baseline: r3(percentile(groupTimes, 50)), target: '< 1000 ms', met: percentile(progWarm, 50) < 1000 }),
      row({ name: 'progress table, first call', value: r3(progCold.ms), unit: 'ms', baseline: null, target: '< 2000 ms', met: progCold.ms < 2000 }),
      row({ name: `donor registry page of a name search, ${N.toLocaleString('en')} people (median of 5)`, value: r3(percentile(regTimes, 50)), unit: 'ms', baseline: r3(percentile(regBase, 50)), target: '< 200 ms', met: percentile(regTimes, 50) < 200 }),
      row({ name: 'donor registry first search (builds the index)', value: r3(regCold.ms), unit: 'ms', baseline: null, target: '< 3000 ms', met: regCold.ms < 3000 }),
    ];
  } finally {
    await ctx.conn.close();
    if (process.env.DAY_BENCH_KEEP) console.error(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
