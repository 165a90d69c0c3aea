/**
 * Kill-at-random-moments harness shared by test/safety/crash.test.ts (≥ 200 kills) and
 * scripts/soak-crash.mjs (as many as you like). Each round starts a NEW child, kills it with
 * SIGKILL, then checks the database file as the next start of the app would find it.
 */
import { createData } from '../../electron/db/data';
import Database from '../../electron/db/sqlite-driver';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { verifyAuditChain } from '../../electron/services/audit/audit-log';
import { backupsDir, listBackupFiles } from '../../electron/services/backup/backup-store';
import { checkDatabaseFile } from '../../electron/services/backup/sqlite-file';

export const ROOT = path.resolve(__dirname, '../..');

export interface Children {
  /** Emulated import batches (multi-table inTransaction writes) and real merges: ~150 ms to start. */
  light: string;
  /** The real importer on generated CSV lists, and real merges: heavier to start (exceljs, SheetJS). */
  importer: string;
}

/** Bundles one crash child into one file (only the native SQLite driver is loaded from node_modules). */
export async function buildChild(outDir: string, entry: string, name: string): Promise<string> {
  const outfile = path.join(outDir, name);
  await build({
    entryPoints: [path.join(ROOT, entry)], outfile, bundle: true, platform: 'node', target: 'node22',
    format: 'cjs', external: ['better-sqlite3-multiple-ciphers'], minify: true, logLevel: 'error', define: { __APP_VERSION__: '"test"' },
  });
  return outfile;
}

/** Bundles each child into one file. */
export async function buildChildren(outDir: string): Promise<Children> {
  return { light: await buildChild(outDir, 'test/safety/crash-child.ts', 'crash-child.cjs'), importer: await buildChild(outDir, 'test/safety/crash-child-import.ts', 'crash-child-import.cjs') };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Lường', 'Nông'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Thu', 'Minh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Hồng', 'Vân', 'Dũng', 'Hà', 'Lan', 'Tuấn', 'Thảo', 'Quỳnh'];

/** Registration lists as units send them (CSV export of the usual columns); the row count is in the name. */
export function generateLists(dir: string, count: number, rand: () => number, opts: { prefix?: string; rows?: () => number } = {}): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let f = 0; f < count; f++) {
    const rows = opts.rows ? opts.rows() : 3 + Math.floor(rand() * 30);
    const lines = ['STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số điện thoại,Địa chỉ'];
    for (let i = 0; i < rows; i++) {
      const female = rand() < 0.5;
      const name = `${FAMILY[Math.floor(rand() * 10)]} ${female ? 'Thị' : MIDDLE[Math.floor(rand() * 6)]} ${GIVEN[Math.floor(rand() * 10)]}`;
      const year = 1970 + Math.floor(rand() * 35);
      const id = `0${String(10 + Math.floor(rand() * 80))}${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
      lines.push(`${i + 1},${name},${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${year},${female ? 'Nữ' : 'Nam'},${id},09${String(Math.floor(rand() * 1e8)).padStart(8, '0')},"Khối ${f}, phường Vĩnh Trại"`);
    }
    fs.writeFileSync(path.join(dir, `${opts.prefix ?? 'ds'}-${String(f).padStart(4, '0')}-r${rows}.csv`), lines.join('\r\n'), 'utf8');
  }
}

const expectedRows = (file: string) => Number(/-r(\d+)\.csv$/.exec(file)?.[1] ?? NaN);

export interface Acks {
  imports: Map<string, { rows: number; donations: number }>;
  real: Map<string, { imported: number; batchId: number }>;
  merges: Map<number, { survivor: number; merged: number }>;
}

export interface RoundResult {
  acks: number;
  ready: boolean;
  childError: string | null;
}

/**
 * Runs one child and kills it: `afterReadyMs` after it is ready (or after the first line equal to
 * `trigger`, e.g. the child's announcement that a commit starts), or (when null) `rawMs` after spawn.
 * `onLine` sees every line the child prints (the heavy rounds track their own acknowledgements).
 */
export function killRound(childFile: string, args: string[], timing: { afterReadyMs: number | null; rawMs: number; trigger?: string }, acks: Acks, onLine?: (line: string) => void): Promise<RoundResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [childFile, ...args], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_COMPILE_CACHE: path.join(path.dirname(childFile), 'compile-cache'), GIOT_HONG_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    let ready = false;
    let count = 0;
    let childError: string | null = null;
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    if (timing.afterReadyMs === null) timer = setTimeout(kill, timing.rawMs);
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        const w = line.split(' ');
        onLine?.(line);
        const trigger = timing.trigger ?? 'READY';
        if ((line === trigger || line.startsWith(`${trigger} `)) && timing.afterReadyMs !== null && !timer) timer = setTimeout(kill, timing.afterReadyMs);
        if (line === 'READY') {
          ready = true;
        } else if (w[0] === 'ACK' && w[1] === 'import') {
          acks.imports.set(w[2], { rows: Number(w[3]), donations: Number(w[4]) });
          count++;
        } else if (w[0] === 'ACK' && w[1] === 'real') {
          acks.real.set(w[2], { imported: Number(w[3]), batchId: Number(w[4]) });
          count++;
        } else if (w[0] === 'ACK' && w[1] === 'merge') {
          acks.merges.set(Number(w[4]), { survivor: Number(w[2]), merged: Number(w[3]) });
          count++;
        } else if (w[0] === 'ERROR') childError = line;
      }
    });
    child.stderr.on('data', () => {});
    // A child that never gets ready (should not happen) is killed after 20 s so the test ends.
    const guard = setTimeout(kill, timing.trigger ? 40_000 : 20_000);
    child.on('close', () => {
      if (timer) clearTimeout(timer);
      clearTimeout(guard);
      resolve({ acks: count, ready, childError });
    });
  });
}

/** What the next start of the app must find: an intact file, whole batches, every acknowledged commit. */
export function verifyAfterKill(dbPath: string, acks: Acks, checkedBackups = new Set<string>()): string[] {
  const problems: string[] = [];
  if (!fs.existsSync(dbPath)) {
    if (acks.imports.size + acks.merges.size > 0) problems.push('database file missing after acknowledged commits');
    return problems;
  }
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const hasSchema = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'import_batches'").get() as { n: number };
    if (hasSchema.n === 0) {
      if (acks.imports.size + acks.merges.size > 0) problems.push('schema missing after acknowledged commits');
      return problems;
    }
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
    const all = db.prepare('SELECT id, file_name, file_hash AS tag, row_count, mapping, status FROM import_batches').all() as { id: number; file_name: string; tag: string; row_count: number; mapping: string; status: string }[];
    const batches = all.filter((b) => !b.file_name.endsWith('.csv'));
    const real = all.filter((b) => b.file_name.endsWith('.csv'));
    const regsOf = db.prepare('SELECT count(*) AS n FROM registrations WHERE batch_id = ?');
    const peopleOf = db.prepare('SELECT count(*) AS n FROM people WHERE note = ?');
    const donsOf = db.prepare('SELECT count(*) AS n FROM donations WHERE source_file = ?');
    const seen = new Map<string, { rows: number; donations: number }>();
    for (const b of batches) {
      const donations = (JSON.parse(b.mapping) as { donations?: number }).donations;
      const regs = (regsOf.get(b.id) as { n: number }).n;
      const people = (peopleOf.get(b.tag) as { n: number }).n;
      const dons = (donsOf.get(b.tag) as { n: number }).n;
      if (donations === undefined || regs !== b.row_count || people !== b.row_count || dons !== donations) {
        problems.push(`batch ${b.tag} is not whole: rows ${b.row_count}, registrations ${regs}, people ${people}, donations ${dons}/${String(donations)}`);
      }
      seen.set(b.tag, { rows: b.row_count, donations: donations ?? -1 });
    }
    for (const [tag, a] of acks.imports) {
      const s = seen.get(tag);
      if (!s) problems.push(`acknowledged batch ${tag} is missing`);
      else if (s.rows !== a.rows || s.donations !== a.donations) problems.push(`acknowledged batch ${tag} differs`);
    }
    const auditImports = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'crash.import'").get() as { n: number }).n;
    if (auditImports !== batches.length) problems.push(`audit has ${auditImports} import entries for ${batches.length} batches`);
    // Real importer batches: every row of the file, registrations and people, or nothing.
    const realSeen = new Map<string, { id: number; rows: number }>();
    for (const b of real) {
      const regs = (regsOf.get(b.id) as { n: number }).n;
      const people = (db.prepare('SELECT count(DISTINCT r.id) AS n FROM registrations r JOIN people p ON p.id = r.person_id WHERE r.batch_id = ?').get(b.id) as { n: number }).n;
      if (b.status !== 'committed' || b.row_count !== expectedRows(b.file_name) || regs !== b.row_count || people !== regs) {
        problems.push(`imported file ${b.file_name} is not whole: status ${b.status}, rows ${b.row_count}/${expectedRows(b.file_name)}, registrations ${regs}`);
      }
      if (realSeen.has(b.file_name)) problems.push(`file ${b.file_name} imported twice`);
      realSeen.set(b.file_name, { id: b.id, rows: b.row_count });
    }
    for (const [file, a] of acks.real) {
      const s = realSeen.get(file);
      if (!s) problems.push(`acknowledged import of ${file} is missing`);
      else if (s.id !== a.batchId || s.rows !== a.imported) problems.push(`acknowledged import of ${file} differs`);
    }
    const auditReal = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import.commit'").get() as { n: number }).n;
    if (auditReal !== real.length) problems.push(`audit has ${auditReal} import.commit entries for ${real.length} imported files`);
    const merges = db.prepare('SELECT m.id, m.survivor_id, m.merged_id, p.merged_into FROM person_merges m JOIN people p ON p.id = m.merged_id').all() as { id: number; survivor_id: number; merged_id: number; merged_into: number | null }[];
    const leftOnMerged = db.prepare('SELECT (SELECT count(*) FROM registrations WHERE person_id = ?) + (SELECT count(*) FROM donations WHERE person_id = ?) AS n');
    const mergeIds = new Set<number>();
    for (const m of merges) {
      mergeIds.add(m.id);
      if (m.merged_into !== m.survivor_id) problems.push(`merge ${m.id} half done: merged_into ${String(m.merged_into)}`);
      if ((leftOnMerged.get(m.merged_id, m.merged_id) as { n: number }).n !== 0) problems.push(`merge ${m.id} left records on the merged person`);
    }
    const mergedWithoutRow = (db.prepare('SELECT count(*) AS n FROM people p WHERE merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_merges m WHERE m.merged_id = p.id)').get() as { n: number }).n;
    if (mergedWithoutRow) problems.push(`${mergedWithoutRow} people marked merged without a merge record`);
    for (const [id, a] of acks.merges) {
      const m = merges.find((x) => x.id === id);
      if (!m || m.survivor_id !== a.survivor || m.merged_id !== a.merged) problems.push(`acknowledged merge ${id} is missing or differs`);
    }
    const auditMerges = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'duplicates.merge'").get() as { n: number }).n;
    if (auditMerges !== merges.length) problems.push(`audit has ${auditMerges} merge entries for ${merges.length} merges`);
    const chain = verifyAuditChain(createData(db).read);
    if (!chain.ok) problems.push(`audit chain broken at ${String(chain.brokenAt)}`);
  } finally {
    db.close();
  }
  // A finished backup never changes, so each is checked once.
  for (const b of listBackupFiles(backupsDir(dbPath))) {
    if (checkedBackups.has(b.name)) continue;
    if (!checkDatabaseFile(b.file, 'quick').ok) problems.push(`backup ${b.name} is damaged`);
    checkedBackups.add(b.name);
  }
  return problems;
}

export interface CrashSummary {
  rounds: number;
  importerRounds: number;
  realImportsAcked: number;
  killedBeforeReady: number;
  acknowledged: number;
  importsAcked: number;
  mergesAcked: number;
  problems: string[];
  ms: number;
}

/** Runs `rounds` kill rounds on one database; stops at the first round with problems. */
export async function runCrashRounds(opts: { dir: string; rounds: number; seed: number; log?: (s: string) => void }): Promise<CrashSummary> {
  const children = await buildChildren(opts.dir);
  const dbPath = path.join(opts.dir, 'crash.sqlite');
  const acks: Acks = { imports: new Map(), real: new Map(), merges: new Map() };
  const checkedBackups = new Set<string>();
  let s = opts.seed >>> 0 || 7;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const listsDir = path.join(opts.dir, 'lists');
  generateLists(listsDir, Math.max(40, Math.ceil(opts.rounds * 0.25 * 4)), rand);
  const t0 = Date.now();
  const sum: CrashSummary = { rounds: 0, importerRounds: 0, realImportsAcked: 0, killedBeforeReady: 0, acknowledged: 0, importsAcked: 0, mergesAcked: 0, problems: [], ms: 0 };
  for (let r = 0; r < opts.rounds; r++) {
    // A quarter of the rounds run the real importer; the rest the lighter batch writer.
    const importer = rand() < 0.25;
    // Mostly kill while batches are being written; sometimes during start-up (open, migration).
    const timing = rand() < 0.12 ? { afterReadyMs: null, rawMs: Math.floor(rand() * (importer ? 500 : 250)) } : { afterReadyMs: Math.floor(rand() * (importer ? 300 : 90)), rawMs: 0 };
    const seed = String(Math.floor(rand() * 2 ** 31));
    if (importer) sum.importerRounds++;
    const res = await killRound(importer ? children.importer : children.light, importer ? [dbPath, seed, listsDir] : [dbPath, seed], timing, acks);
    sum.rounds++;
    sum.acknowledged += res.acks;
    if (!res.ready) sum.killedBeforeReady++;
    const problems = verifyAfterKill(dbPath, acks, checkedBackups);
    if (res.childError) problems.push(`child failed: ${res.childError}`);
    if (problems.length) {
      sum.problems = problems.map((p) => `round ${r}: ${p}`);
      break;
    }
    opts.log?.(`round ${r}: ${res.acks} commits acknowledged, ok`);
  }
  sum.importsAcked = acks.imports.size;
  sum.realImportsAcked = acks.real.size;
  sum.mergesAcked = acks.merges.size;
  sum.ms = Date.now() - t0;
  return sum;
}
