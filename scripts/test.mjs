// npm test: typecheck, lint, build, every vitest project (unit, db, services, ipc, e2e), then one closing line
// "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const report = path.join(root, '.tmp', 'vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });

function step(name, cmd, args) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

let extraFailed = 0;
if (!step('typecheck', 'npm', ['run', '--silent', 'typecheck'])) extraFailed++;
if (!step('lint (typescript-eslint, react hooks, no import cycles)', 'npm', ['run', '--silent', 'lint'])) extraFailed++;
if (!step('build', 'npm', ['run', '--silent', 'build'])) extraFailed++;
if (!step('electronegativity (offline checks, reviewed findings only)', 'npm', ['run', '--silent', 'lint:security'])) extraFailed++;
const passedArgs = process.argv.slice(2);
step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...passedArgs]);

let passed = 0;
let failed = extraFailed;
let skipped = 0;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else {
  failed++;
}
if (passed === 0) failed++;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
