// Longer crash-safety soak than `npm test`: node scripts/soak-crash.mjs [ROUNDS=2000] [SEED]
// Each round starts a new writer child, kills it with SIGKILL at a random moment and checks the
// database (integrity_check, whole batches, every acknowledged commit, audit chain, backups).
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-soak-'));
// Inside the project so the bundle resolves the SQLite driver (better-sqlite3-multiple-ciphers) from its node_modules.
fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const harness = path.join(fs.mkdtempSync(path.join(root, '.tmp', 'soak-')), 'harness.mjs');
await build({
  entryPoints: [path.join(root, 'test/safety/crash-harness.ts')], outfile: harness, bundle: true, platform: 'node', target: 'node22',
  format: 'esm', packages: 'external', logLevel: 'error', define: { __dirname: JSON.stringify(path.join(root, 'test/safety')) },
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { runCrashRounds } = await import(pathToFileURL(harness).href);
const every = Math.max(1, Math.floor(rounds / 20));
const sum = await runCrashRounds({ dir, rounds, seed, log: (s) => { const r = Number(/round (\d+)/.exec(s)?.[1]); if (r % every === 0) console.log(s); } });
console.log(JSON.stringify({ ...sum, seed, dir }, null, 2));
fs.rmSync(path.dirname(harness), { recursive: true, force: true });
if (sum.problems.length === 0) fs.rmSync(dir, { recursive: true, force: true });
process.exit(sum.problems.length ? 1 : 0);
