import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors/app-error';
import type { Migration } from './migrations/types';
import { migrations as allMigrations } from './migrations';

export interface MigrateResult {
  from: number;
  to: number;
  applied: number[];
}

export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration in ONE transaction: either the database reaches the
 * newest version or it stays exactly as it was.
 */
export function migrate(
  sqlite: Database.Database,
  migrations: readonly Migration[] = allMigrations,
  target = migrations[migrations.length - 1]?.version ?? 0,
): MigrateResult {
  const from = schemaVersion(sqlite);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `Cơ sở dữ liệu này được tạo bởi phiên bản Giọt Hồng mới hơn (phiên bản dữ liệu ${from}, bản này chỉ hiểu đến ${latest}). Hãy cài phiên bản Giọt Hồng mới nhất để mở tệp này; dữ liệu không bị thay đổi.`,
    );
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, applied: [] };
  const run = sqlite.transaction(() => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const record = sqlite.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      sqlite.exec(m.up);
      record.run(m.version, m.name, new Date().toISOString());
    }
    sqlite.pragma(`user_version = ${pending[pending.length - 1].version}`);
  });
  run.immediate();
  const to = schemaVersion(sqlite);
  return { from, to, applied: pending.map((m) => m.version) };
}
