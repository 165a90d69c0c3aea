// npm run lint:security — @doyensec/electronegativity over electron/, offline checks only, and no
// finding that has not been reviewed in docs/electronegativity-reviewed.json (each with its reason).
// The online check (AvailableSecurityFixesGlobalCheck) is excluded and the network is cut
// (scripts/offline-hook.cjs), so the run is the same on an offline build machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.tmp', 'electronegativity.csv');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cli = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
if (!fs.existsSync(cli)) {
  console.error('Chưa cài @doyensec/electronegativity: npm install --no-audit --no-fund -D @doyensec/electronegativity');
  process.exit(1);
}
/** electronegativity writes its CSV with several async writes; under heavy load a run can leave it torn. */
function runScan() {
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/offline-hook.cjs'), cli, '-i', 'electron', '-r', '-v', 'false',
    '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-o', out], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } });
  if (!fs.existsSync(out)) {
    console.error(r.stdout, r.stderr);
    console.error('electronegativity không chạy được.');
    process.exit(1);
  }
}

/** Minimal CSV reader for electronegativity's output (quoted fields, commas inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(cell.trim()); cell = ''; }
    else if (c === '\n') { row.push(cell.trim()); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell.trim()); rows.push(row); }
  return rows;
}

let header = [];
let rows = [];
for (let attempt = 1; ; attempt++) {
  runScan();
  [header = [], ...rows] = parseCsv(fs.readFileSync(out, 'utf8')).filter((r) => r.length > 3);
  const whole = header[0] === 'issue' && rows.every((r) => r.length === header.length);
  if (whole) break;
  if (attempt === 3) {
    console.error('Kết quả của electronegativity bị hỏng sau 3 lần chạy.');
    process.exit(1);
  }
}
const col = (name) => header.findIndex((h) => h.trim() === name);
const findings = rows.map((r) => ({ issue: r[col('issue')], file: r[col('filename')], location: r[col('location')], severity: r[col('severity')] }));
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'docs/electronegativity-reviewed.json'), 'utf8'));
const isReviewed = (f) => reviewed.some((x) => x.issue === f.issue && (x.file === '*' || x.file === f.file) && x.reason && x.reason.length > 20);
const open = findings.filter((f) => !isReviewed(f));
for (const f of findings) console.log(`${isReviewed(f) ? 'reviewed  ' : 'UNREVIEWED'} ${f.issue} ${f.severity} ${f.file}:${f.location}`);
console.log(`\nelectronegativity ${electronVersion === '' ? '' : `(Electron ${electronVersion})`}: ${findings.length} findings, ${findings.length - open.length} reviewed, ${open.length} unreviewed`);
process.exit(open.length ? 1 : 0);
