import { personSearchKey } from '../../../shared/domain/people/identity';
import type { Writer } from '../../db/data';
import { q } from '../../db/query';

/** The name an anonymised person keeps (registrations and donations stay, counted but nameless). */
export const ANONYMOUS_NAME = 'Người đã ẩn danh';

/**
 * Removes people rows for good (a request to be forgotten). The caller has removed or detached
 * everything that points to them first; records merged into one another are released from their
 * survivor before the rows go.
 */
export function deletePeople(w: Writer, ids: readonly number[]): void {
  if (!ids.length) return;
  // Children first: they point to the survivor through merged_into.
  w.run(q.updateTable('people').set({ merged_into: null }).where('id', 'in', ids));
  w.run(q.deleteFrom('people').where('id', 'in', ids));
}

/** Wipes names, numbers, address, birth date, blood group and note; the rows stay, marked deleted. */
export function anonymisePeople(w: Writer, ids: readonly number[], now: string): void {
  if (!ids.length) return;
  w.run(
    q
      .updateTable('people')
      .set({
        full_name: ANONYMOUS_NAME, search_key: personSearchKey({ fullName: ANONYMOUS_NAME }), birth_date: null, national_id: null, phone: null,
        address: null, workplace: null, blood_group: null, note: null, deleted_at: now, updated_at: now,
      })
      .where('id', 'in', ids),
  );
}
