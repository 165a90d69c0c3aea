/** The clerk's column choices, remembered per header signature (and unit) for the next file like it. */
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import type { ColumnMapping } from '../../../shared/domain/import/types';

export function findRememberedMapping(r: Reader, signature: string, unitId: number | null): ColumnMapping | null {
  const rows = r.all(q.selectFrom('column_mappings').select(['unit_id', 'mapping']).where('header_signature', '=', signature).orderBy('updated_at', 'desc'));
  const best = rows.find((row) => row.unit_id === unitId) ?? rows[0];
  if (!best) return null;
  try {
    return JSON.parse(best.mapping) as ColumnMapping;
  } catch {
    return null;
  }
}

export function rememberMapping(w: Writer, signature: string, unitId: number | null, mapping: ColumnMapping, at: string): void {
  const existing = w.value(q.selectFrom('column_mappings').select('id').where('header_signature', '=', signature).where('unit_id', 'is', unitId));
  const json = JSON.stringify(mapping);
  if (existing !== undefined) w.run(q.updateTable('column_mappings').set({ mapping: json, updated_at: at }).where('id', '=', existing));
  else w.run(q.insertInto('column_mappings').values({ unit_id: unitId, header_signature: signature, mapping: json, updated_at: at }));
}
