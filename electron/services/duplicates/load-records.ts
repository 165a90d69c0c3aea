import type Database from 'better-sqlite3';
import type { MatchRecord } from '../../../shared/domain/matching';

const COLS = 'p.id, p.full_name, p.gender, p.birth_date, p.national_id, p.phone';
const ACTIVE = 'p.merged_into IS NULL AND p.deleted_at IS NULL';

type RawRow = [number, string, 'M' | 'F' | null, string | null, string | null, string | null];

export function rawToRecord(r: RawRow): MatchRecord {
  return { id: r[0], fullName: r[1], gender: r[2], birthDate: r[3], nationalId: r[4], phone: r[5] };
}

/**
 * One page of active people (by id) with a flag "registered in this campaign": a full re-match
 * compares the campaign's people with each other and with the permanent registry. Paged so a long
 * run can yield between pages without holding a statement open.
 */
export function loadActivePage(sqlite: Database.Database, campaignId: number, afterId: number, limit: number): [MatchRecord, boolean][] {
  const rows = sqlite
    .prepare(
      `SELECT ${COLS}, EXISTS (SELECT 1 FROM registrations r WHERE r.person_id = p.id AND r.campaign_id = ? AND r.status = 'active') AS inc
       FROM people p WHERE p.id > ? AND ${ACTIVE} ORDER BY p.id LIMIT ?`,
    )
    .raw(true)
    .all(campaignId, afterId, limit) as [...RawRow, number][];
  return rows.map((r) => [rawToRecord(r as unknown as RawRow), r[6] === 1]);
}

export function countActivePeople(sqlite: Database.Database): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM people p WHERE ${ACTIVE}`).get() as { n: number }).n;
}

function chunks<T>(xs: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function loadPeopleByIds(sqlite: Database.Database, ids: number[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const c of chunks([...new Set(ids)])) {
    const rows = sqlite.prepare(`SELECT ${COLS} FROM people p WHERE ${ACTIVE} AND p.id IN (${c.map(() => '?').join(',')})`).raw(true).all(...c) as RawRow[];
    for (const r of rows) out.push(rawToRecord(r));
  }
  return out;
}

/** Active people sharing an ID number, a phone or a folded name with the given values (index lookups). */
export function loadPeopleSharing(sqlite: Database.Database, column: 'national_id' | 'phone' | 'search_key', values: string[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const c of chunks([...new Set(values.filter(Boolean))])) {
    const rows = sqlite.prepare(`SELECT ${COLS} FROM people p WHERE p.${column} IN (${c.map(() => '?').join(',')}) AND ${ACTIVE}`).raw(true).all(...c) as RawRow[];
    for (const r of rows) out.push(rawToRecord(r));
  }
  return out;
}
