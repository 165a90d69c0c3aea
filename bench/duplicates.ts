// Duplicates: a new 1,000-row list against a registry of 1,000,000 people, and a full re-match of a
// 1,000,000-registration campaign, beside a plain exact-CCCD SQL join over the same data.
// DUP_BENCH_N overrides the registry size (default 1,000,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext } from '../electron/services/create-context';
import { matchCampaign, matchNewPeople } from '../electron/services/duplicates/find-candidates';
import { foldVietnamese } from '../shared/domain/text';
import type { JobControl } from '../electron/services/jobs/job-runner';
import { insertPerson } from '../electron/services/people/write-person';
import type { Writer } from '../electron/db/data';
import { q, statement } from '../electron/db/query';
import { peakMemory, row, timeIt, type BenchRow } from './types';

const FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Nông', 'Lăng', 'Vi', 'Lương', 'Hà', 'Triệu', 'Mã', 'Chu', 'Lành', 'Lục', 'Hứa'];
const MIDDLE_M = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Hồng', 'Duy', 'Mạnh', 'Tiến', 'Công', 'Trung', 'Ngọc'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Kim', 'Hồng', 'Bích', 'Minh', 'Hải', 'Thùy', 'Diệu', 'Phương', 'Mai'];
const GIVEN_M = ['An', 'Anh', 'Bình', 'Cường', 'Chiến', 'Dũng', 'Đức', 'Giang', 'Hải', 'Hiệp', 'Hoàng', 'Học', 'Hùng', 'Huy', 'Hưởng', 'Khánh', 'Khoa', 'Kiên', 'Long', 'Lợi', 'Lực', 'Minh', 'Nam', 'Ngọc', 'Phúc', 'Quyết', 'Sơn', 'Tân', 'Thái', 'Thành', 'Thắng', 'Thịnh', 'Tiến', 'Trường', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hào'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Duyên', 'Gấm', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hậu', 'Hoa', 'Hòa', 'Hồng', 'Huệ', 'Huyền', 'Hương', 'Lan', 'Liên', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngọc', 'Nhàn', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Thảo', 'Thơ', 'Thu', 'Thúy', 'Trang', 'Trinh', 'Tuyết', 'Vân', 'Yến', 'Slao'];

let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
const pad = (n: number) => String(n).padStart(2, '0');

interface Person { name: string; gender: 'M' | 'F'; birth: string; id: string | null; phone: string | null }

function person(): Person {
  const gender = rnd() < 0.5 ? 'M' : 'F';
  const year = 1966 + Math.floor(rnd() * 43);
  const name = `${pick(FAMILY)} ${pick(gender === 'M' ? MIDDLE_M : MIDDLE_F)} ${pick(gender === 'M' ? GIVEN_M : GIVEN_F)}`;
  const birth = rnd() < 0.75 ? `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}` : String(year);
  const sexDigit = (year >= 2000 ? 2 : 0) + (gender === 'F' ? 1 : 0);
  const id = rnd() < 0.85 ? `0${pad(1 + Math.floor(rnd() * 95)).slice(-2)}${sexDigit}${String(year).slice(2)}${digits(6)}` : null;
  const phone = rnd() < 0.9 ? `0${pick(['3', '5', '7', '8', '9'])}${digits(8)}` : null;
  return { name, gender, birth, id, phone };
}

/** The same person written again by another unit: no diacritics, a bare year, an ID or phone missing. */
function variant(p: Person): Person {
  const v = { ...p };
  const r = rnd();
  if (r < 0.3) v.name = foldVietnamese(p.name).replace(/\b\w/g, (c) => c.toUpperCase());
  else if (r < 0.5) v.birth = p.birth.slice(0, 4);
  else if (r < 0.7) v.id = null;
  else if (r < 0.85) v.phone = null;
  return v;
}

const insR = statement<{ personId: number; campaignId: number; file: string; rowNo: number; at: string }>((p) =>
  q.insertInto('registrations').values({ person_id: p.personId, campaign_id: p.campaignId, source_file: p.file, source_sheet: 'DS', source_row: p.rowNo, created_at: p.at }),
);

const noYieldCtl = (): JobControl => ({ report() {}, checkCancelled() {}, signal: new AbortController().signal });

export async function run(): Promise<BenchRow[]> {
  const N = Number(process.env.DUP_BENCH_N ?? 1_000_000);
  const LIST = 1000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-dup-bench-'));
  const ctx = createAppContext(path.join(dir, 'bench.sqlite'));
  try {
    const db = ctx.conn.sqlite;
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144'); // 256 MB page cache while generating
    const at = '2026-05-01T00:00:00.000Z';
    const campaign = (name: string) => ctx.data.write((w) => w.run(q.insertInto('campaigns').values({ name, created_at: at, updated_at: at })).lastInsertRowid);
    const registry = campaign('Đợt cũ (sổ đăng ký)');
    const fresh = campaign('Đợt mới');
    // People are added by the people module (its search key), each with one registration.
    const add = (w: Writer, p: Person, campaignId: number, file: string, rowNo: number) => {
      const id = insertPerson(w, { full_name: p.name, gender: p.gender, birth_date: p.birth, national_id: p.id, phone: p.phone }, at);
      w.run(insR, { personId: id, campaignId, file, rowNo, at });
      return id;
    };
    const gen = await timeIt(() =>
      ctx.data.write((w) => {
        const recent: Person[] = [];
        for (let i = 0; i < N; i++) {
          const p = rnd() < 0.02 && recent.length ? variant(pick(recent)) : person();
          if (recent.length < 5000) recent.push(p);
          else recent[Math.floor(rnd() * 5000)] = p;
          add(w, p, registry, `list-${Math.floor(i / 500)}.xlsx`, (i % 500) + 2);
        }
      }),
    );
    const known = db.prepare('SELECT full_name, gender, birth_date, national_id, phone FROM people ORDER BY random() LIMIT 100').all() as { full_name: string; gender: 'M' | 'F'; birth_date: string; national_id: string | null; phone: string | null }[];
    const newIds = ctx.data.write((w) => {
      const ids: number[] = [];
      for (let i = 0; i < LIST; i++) {
        const k = known[i];
        const p = k && i < 100 ? variant({ name: k.full_name, gender: k.gender, birth: k.birth_date, id: k.national_id, phone: k.phone }) : person();
        ids.push(add(w, p, fresh, 'moi.xlsx', i + 2));
      }
      return ids;
    });
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -2000');
    console.error(`  generated ${N.toLocaleString('en')} people in ${(gen.ms / 1000).toFixed(1)} s`);

    // 1. a new 1,000-row list against the registry
    const list = await timeIt(() => matchNewPeople(ctx.data.read, newIds));
    const listJoin = await timeIt(() =>
      db.prepare(`SELECT n.id, p.id FROM people n JOIN people p ON p.national_id = n.national_id AND p.id <> n.id WHERE n.id >= ? AND n.national_id IS NOT NULL`).raw().all(newIds[0]),
    );
    // 2. full re-match of the 1,000,000-registration campaign
    const mem = peakMemory();
    const full = await timeIt(() => matchCampaign(ctx.data.read, registry, noYieldCtl()));
    const peakMb = mem.stop();
    const fullJoin = await timeIt(() =>
      db.prepare('SELECT a.id, b.id FROM people a JOIN people b ON b.national_id = a.national_id AND a.id < b.id WHERE a.national_id IS NOT NULL').raw().all(),
    );
    const nf = N.toLocaleString('en');
    return [
      row({ name: `duplicates: new ${LIST}-row list vs ${nf} registry (${list.value.length} pairs)`, value: list.ms / 1000, unit: 's', baseline: listJoin.ms / 1000, target: '< 1 s', met: list.ms < 1000 }),
      row({ name: `duplicates: full re-match of ${nf} registrations (${full.value.pairs.length} pairs)`, value: full.ms / 1000, unit: 's', baseline: fullJoin.ms / 1000, target: '< 60 s', met: full.ms < 60_000 }),
      row({ name: `duplicates: full re-match peak memory (process RSS)`, value: peakMb, unit: 'MB', baseline: null, target: '< 2048 MB', met: peakMb < 2048 }),
    ];
  } finally {
    await ctx.conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
