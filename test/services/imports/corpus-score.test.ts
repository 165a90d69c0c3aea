import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../helpers/context';

const ROOT = path.resolve(__dirname, '../../..');
const corpusFiles = fs.existsSync(CORPUS_DIR) ? fs.readdirSync(CORPUS_DIR).filter((f) => /\.(xlsx|xls|csv)$/i.test(f)) : [];

function cli(args: string[]): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'electron/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.skipIf(corpusFiles.length === 0)('the sample corpus through the real CLI and score.py', () => {
  it('finds ≥ 99.5% of rows, no extra row, ≥ 99.5% of fields right', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-corpus-'));
    try {
      const db = path.join(dir, 'corpus.sqlite');
      const answer = path.join(dir, 'answer.json');
      // Options after the files on purpose: both orders must work.
      cli(['import', ...corpusFiles.map((f) => path.join(CORPUS_DIR, f)), '--db', db, '--donation-date', '2026-05-28']);
      cli(['export-registrations', '--format', 'interchange', '--db', db, '--out', answer]);
      const exported = JSON.parse(fs.readFileSync(answer, 'utf8')) as { rows: unknown[]; duplicate_groups: unknown[] };
      expect(Array.isArray(exported.duplicate_groups)).toBe(true);
      const out = execFileSync('python3', [path.join(CORPUS_DIR, 'score.py'), answer, '--quiet'], { encoding: 'utf8' });
      const summary = out.split('\n').find((l) => l.startsWith('SUMMARY'));
      expect(summary, out).toBeDefined();
      const m = /rows (\d+)\/(\d+) found \(([\d.]+)%\), (\d+) missed, (\d+) extra .*\| fields ([\d.]+)%/.exec(summary!);
      expect(m, summary).not.toBeNull();
      const [, , , recall, , extra, fields] = m!;
      console.log(summary);
      expect(Number(recall)).toBeGreaterThanOrEqual(99.5);
      expect(Number(extra)).toBe(0);
      expect(Number(fields)).toBeGreaterThanOrEqual(99.5);
      // Importing the same files again is detected and skipped, never doubled.
      cli(['import', '--db', db, path.join(CORPUS_DIR, corpusFiles[0])]);
      cli(['export-registrations', '--format', 'interchange', '--db', db, '--out', answer]);
      expect((JSON.parse(fs.readFileSync(answer, 'utf8')) as { rows: unknown[] }).rows.length).toBe(exported.rows.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
