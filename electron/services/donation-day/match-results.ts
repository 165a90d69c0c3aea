import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { foldVietnamese } from '../../../shared/domain/text';
import type { IndexEntry } from './checkin-index';
import { normalizeNationalId, normalizePhone } from './ids';

export type MatchOutcome = { kind: 'matched'; entry: IndexEntry; by: 'nid' | 'phone+name' | 'name+year' } | { kind: 'ambiguous'; candidates: IndexEntry[]; by: string } | { kind: 'none' };

function push<K>(m: Map<K, IndexEntry[]>, k: K, e: IndexEntry) {
  const l = m.get(k);
  if (l) l.push(e);
  else m.set(k, [e]);
}

/**
 * Matches result rows to the campaign's registrations: by ID number, then phone + name, then name +
 * birth year. Two different ID numbers never match; several candidates make the row ambiguous.
 */
export function buildMatcher(entries: IndexEntry[]): (r: ResultRow) => MatchOutcome {
  const byId = new Map<string, IndexEntry[]>();
  const byPhoneName = new Map<string, IndexEntry[]>();
  const byNameYear = new Map<string, IndexEntry[]>();
  for (const e of entries) {
    const nid = normalizeNationalId(e.nationalId);
    if (nid) push(byId, nid, e);
    const phone = normalizePhone(e.phone);
    if (phone) push(byPhoneName, `${phone}|${e.key}`, e);
    if (e.birthYear) push(byNameYear, `${e.key}|${e.birthYear}`, e);
  }
  return (r) => {
    const nid = normalizeNationalId(r.nationalId);
    const noConflict = (e: IndexEntry) => !nid || !e.nationalId || normalizeNationalId(e.nationalId) === nid;
    const decide = (list: IndexEntry[] | undefined, by: 'nid' | 'phone+name' | 'name+year'): MatchOutcome | null => {
      const ok = (list ?? []).filter(noConflict);
      if (ok.length === 1) return { kind: 'matched', entry: ok[0], by };
      if (ok.length > 1) return { kind: 'ambiguous', candidates: ok, by };
      return null;
    };
    const key = foldVietnamese(r.fullName);
    const phone = normalizePhone(r.phone);
    return (
      (nid ? decide(byId.get(nid), 'nid') : null) ??
      (phone ? decide(byPhoneName.get(`${phone}|${key}`), 'phone+name') : null) ??
      (r.birthYear ? decide(byNameYear.get(`${key}|${r.birthYear}`), 'name+year') : null) ?? { kind: 'none' }
    );
  };
}
