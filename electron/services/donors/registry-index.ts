import { dataOf } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import { compareVietnamese, foldVietnamese } from '../../../shared/domain/text';
import type { DonorSummary } from '../../../shared/ipc/channels/donors';
import { cacheScope, type CacheScope, type ScopeSource } from '../caches';
import { loadHistories, nextEligible } from './history';
import { loadRootResolver } from '../people/survivors';
import { getReserveSet } from './reserve';

export interface RegistryPerson extends DonorSummary {
  words: string[];
  /** ' ' + folded name: a quick substring test before the word-prefix test. */
  spaced: string;
  /** Folded name, given name first: the order among equal given-name ranks. */
  sortKey: string;
  digits: string;
  unitId: number | null;
  rank: number;
}

interface PersonRow {
  id: number; full_name: string; search_key: string; gender: 'M' | 'F' | null; birth_date: string | null; phone: string | null; national_id: string | null; blood_group: string | null; unit_id: number | null;
}

const unitNames = statement<void, { id: number; name: string }>(() => q.selectFrom('units').select(['id', 'name']));
const livingPeople = statement<void, PersonRow>(
  () => sql<PersonRow>`SELECT p.id, p.full_name, p.search_key, p.gender, p.birth_date, p.phone, p.national_id, p.blood_group, p.home_unit_id AS unit_id
       FROM people p WHERE p.merged_into IS NULL AND p.deleted_at IS NULL`,
);
const activeUnits = statement<void, { person_id: number; unit_id: number }>(
  () => sql<{ person_id: number; unit_id: number }>`SELECT person_id, unit_id FROM registrations WHERE status = 'active' AND unit_id IS NOT NULL ORDER BY id`,
);

function build(scope: CacheScope): RegistryPerson[] {
  const read = dataOf(scope.handle).read;
  const histories = loadHistories(read, loadRootResolver(scope));
  const reserve = getReserveSet(read);
  const units = new Map(read.all(unitNames).map((u) => [u.id, u.name]));
  const rows = read.all(livingPeople);
  // A person's unit is the unit of their latest registration (one pass, no per-person lookup).
  const lastUnit = new Map<number, number>();
  for (const x of read.iterate(activeUnits)) lastUnit.set(x.person_id, x.unit_id);
  for (const r of rows) r.unit_id = lastUnit.get(r.id) ?? r.unit_id;
  // Vietnamese order by given name: rank the distinct given names once with the collator.
  const given = (n: string) => n.trim().split(/\s+/).pop() ?? '';
  const names = [...new Set(rows.map((r) => given(r.full_name)))].sort(compareVietnamese);
  const rankOf = new Map(names.map((n, i) => [n, i]));
  const people: RegistryPerson[] = rows.map((r) => {
    const h = histories.get(r.id);
    const key = r.search_key || foldVietnamese(r.full_name);
    return {
      id: r.id,
      fullName: r.full_name,
      gender: r.gender,
      birthDate: r.birth_date,
      phone: r.phone,
      bloodGroup: r.blood_group,
      unitId: r.unit_id,
      unitName: r.unit_id !== null ? (units.get(r.unit_id) ?? null) : null,
      donationCount: h?.count ?? 0,
      lastDonation: h?.last ?? null,
      nextEligible: nextEligible(h?.last ?? null),
      reserve: reserve.has(r.id),
      words: key.split(' '),
      spaced: ' ' + key,
      sortKey: key.split(' ').slice(-1)[0] + ' ' + key,
      digits: `${(r.phone ?? '').replace(/\D/g, '')} ${(r.national_id ?? '').replace(/\D/g, '')}`,
      rank: rankOf.get(given(r.full_name))!,
    };
  });
  people.sort((a, b) => a.rank - b.rank || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || a.id - b.id);
  return people;
}

/** Everyone in the registry (survivors of merges, not deleted), in Vietnamese name order; kept in the context's caches until the data changes. */
export function registry(source: ScopeSource): RegistryPerson[] {
  const scope = cacheScope(source);
  return scope.caches.get(scope.handle, 'registry', ['people', 'registrations', 'donations'], () => build(scope));
}

export function isRhNegative(group: string | null): boolean {
  if (!group) return false;
  const g = foldVietnamese(group).replace(/\s+/g, '');
  return /-|−|am\b|rham|rh\(-\)|neg/.test(g) || /âm/.test(group);
}

export function toSummary(p: RegistryPerson): DonorSummary {
  const { words: _w, digits: _d, unitId: _u, rank: _r, spaced: _s, sortKey: _k, ...s } = p;
  return s;
}
