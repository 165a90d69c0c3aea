import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../electron/services/create-context';

/** A fresh real SQLite file in a temp folder, migrated, with a fixed "today". */
export function tempContext(today = '2026-05-01T08:00:00Z'): AppContext & { dir: string; cleanup(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giot-hong-'));
  const ctx = createAppContext(path.join(dir, 'test.sqlite'), { now: () => new Date(today) });
  return Object.assign(ctx, {
    dir,
    async cleanup() {
      await ctx.conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');
export const SEEDS_DIR = path.resolve(__dirname, '../../../shared/seeds');
