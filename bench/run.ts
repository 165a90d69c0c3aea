// npm run bench [-- NAME…]: runs every bench/<name>.ts (each exports run(): Promise<BenchRow[]>),
// prints a table and writes bench/results.json.
import fs from 'node:fs';
import path from 'node:path';
import type { BenchRow } from './types';

async function main() {
  const dir = __dirname;
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts'].includes(f) && !f.startsWith('_'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  const rows: BenchRow[] = [];
  for (const f of files) {
    console.error(`… ${f}`);
    const mod = (await import(path.join(dir, f))) as { run?: () => Promise<BenchRow[]> };
    if (typeof mod.run !== 'function') continue;
    try {
      rows.push(...(await mod.run()));
    } catch (e) {
      console.error(`${f} failed:`, e instanceof Error ? e.message : e);
      rows.push({ name: `${f}: failed`, value: NaN, unit: '', baseline: null, ratio: null, target: 'runs', met: false });
    }
  }
  const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(3));
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
  const table = rows.map((r) => [r.name, fmt(r.value), r.unit, fmt(r.baseline), fmt(r.ratio), r.target, r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const t of table) console.log(line(t));
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(rows, null, 2) + '\n');
  console.log(`\n${rows.filter((r) => r.met).length}/${rows.length} targets met; bench/results.json written.`);
}

void main();
