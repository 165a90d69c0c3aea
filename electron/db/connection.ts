import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../shared/errors/app-error';
import { migrate, type MigrateResult } from './migrate';
import { isNotADatabase, openSqlite } from './sqlite-driver';
import type { DB } from './schema';
import { createData, type Data } from './data';

export interface Connection {
  path: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  /** The one way in for services: readers, and writers scoped to a transaction (data.ts). */
  data: Data;
  migration: MigrateResult;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
  /** Encryption key (64 hex digits). Applied before any other statement; none = a plain file. */
  key?: string | null;
}

/** Applies the pragmas every connection needs: durability first. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function openError(file: string, e: unknown, withKey: boolean): AppError {
  if (withKey && isNotADatabase(e)) {
    return new AppError('DB_KEY', `Không giải mã được tệp dữ liệu "${path.basename(file)}": khoá mã hoá không đúng (hoặc tệp không phải dữ liệu Giọt Hồng). Dữ liệu chỉ mở được trên đúng tài khoản Windows đã tạo ra nó; hãy khôi phục từ bản sao lưu của tài khoản này. Tệp hiện tại không bị thay đổi.`);
  }
  return new AppError('DB_OPEN', `Không mở được tệp dữ liệu "${path.basename(file)}": tệp hỏng, bị khoá hoặc không có quyền đọc/ghi. Hãy đóng các chương trình khác đang dùng tệp, hoặc khôi phục từ bản sao lưu.`, { cause: String(e) });
}

export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (e) {
      throw new AppError('DB_DIR', `Không tạo được thư mục chứa dữ liệu "${path.dirname(file)}". Hãy kiểm tra quyền ghi của thư mục này.`, { cause: String(e) });
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(file, { readonly: options.readonly ?? false }, options.key);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw openError(file, e, false);
  }
  try {
    if (options.key) sqlite.prepare('SELECT count(*) FROM sqlite_master').get(); // fails at once on a wrong key
    if (!options.readonly) applyPragmas(sqlite);
    else sqlite.pragma('foreign_keys = ON');
  } catch (e) {
    sqlite.close();
    throw openError(file, e, Boolean(options.key));
  }
  let migration: MigrateResult;
  try {
    migration = options.migrate === false || options.readonly
      ? { from: 0, to: 0, applied: [] }
      : migrate(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    path: file,
    sqlite,
    db,
    data: createData(sqlite),
    migration,
    async close() {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
