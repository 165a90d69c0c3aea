import type BetterSqlite3 from 'better-sqlite3';
import Ciphers from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../shared/errors/app-error';

/**
 * The one SQLite driver of the app: better-sqlite3-multiple-ciphers (SQLite3 Multiple Ciphers), the
 * better-sqlite3 API with encryption. Typed as better-sqlite3 so `import type Database from
 * 'better-sqlite3'` keeps working everywhere. Every file open goes through `openSqlite`, which applies
 * the key (when there is one) before any other statement.
 */
export type SqliteDb = BetterSqlite3.Database;
export type SqliteOptions = BetterSqlite3.Options;

export const Sqlite: typeof BetterSqlite3 = Ciphers;

/** The cipher scheme used everywhere (SQLCipher 4 format). */
export const CIPHER = 'sqlcipher';

const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** A database key is 32 random bytes written as 64 hex digits (a raw key: no slow passphrase derivation). */
export function normalizeKey(key: string): string {
  const k = key.trim().toLowerCase();
  if (!KEY_PATTERN.test(k)) throw new AppError('DB_KEY', 'Khoá mã hoá dữ liệu không hợp lệ: phải là 64 chữ số hệ 16 (32 byte). Hãy kiểm tra biến môi trường GIOT_HONG_DB_KEY hoặc tệp khoá.');
  return k;
}

/** Must run first on a fresh handle: selects the cipher and sets the key. */
export function applyKey(db: SqliteDb, key: string): void {
  const k = normalizeKey(key);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${k}'"`);
}

/** Changes the key of an open database (rollback-journal mode required); `null` decrypts. */
export function rekey(db: SqliteDb, key: string | null): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(key === null ? "rekey = ''" : `rekey = "x'${normalizeKey(key)}'"`);
}

/** Opens a database file with the key (if any) applied before any other statement. */
export function openSqlite(file: string, options: SqliteOptions = {}, key?: string | null): SqliteDb {
  const db = new Sqlite(file, options);
  if (key) {
    try {
      applyKey(db, key);
    } catch (e) {
      db.close();
      throw e;
    }
  }
  return db;
}

/** True when the error says the bytes are not a readable database (wrong/missing key or garbage). */
export function isNotADatabase(e: unknown): boolean {
  return String((e as { code?: string })?.code ?? '').startsWith('SQLITE_NOTADB');
}

export default Sqlite;
