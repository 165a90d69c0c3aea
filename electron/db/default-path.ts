import path from 'node:path';
import os from 'node:os';

export const DB_ENV = 'GIOT_HONG_DB';
export const DB_FILE = 'giot-hong.sqlite';

/** --db PATH beats $GIOT_HONG_DB beats the user's data folder. */
export function resolveDbPath(argv: readonly string[], userDataDir?: string): string {
  const i = argv.indexOf('--db');
  if (i >= 0 && argv[i + 1]) return path.resolve(argv[i + 1]);
  const eq = argv.find((a) => a.startsWith('--db='));
  if (eq) return path.resolve(eq.slice(5));
  if (process.env[DB_ENV]) return path.resolve(process.env[DB_ENV]!);
  const base = userDataDir ?? path.join(process.env.APPDATA ?? process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'Giot Hong');
  return path.join(base, DB_FILE);
}
