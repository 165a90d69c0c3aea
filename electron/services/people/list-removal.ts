import type { Writer } from '../../db/data';
import { sql } from '../../db/query';

/**
 * When a list is undone or replaced, its people who are left with no active registration and no
 * donation are soft-deleted (kept, hidden). The people module's write for a list's removal: call it
 * after the list's registrations are marked removed, inside the same write. Returns how many.
 */
export function softDeleteListPeople(w: Writer, batchId: number, now: string): number {
  return w.run(
    sql`UPDATE people SET deleted_at = ${now}, updated_at = ${now} WHERE deleted_at IS NULL AND id IN (SELECT person_id FROM registrations WHERE batch_id = ${batchId})
     AND NOT EXISTS (SELECT 1 FROM registrations r2 WHERE r2.person_id = people.id AND r2.status = 'active')
     AND NOT EXISTS (SELECT 1 FROM donations d WHERE d.person_id = people.id)`,
  ).changes;
}
