import type Database from 'better-sqlite3';
import { addDays } from './dates';
import { loadRootResolver, mergedFamily } from './person-roots';

export interface PersonHistory {
  count: number;
  last: string | null;
}

export const DEFAULT_INTERVAL_DAYS = 84;

/**
 * Donations per surviving person. The count is the donations recorded here, or, when the person's
 * list stated an earlier count ("Số lần đã hiến máu"), that count plus the donations recorded since
 * their latest registration — whichever is larger, so a stated count is not added twice.
 */
export function loadHistories(sqlite: Database.Database, resolve = loadRootResolver(sqlite)): Map<number, PersonHistory> {
  const out = new Map<number, PersonHistory & { dates: string[] }>();
  for (const r of sqlite.prepare("SELECT person_id, donated_on FROM donations WHERE outcome = 'donated'").iterate() as IterableIterator<{ person_id: number; donated_on: string }>) {
    const root = resolve(r.person_id);
    let h = out.get(root);
    if (!h) out.set(root, (h = { count: 0, last: null, dates: [] }));
    h.count++;
    h.dates.push(r.donated_on);
    if (!h.last || r.donated_on > h.last) h.last = r.donated_on;
  }
  const prior = sqlite
    .prepare(
      `SELECT p.id, p.prior_donations AS prior, (SELECT MAX(substr(created_at, 1, 10)) FROM registrations r WHERE r.person_id = p.id) AS since
       FROM people p WHERE p.prior_donations > 0`,
    )
    .all() as { id: number; prior: number; since: string | null }[];
  for (const p of prior) {
    const root = resolve(p.id);
    let h = out.get(root);
    if (!h) out.set(root, (h = { count: 0, last: null, dates: [] }));
    const after = p.since ? h.dates.filter((d) => d >= p.since!).length : 0;
    h.count = Math.max(h.count, p.prior + after);
  }
  return new Map([...out].map(([k, v]) => [k, { count: v.count, last: v.last }]));
}

/** One person's history, their merged records included. */
export function historyOf(sqlite: Database.Database, root: number): PersonHistory {
  const ids = mergedFamily(sqlite, root);
  const ph = ids.map(() => '?').join(',');
  const dates = (sqlite.prepare(`SELECT donated_on FROM donations WHERE outcome = 'donated' AND person_id IN (${ph})`).all(...ids) as { donated_on: string }[]).map((d) => d.donated_on);
  let count = dates.length;
  const last = dates.reduce<string | null>((m, d) => (!m || d > m ? d : m), null);
  const prior = sqlite
    .prepare(`SELECT p.prior_donations AS prior, (SELECT MAX(substr(created_at, 1, 10)) FROM registrations r WHERE r.person_id = p.id) AS since FROM people p WHERE p.id IN (${ph}) AND p.prior_donations > 0`)
    .all(...ids) as { prior: number; since: string | null }[];
  for (const p of prior) count = Math.max(count, p.prior + (p.since ? dates.filter((d) => d >= p.since!).length : 0));
  return { count, last };
}

export function nextEligible(last: string | null, intervalDays = DEFAULT_INTERVAL_DAYS): string | null {
  return last ? addDays(last, intervalDays) : null;
}
