import type Database from 'better-sqlite3';
import { personSearchKey } from '../../../shared/domain/people/identity';
import type { PersonRow } from '../../db/schema';

/** The columns of `people` a service may set. Identity columns are kept in step with `search_key` here only. */
export type PersonFields = Pick<PersonRow, (typeof COLUMNS)[number]>;

const COLUMNS = ['full_name', 'gender', 'birth_date', 'national_id', 'phone', 'address', 'workplace', 'blood_group', 'prior_donations', 'note', 'home_unit_id'] as const satisfies readonly (keyof PersonRow)[];

const inserts = new WeakMap<Database.Database, Database.Statement>();

/** Adds a person (a list row, a walk-in). The one INSERT INTO people of the app. */
export function insertPerson(sqlite: Database.Database, p: Partial<PersonFields> & { full_name: string }, now: string): number {
  let st = inserts.get(sqlite);
  if (!st) {
    st = sqlite.prepare(`INSERT INTO people (${COLUMNS.join(', ')}, search_key, created_at, updated_at) VALUES (${COLUMNS.map(() => '?').join(',')},?,?,?)`);
    inserts.set(sqlite, st);
  }
  const values = COLUMNS.map((c) => p[c] ?? null);
  const key = personSearchKey({ fullName: p.full_name, nationalId: p.national_id ?? null, phone: p.phone ?? null });
  return Number(st.run(...values, key, now, now).lastInsertRowid);
}

/** One column a write changed, as an undo snapshot keeps it. */
export interface ColumnChange {
  before: unknown;
  after: unknown;
}

/**
 * Changes some columns of a person and keeps `search_key` in step. Columns already holding the value
 * are left alone; returns what changed (the search key among them when it moved), nothing written
 * when nothing changes.
 */
export function updatePerson(sqlite: Database.Database, id: number, patch: Partial<PersonFields>, now: string): Record<string, ColumnChange> {
  const before = sqlite.prepare('SELECT * FROM people WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!before) return {};
  const changes: Record<string, ColumnChange> = {};
  for (const c of COLUMNS) if (c in patch && (patch[c] ?? null) !== before[c]) changes[c] = { before: before[c], after: patch[c] ?? null };
  if (!Object.keys(changes).length) return {};
  const after = { ...before, ...patch };
  const key = personSearchKey({ fullName: String(after.full_name ?? ''), nationalId: (after.national_id as string | null) ?? null, phone: (after.phone as string | null) ?? null });
  if (key !== before.search_key) changes.search_key = { before: before.search_key, after: key };
  const cols = Object.keys(changes);
  sqlite.prepare(`UPDATE people SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...cols.map((c) => changes[c].after), now, id);
  return changes;
}
