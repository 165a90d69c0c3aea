import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { migrate, type MigrateResult } from './migrate';
import type { DB } from './schema';

export interface Connection {
  path: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  migration: MigrateResult;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
}

/** Applies the pragmas every connection needs: durability first. */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
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
    sqlite = new Database(file, { readonly: options.readonly ?? false });
    if (!options.readonly) applyPragmas(sqlite);
    else sqlite.pragma('foreign_keys = ON');
  } catch (e) {
    throw new AppError('DB_OPEN', `Không mở được tệp dữ liệu "${path.basename(file)}": tệp hỏng, bị khoá hoặc không có quyền đọc/ghi. Hãy đóng các chương trình khác đang dùng tệp, hoặc khôi phục từ bản sao lưu.`, { cause: String(e) });
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
    migration,
    async close() {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
