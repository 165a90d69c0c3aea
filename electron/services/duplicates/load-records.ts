import type Database from 'better-sqlite3';
import type { MatchRecord } from '../../../shared/domain/matching';

const COLS = 'p.id, p.full_name, p.gender, p.birth_date, p.national_id, p.phone';
const ACTIVE = 'p.merged_into IS NULL AND p.deleted_at IS NULL';

type RawRow = [number, string, 'M' | 'F' | null, string | null, string | null, string | null];

export function rawToRecord(r: RawRow): MatchRecord {
  return { id: r[0], fullName: r[1], gender: r[2], birthDate: r[3], nationalId: r[4], phone: r[5] };
}

/** The people registered (actively) in a campaign. */
export function campaignPeople(sqlite: Database.Database, campaignId: number): Set<number> {
  return new Set(sqlite.prepare("SELECT person_id FROM registrations WHERE campaign_id = ? AND status = 'active'").pluck().all(campaignId) as number[]);
}

/**
 * One page of active people (by id): a full re-match compares the campaign's people with each other
 * and with the permanent registry. Paged so a long run can yield between pages without holding a
 * statement open.
 */
export function loadActivePage(sqlite: Database.Database, afterId: number, limit: number): MatchRecord[] {
  const rows = sqlite.prepare(`SELECT ${COLS} FROM people p WHERE p.id > ? AND ${ACTIVE} ORDER BY p.id LIMIT ?`).raw(true).all(afterId, limit) as RawRow[];
  return rows.map(rawToRecord);
}

export function maxPeopleId(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT max(id) FROM people').pluck().get() as number | null) ?? 0;
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

/** Active people sharing an ID number or a phone with the given values (index lookups). */
export function loadPeopleSharing(sqlite: Database.Database, column: 'national_id' | 'phone', values: string[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const c of chunks([...new Set(values.filter(Boolean))])) {
    const rows = sqlite.prepare(`SELECT ${COLS} FROM people p WHERE p.${column} IN (${c.map(() => '?').join(',')}) AND ${ACTIVE}`).raw(true).all(...c) as RawRow[];
    for (const r of rows) out.push(rawToRecord(r));
  }
  return out;
}

/**
 * Active people with the same folded name born the same year or of unknown birth: one indexed
 * range lookup per name on people.search_key (the folded name, optionally followed by a space and
 * more words such as the ID and phone), the year filtered in SQL so common names stay cheap.
 */
export function loadPeopleNamed(sqlite: Database.Database, wanted: { searchKey: string; year: number | null }[]): MatchRecord[] {
  const withYear = sqlite
    .prepare(`SELECT ${COLS} FROM people p WHERE p.search_key >= ? AND p.search_key < ? AND (p.birth_date IS NULL OR substr(p.birth_date, 1, 4) = ?) AND ${ACTIVE} LIMIT 500`)
    .raw(true);
  const anyYear = sqlite.prepare(`SELECT ${COLS} FROM people p WHERE p.search_key >= ? AND p.search_key < ? AND ${ACTIVE} LIMIT 500`).raw(true);
  const out: MatchRecord[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const k = `${w.searchKey}|${w.year ?? ''}`;
    if (!w.searchKey || seen.has(k)) continue;
    seen.add(k);
    const range = [w.searchKey, `${w.searchKey} \u{10ffff}`];
    const rows = (w.year === null ? anyYear.all(...range) : withYear.all(...range, String(w.year))) as RawRow[];
    for (const r of rows) out.push(rawToRecord(r));
  }
  return out;
}
