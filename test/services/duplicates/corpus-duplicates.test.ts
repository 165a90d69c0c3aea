import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli';
import { CORPUS_DIR } from '../../helpers/context';

/**
 * End to end on the sample corpus: every file imported with the real CLI, the interchange export
 * (with duplicate_groups from the app's current view) scored by the corpus's own score.py.
 */
describe('duplicates on the imported corpus, scored by score.py', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-corpus-dup-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reaches ≥ 99% pairwise precision and recall with no hard-negative pair merged', async () => {
    const db = path.join(dir, 'corpus.sqlite');
    const answer = path.join(dir, 'answer.json');
    const metrics = path.join(dir, 'metrics.json');
    const files = fs.readdirSync(CORPUS_DIR).filter((f) => /\.(xlsx|xls|csv)$/i.test(f)).map((f) => path.join(CORPUS_DIR, f));
    expect(files.length).toBeGreaterThanOrEqual(17);
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['import', '--db', db, ...files], io)).toBe(0);
    expect(await runCli(['export-registrations', '--format', 'interchange', '--db', db, '--out', answer], io)).toBe(0);

    const r = spawnSync('python3', [path.join(CORPUS_DIR, 'score.py'), answer, '--json', metrics, '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^SUMMARY/m);
    const m = JSON.parse(fs.readFileSync(metrics, 'utf8')) as {
      duplicates: { true_pairs: number; predicted_pairs: number; precision: number; recall: number };
      hard_negatives: { total: number; falsely_merged: number };
    };
    expect(m.duplicates.true_pairs).toBeGreaterThan(100);
    expect(m.duplicates.precision).toBeGreaterThanOrEqual(0.99);
    expect(m.duplicates.recall).toBeGreaterThanOrEqual(0.99);
    expect(m.hard_negatives.total).toBeGreaterThan(40);
    expect(m.hard_negatives.falsely_merged).toBe(0);
  }, 180_000);
});
