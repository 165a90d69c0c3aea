import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../../../shared/errors/app-error';

/** Reserve donors ("hiến máu dự bị") are a list the office keeps: person ids in a setting. */
const KEY = 'donors.reserve';

export function getReserveSet(sqlite: Database.Database): Set<number> {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return new Set(row ? (JSON.parse(row.value) as number[]) : []);
}

export function setReserve(ctx: ServiceContext, args: { personId: number; reserve: boolean }): { reserve: boolean } {
  if (!ctx.sqlite.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(args.personId)) {
    throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tải lại danh sách.');
  }
  const set = getReserveSet(ctx.sqlite);
  if (args.reserve) set.add(args.personId);
  else set.delete(args.personId);
  ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify([...set]));
  appendAudit(ctx.sqlite, { action: args.reserve ? 'donor.reserve.add' : 'donor.reserve.remove', entity: 'person', entityId: args.personId });
  return { reserve: args.reserve };
}
