// shared/ is pure TypeScript for both sides: it may not import platform-bound modules.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'shared');
const banned = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](electron|better-sqlite3(?:-multiple-ciphers)?|exceljs|pdfmake(?:\/[^'"]*)?|node:[^'"]+|fs|path|os|crypto|child_process|worker_threads)['"]/g;
const bad = [];
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(e.name)) {
      const text = fs.readFileSync(p, 'utf8');
      for (const m of text.matchAll(banned)) bad.push(`${path.relative(path.dirname(root), p)}: ${m[1]}`);
    }
  }
}
walk(root);
if (bad.length) {
  console.error('shared/ must stay platform-free, but imports:\n' + bad.map((b) => '  ' + b).join('\n'));
  process.exit(1);
}
console.log('shared/: no platform imports');
