import type { MatchRecord } from '../../../shared/domain/matching';
import type { Reader } from '../../db/data';
import { q, sql, statement } from '../../db/query';

/** The compact record of a person the matcher reads, in column order (read as tuples, not objects). */
type RawRow = [number, string, 'M' | 'F' | null, string | null, string | null, string | null];

export function rawToRecord(r: RawRow): MatchRecord {
  return { id: r[0], fullName: r[1], gender: r[2], birthDate: r[3], nationalId: r[4], phone: r[5] };
}

/** Active people (neither merged nor deleted), with the columns of a RawRow. */
const activePeople = () =>
  q
    .selectFrom('people as p')
    .select(['p.id', 'p.full_name', 'p.gender', 'p.birth_date', 'p.national_id', 'p.phone'])
    .where('p.merged_into', 'is', null)
    .where('p.deleted_at', 'is', null);

const peopleOfCampaign = statement<{ campaignId: number }, { person_id: number }>(
  (p) => sql<{ person_id: number }>`SELECT person_id FROM registrations WHERE campaign_id = ${p.campaignId} AND status = 'active'`,
);
const activePage = statement<{ afterId: number; limit: number }>((p) => activePeople().where('p.id', '>', p.afterId).orderBy('p.id').limit(p.limit));
const maxId = statement<void, { n: number | null }>(() => sql<{ n: number | null }>`SELECT max(id) AS n FROM people`);
const activeCount = statement<void, { n: number }>(() => q.selectFrom('people as p').select((eb) => eb.fn.countAll<number>().as('n')).where('p.merged_into', 'is', null).where('p.deleted_at', 'is', null));
const namedBornIn = statement<{ from: string; to: string; year: string }>((p) =>
  activePeople()
    .where('p.search_key', '>=', p.from)
    .where('p.search_key', '<', p.to)
    .where(sql<boolean>`(p.birth_date IS NULL OR substr(p.birth_date, 1, 4) = ${p.year})`)
    .limit(sql.lit(500)),
);
const namedAnyYear = statement<{ from: string; to: string }>((p) => activePeople().where('p.search_key', '>=', p.from).where('p.search_key', '<', p.to).limit(sql.lit(500)));

/** The people registered (actively) in a campaign. */
export function campaignPeople(r: Reader, campaignId: number): Set<number> {
  return new Set(r.column(peopleOfCampaign, { campaignId }));
}

/**
 * One page of active people (by id): a full re-match compares the campaign's people with each other
 * and with the permanent registry. Paged so a long run can yield between pages without holding a
 * statement open.
 */
export function loadActivePage(r: Reader, afterId: number, limit: number): MatchRecord[] {
  return (r.tuples(activePage, { afterId, limit }) as RawRow[]).map(rawToRecord);
}

export function maxPeopleId(r: Reader): number {
  return r.value(maxId) ?? 0;
}

export function countActivePeople(r: Reader): number {
  return r.value(activeCount) ?? 0;
}

function chunks<T>(xs: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function loadPeopleByIds(r: Reader, ids: number[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const c of chunks([...new Set(ids)])) for (const row of r.tuples(activePeople().where('p.id', 'in', c)) as RawRow[]) out.push(rawToRecord(row));
  return out;
}

/** Active people sharing an ID number or a phone with the given values (index lookups). */
export function loadPeopleSharing(r: Reader, column: 'national_id' | 'phone', values: string[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const c of chunks([...new Set(values.filter(Boolean))])) for (const row of r.tuples(activePeople().where(`p.${column}`, 'in', c)) as RawRow[]) out.push(rawToRecord(row));
  return out;
}

/**
 * Active people with the same folded name born the same year or of unknown birth: one indexed
 * range lookup per name on people.search_key (the folded name, optionally followed by a space and
 * more words such as the ID and phone), the year filtered in SQL so common names stay cheap.
 */
export function loadPeopleNamed(r: Reader, wanted: { searchKey: string; year: number | null }[]): MatchRecord[] {
  const out: MatchRecord[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const k = `${w.searchKey}|${w.year ?? ''}`;
    if (!w.searchKey || seen.has(k)) continue;
    seen.add(k);
    const range = { from: w.searchKey, to: `${w.searchKey} \u{10ffff}` };
    const found = w.year === null ? r.tuples(namedAnyYear, range) : r.tuples(namedBornIn, { ...range, year: String(w.year) });
    for (const row of found as RawRow[]) out.push(rawToRecord(row));
  }
  return out;
}
