import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { foldVietnamese } from '../../../shared/domain/text';
import type { IndexEntry } from './checkin-index';
import { blockingKeys, DEFAULT_THRESHOLD, prepareRecord, scorePair, type PreparedRecord } from '../../../shared/domain/matching';
import { normalizeNationalId, normalizePhone } from './ids';

export type MatchOutcome =
  | { kind: 'matched'; entry: IndexEntry; by: 'nid' | 'phone+name' | 'name+year' | 'similar' }
  | { kind: 'ambiguous'; candidates: IndexEntry[]; by: string; reasons?: string[] }
  | { kind: 'none' };

/** Below the merge threshold but worth the clerk's look rather than a new walk-in. */
const REVIEW_SCORE = 0.5;

function prepared(e: IndexEntry): PreparedRecord {
  return prepareRecord({ id: e.personId, fullName: e.fullName, gender: e.gender, birthDate: e.birthDate, nationalId: normalizeNationalId(e.nationalId), phone: normalizePhone(e.phone) });
}

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
  // The duplicates matcher (blocking keys + pair score) for spellings the exact keys miss: Hoàng/Huỳnh, a typo.
  let blocks: Map<string, { e: IndexEntry; p: PreparedRecord }[]> | null = null;
  const similar = (rec: Parameters<typeof prepareRecord>[0]): MatchOutcome => {
    if (!blocks) {
      blocks = new Map();
      for (const e of entries) {
        const p = prepared(e);
        for (const k of blockingKeys(p)) {
          const l = blocks.get(k);
          if (l) l.push({ e, p });
          else blocks.set(k, [{ e, p }]);
        }
      }
    }
    const mine = prepareRecord(rec);
    const seen = new Map<number, { e: IndexEntry; score: number; reasons: string[] }>();
    for (const k of blockingKeys(mine)) {
      for (const c of blocks.get(k) ?? []) {
        if (seen.has(c.e.personId)) continue;
        const s = scorePair(mine, c.p);
        seen.set(c.e.personId, { e: c.e, score: s.score, reasons: s.reasons });
      }
    }
    const ranked = [...seen.values()].filter((x) => x.score >= REVIEW_SCORE).sort((a, b) => b.score - a.score);
    if (ranked.length && ranked[0].score >= DEFAULT_THRESHOLD && (ranked.length === 1 || ranked[1].score < DEFAULT_THRESHOLD)) return { kind: 'matched', entry: ranked[0].e, by: 'similar' };
    if (ranked.length) return { kind: 'ambiguous', candidates: ranked.map((x) => x.e), by: 'similar', reasons: ranked[0].reasons };
    return { kind: 'none' };
  };
  return (r) => {
    const nid = normalizeNationalId(r.nationalId);
    const noConflict = (e: IndexEntry) => !nid || !e.nationalId || normalizeNationalId(e.nationalId) === nid;
    const decide = (list: IndexEntry[] | undefined, by: 'nid' | 'phone+name' | 'name+year'): MatchOutcome | null => {
      const ok = (list ?? []).filter(noConflict);
      if (ok.length === 1) return { kind: 'matched', entry: ok[0], by };
      // The same ID number (or phone and name) on several records is one person registered twice whose
      // records are not merged yet: the result goes to their first registration.
      if (ok.length > 1 && by !== 'name+year') return { kind: 'matched', entry: ok.reduce((a, b) => (b.registrationId < a.registrationId ? b : a)), by };
      if (ok.length > 1) return { kind: 'ambiguous', candidates: ok, by };
      return null;
    };
    const key = foldVietnamese(r.fullName);
    const phone = normalizePhone(r.phone);
    return (
      (nid ? decide(byId.get(nid), 'nid') : null) ??
      (phone ? decide(byPhoneName.get(`${phone}|${key}`), 'phone+name') : null) ??
      (r.birthYear ? decide(byNameYear.get(`${key}|${r.birthYear}`), 'name+year') : null) ??
      similar({ id: -r.row, fullName: r.fullName, gender: null, birthDate: r.birthYear ? String(r.birthYear) : null, nationalId: nid, phone })
    );
  };
}
