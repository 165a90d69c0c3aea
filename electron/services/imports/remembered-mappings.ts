/** The clerk's column choices, remembered per header signature (and unit) for the next file like it. */
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';
import type { ColumnMapping } from '../../../shared/domain/import/types';

export async function findRememberedMapping(ctx: ServiceContext, signature: string, unitId: number | null): Promise<ColumnMapping | null> {
  const rows = await ctx.db.selectFrom('column_mappings').select(['unit_id', 'mapping']).where('header_signature', '=', signature).orderBy('updated_at', 'desc').execute();
  const best = rows.find((r) => r.unit_id === unitId) ?? rows[0];
  if (!best) return null;
  try {
    return JSON.parse(best.mapping) as ColumnMapping;
  } catch {
    return null;
  }
}

export function rememberMapping(sqlite: Database.Database, signature: string, unitId: number | null, mapping: ColumnMapping, at: string): void {
  const existing = sqlite
    .prepare('SELECT id FROM column_mappings WHERE header_signature = ? AND unit_id IS ?')
    .get(signature, unitId) as { id: number } | undefined;
  const json = JSON.stringify(mapping);
  if (existing) sqlite.prepare('UPDATE column_mappings SET mapping = ?, updated_at = ? WHERE id = ?').run(json, at, existing.id);
  else sqlite.prepare('INSERT INTO column_mappings (unit_id, header_signature, mapping, updated_at) VALUES (?,?,?,?)').run(unitId, signature, json, at);
}
