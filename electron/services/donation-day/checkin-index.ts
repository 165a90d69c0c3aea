import { dataOf } from '../../db/data';
import { sql, statement } from '../../db/query';
import { cacheScope, type CacheScope, type ScopeSource } from '../caches';
import { loadRootResolver } from '../people/survivors';
import { birthYearOf, idKey, nameKey, phoneKey } from '../../../shared/domain/people/identity';

export interface IndexEntry {
  registrationId: number;
  personId: number;
  fullName: string;
  key: string;
  words: string[];
  /** Given name first, for a cheap Vietnamese-like order among equal scores. */
  sortKey: string;
  /** ' ' + key: a quick substring test rejects most entries before scoring. */
  spaced: string;
  phone: string | null;
  phoneDigits: string;
  nationalId: string | null;
  idDigits: string;
  birthDate: string | null;
  birthYear: number | null;
  gender: 'M' | 'F' | null;
  unitName: string | null;
  walkIn: boolean;
}

export interface CheckinIndex {
  campaignId: number;
  entries: IndexEntry[];
  /** Entries (in name order) by the first one and first two letters of each word of the name. */
  prefixes: Map<string, IndexEntry[]>;
  byPerson: Map<number, IndexEntry>;
}

interface IndexRow {
  rid: number; person_id: number; source_file: string | null; batch_id: number | null; full_name: string; search_key: string; phone: string | null;
  national_id: string | null; birth_date: string | null; gender: 'M' | 'F' | null; unit_name: string | null;
}

const indexRows = statement<{ campaignId: number }, IndexRow>(
  (p) => sql<IndexRow>`SELECT r.id AS rid, r.person_id, r.source_file, r.batch_id, p.full_name, p.search_key, p.phone, p.national_id, p.birth_date, p.gender, u.name AS unit_name
       FROM registrations r JOIN people p ON p.id = r.person_id
       LEFT JOIN units u ON u.id = r.unit_id
       LEFT JOIN import_batches b ON b.id = r.batch_id
       WHERE r.campaign_id = ${p.campaignId} AND r.status = 'active' AND p.deleted_at IS NULL AND (b.id IS NULL OR b.status = 'committed')
       ORDER BY r.credited DESC, r.id`,
);

function build(scope: CacheScope, campaignId: number): CheckinIndex {
  const resolve = loadRootResolver(scope);
  const rows = dataOf(scope.handle).read.all(indexRows, { campaignId });
  const byPerson = new Map<number, IndexEntry>();
  for (const r of rows) {
    const personId = resolve(r.person_id);
    if (byPerson.has(personId)) continue;
    const key = nameKey(r.full_name);
    const phone = phoneKey(r.phone);
    const nid = idKey(r.national_id);
    byPerson.set(personId, {
      registrationId: r.rid,
      personId,
      fullName: r.full_name,
      key,
      words: key.split(' '),
      sortKey: key.split(' ').slice(-1)[0] + ' ' + key,
      spaced: ' ' + key,
      phone: r.phone,
      phoneDigits: phone ?? (r.phone ?? '').replace(/\D/g, ''),
      nationalId: r.national_id,
      idDigits: nid ?? (r.national_id ?? '').replace(/\D/g, ''),
      birthDate: r.birth_date,
      birthYear: birthYearOf(r.birth_date),
      gender: r.gender,
      unitName: r.unit_name,
      walkIn: r.source_file === null && r.batch_id === null,
    });
  }
  // Kept in name order so a search never has to sort more than its best score groups.
  const entries = [...byPerson.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const prefixes = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const keys = new Set<string>();
    for (const w of e.words) {
      keys.add(w.slice(0, 1));
      if (w.length > 1) keys.add(w.slice(0, 2));
    }
    for (const k of keys) {
      const l = prefixes.get(k);
      if (l) l.push(e);
      else prefixes.set(k, [e]);
    }
  }
  return { campaignId, entries, prefixes, byPerson };
}

/**
 * The campaign's check-in index, kept in the context's caches (caches.ts) and rebuilt only when the
 * people or registrations changed since it was built (a recorded outcome does not rebuild it).
 */
export function checkinIndex(source: ScopeSource, campaignId: number): CheckinIndex {
  const scope = cacheScope(source);
  return scope.caches.get(scope.handle, `checkin:${campaignId}`, ['people', 'registrations'], () => build(scope, campaignId));
}
