import type Database from 'better-sqlite3';

/**
 * A logical dump of a database: schema (every object's SQL), user_version and every row of every
 * table in rowid order. Two databases with equal dumps hold the same data.
 */
export function logicalDump(db: Database.Database): string {
  const objects = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
  const out: unknown[] = [['user_version', db.pragma('user_version', { simple: true })], ['objects', objects]];
  for (const t of objects.filter((o) => o.type === 'table')) {
    const rows = db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}" ORDER BY rowid`).raw().all();
    out.push([t.name, rows.map((r) => (r as unknown[]).map((v) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : typeof v === 'bigint' ? `big:${v}` : v)))]);
  }
  return JSON.stringify(out);
}
