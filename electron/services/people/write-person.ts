import { personSearchKey } from '../../../shared/domain/people/identity';
import type { PersonRow } from '../../db/schema';
import { q, statement } from '../../db/query';
import type { Writer } from '../../db/data';

/** The columns of `people` a service may set. Identity columns are kept in step with `search_key` here only. */
export type PersonFields = Pick<PersonRow, (typeof COLUMNS)[number]>;

const COLUMNS = ['full_name', 'gender', 'birth_date', 'national_id', 'phone', 'address', 'workplace', 'blood_group', 'prior_donations', 'note', 'home_unit_id'] as const satisfies readonly (keyof PersonRow)[];

type InsertArgs = PersonFields & { search_key: string; now: string };

const insertStatement = statement<InsertArgs>((p) =>
  q.insertInto('people').values({ ...Object.fromEntries(COLUMNS.map((c) => [c, p[c]])), search_key: p.search_key, created_at: p.now, updated_at: p.now } as never),
);

/** Adds a person (a list row, a walk-in). The one INSERT INTO people of the app. */
export function insertPerson(w: Writer, p: Partial<PersonFields> & { full_name: string }, now: string): number {
  const args = { search_key: personSearchKey({ fullName: p.full_name, nationalId: p.national_id ?? null, phone: p.phone ?? null }), now } as InsertArgs;
  for (const c of COLUMNS) (args as Record<string, unknown>)[c] = p[c] ?? null;
  return w.run(insertStatement, args).lastInsertRowid;
}

/** One column a write changed, as an undo snapshot keeps it. */
export interface ColumnChange {
  before: unknown;
  after: unknown;
}

const personById = statement<{ id: number }, PersonRow>((p) => q.selectFrom('people').selectAll().where('id', '=', p.id));

/**
 * Changes some columns of a person and keeps `search_key` in step. Columns already holding the value
 * are left alone; returns what changed (the search key among them when it moved), nothing written
 * when nothing changes.
 */
export function updatePerson(w: Writer, id: number, patch: Partial<PersonFields>, now: string): Record<string, ColumnChange> {
  const before = w.get(personById, { id }) as Record<string, unknown> | undefined;
  if (!before) return {};
  const changes: Record<string, ColumnChange> = {};
  for (const c of COLUMNS) if (c in patch && (patch[c] ?? null) !== before[c]) changes[c] = { before: before[c], after: patch[c] ?? null };
  if (!Object.keys(changes).length) return {};
  const after = { ...before, ...patch };
  const key = personSearchKey({ fullName: String(after.full_name ?? ''), nationalId: (after.national_id as string | null) ?? null, phone: (after.phone as string | null) ?? null });
  if (key !== before.search_key) changes.search_key = { before: before.search_key, after: key };
  const set = Object.fromEntries(Object.entries(changes).map(([c, v]) => [c, v.after]));
  w.run(q.updateTable('people').set({ ...set, updated_at: now } as never).where('id', '=', id));
  return changes;
}
