import { connectionOf, type Data } from './data';
import { schemaVersion } from './migrate';

/**
 * What the app does to the open database file as a file, not to its data: integrity checks, the WAL
 * checkpoint before a copy, the schema version. Here, beside the connection, so nothing else needs it.
 */

/** quick_check's first lines ("ok" when healthy). */
export function quickCheck(data: Data): string[] {
  const rows = connectionOf(data).pragma('quick_check(20)') as { quick_check: string }[];
  return rows.map((r) => String(r.quick_check));
}

/** Moves the write-ahead log into the file (before the file is copied by something other than SQLite). */
export function checkpoint(data: Data): void {
  connectionOf(data).pragma('wal_checkpoint(TRUNCATE)');
}

export function schemaVersionOf(data: Data): number {
  return schemaVersion(connectionOf(data));
}
