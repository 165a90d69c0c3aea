// npm run screenshots: runs the Chromium end-to-end tests (which write every screenshot to the
// ignored .tmp/screenshots/) and copies the few the README shows into docs/screenshots/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const from = path.join(root, '.tmp', 'screenshots');
const to = path.join(root, 'docs', 'screenshots');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const wanted = [...readme.matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)].map((m) => m[1]);

const run = spawnSync('npm', ['run', '--silent', 'test:e2e'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.mkdirSync(to, { recursive: true });
const missing = [];
for (const name of new Set(wanted)) {
  const src = path.join(from, name);
  if (fs.existsSync(src)) fs.copyFileSync(src, path.join(to, name));
  else missing.push(name);
}
console.log(`${wanted.length - missing.length} ảnh chụp màn hình đã cập nhật trong docs/screenshots/.`);
if (missing.length) {
  console.error(`Không thấy: ${missing.join(', ')} — kiểm tra tên ảnh trong README và trong test/e2e.`);
  process.exit(1);
}
