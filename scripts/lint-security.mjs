// npm run lint:security — @doyensec/electronegativity over electron/, offline checks only, and no
// finding that has not been reviewed in docs/electronegativity-reviewed.json (each with its reason).
// The online check (AvailableSecurityFixesGlobalCheck) is excluded and the network is cut
// (scripts/offline-hook.cjs), so the run is the same on an offline build machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// SARIF is written in one call; its CSV writer races a header write against the rows.
const out = path.join(root, '.tmp', 'electronegativity.sarif');
fs.mkdirSync(path.dirname(out), { recursive: true });
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cli = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
if (!fs.existsSync(cli)) {
  console.error('Chưa cài @doyensec/electronegativity: npm install --no-audit --no-fund -D @doyensec/electronegativity');
  process.exit(1);
}
fs.rmSync(out, { force: true });
const r = spawnSync(process.execPath, ['-r', path.join(root, 'scripts/offline-hook.cjs'), cli, '-i', 'electron', '-r', '-v', 'false',
  '-x', 'AvailableSecurityFixesGlobalCheck', '-e', electronVersion, '-o', out], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } });
if (!fs.existsSync(out)) {
  console.error(r.stdout, r.stderr);
  console.error('electronegativity không chạy được.');
  process.exit(1);
}

const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
const findings = sarif.runs[0].results.map((x) => {
  const loc = x.locations?.[0]?.physicalLocation;
  const uri = loc?.artifactLocation?.uri ?? 'N/A';
  return {
    issue: x.ruleId,
    file: uri === 'file:///' ? 'N/A' : path.basename(uri),
    location: `${loc?.region?.startLine ?? 0}:${(loc?.region?.startColumn ?? 1) - 1}`,
    severity: x.level,
  };
});
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'docs/electronegativity-reviewed.json'), 'utf8'));
const isReviewed = (f) => reviewed.some((x) => x.issue === f.issue && (x.file === '*' || x.file === f.file) && x.reason && x.reason.length > 20);
const open = findings.filter((f) => !isReviewed(f));
for (const f of findings) console.log(`${isReviewed(f) ? 'reviewed  ' : 'UNREVIEWED'} ${f.issue} ${f.severity} ${f.file}:${f.location}`);
console.log(`\nelectronegativity ${electronVersion === '' ? '' : `(Electron ${electronVersion})`}: ${findings.length} findings, ${findings.length - open.length} reviewed, ${open.length} unreviewed`);
process.exit(open.length ? 1 : 0);
