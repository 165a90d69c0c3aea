import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashRounds } from './crash-harness';

describe('crash safety (kill -9 at random moments)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('after each of 200 kills the database opens intact, every acknowledged batch is whole, no batch is half there', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100000);
    const sum = await runCrashRounds({ dir, rounds: 200, seed });
    expect(sum.problems, `seed ${seed}`).toEqual([]);
    expect(sum.rounds).toBe(200);
    // The kills must really land while work is going on, not only before it starts.
    expect(sum.importsAcked).toBeGreaterThan(100);
    expect(sum.importerRounds).toBeGreaterThan(20);
    expect(sum.realImportsAcked).toBeGreaterThan(10);
    expect(sum.mergesAcked).toBeGreaterThan(20);
    expect(sum.killedBeforeReady).toBeGreaterThan(0);
    console.log(`crash safety: ${sum.rounds} kills in ${(sum.ms / 1000).toFixed(1)} s, ${sum.importsAcked} batches, ${sum.realImportsAcked} imported files (real importer, ${sum.importerRounds} rounds) and ${sum.mergesAcked} merges acknowledged (seed ${seed})`);
  }, 300_000);
});
