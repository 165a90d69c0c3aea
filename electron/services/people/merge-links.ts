import type { Writer } from '../../db/data';
import { q, statement } from '../../db/query';
import type { PersonRow } from '../../db/schema';

/**
 * The links a merge makes between people (people.merged_into) and what its undo puts back on the
 * survivor. The duplicates module merges and undoes through these: nothing outside the people
 * module writes the `people` table.
 */

const link = statement<{ id: number; into: number; now: string }>((p) => q.updateTable('people').set({ merged_into: p.into, updated_at: p.now }).where('id', '=', p.id));
const unlink = statement<{ id: number; now: string }>((p) => q.updateTable('people').set({ merged_into: null, updated_at: p.now }).where('id', '=', p.id));
const touch = statement<{ id: number; now: string }>((p) => q.updateTable('people').set({ updated_at: p.now }).where('id', '=', p.id));

/** Marks `fromId` as merged into `intoId`. */
export function linkMerged(w: Writer, fromId: number, intoId: number, now: string): void {
  w.run(link, { id: fromId, into: intoId, now });
}

/** Makes a merged person active again (undo of a merge). */
export function unlinkMerged(w: Writer, id: number, now: string): void {
  w.run(unlink, { id, now });
}

/** Records that a person changed (updated_at) without changing a column. */
export function touchPerson(w: Writer, id: number, now: string): void {
  w.run(touch, { id, now });
}

/** The columns a merge may have written on the survivor (updatePerson's columns and the search key). */
const RESTORABLE = new Set<string>(['full_name', 'gender', 'birth_date', 'national_id', 'phone', 'address', 'workplace', 'blood_group', 'prior_donations', 'note', 'home_unit_id', 'search_key'] satisfies (keyof PersonRow)[]);

/**
 * Puts back one column of a person as it was before a merge wrote it (undo). updated_at is left to
 * the caller (touchPerson), as the undo touches the survivor once whatever it restored.
 */
export function restorePersonColumn(w: Writer, id: number, column: string, value: unknown): void {
  if (!RESTORABLE.has(column)) throw new Error(`A merge never writes people.${column}: nothing to restore`);
  w.run(q.updateTable('people').set({ [column]: value } as never).where('id', '=', id));
}
