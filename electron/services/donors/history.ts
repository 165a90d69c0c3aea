import type Database from 'better-sqlite3';
import { CAMPAIGN_RULE_DEFAULTS } from '../../../shared/domain/campaign-defaults';
import { addDays } from './dates';
import { loadRootResolver, mergedFamily } from '../people/survivors';
import { tallyDonations, type DeclaredCount, type DonationTally } from '../../../shared/domain/donation-count';

export interface PersonHistory {
  count: number;
  last: string | null;
  /** How the count was reached (declared + recorded), for the person's page. */
  tally: DonationTally;
}

export const DEFAULT_INTERVAL_DAYS: number = CAMPAIGN_RULE_DEFAULTS.minIntervalDays;

/**
 * Each declared count ("Số lần đã hiến máu" of a list) with the day it was true on: the earlier of
 * the list's own date and its campaign's first donation day (shared/domain/donation-count.ts).
 */
const DECLARATIONS_SQL = `SELECT p.id, p.prior_donations AS prior,
  (SELECT MIN(MIN(COALESCE(b.list_date, substr(b.created_at, 1, 10), substr(r.created_at, 1, 10)),
                  COALESCE((SELECT MIN(j.value) FROM json_each(c.donation_dates) j), '9999-12-31')))
     FROM registrations r LEFT JOIN import_batches b ON b.id = r.batch_id JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.person_id = p.id) AS as_of
  FROM people p WHERE p.prior_donations > 0`;

interface DeclRow { id: number; prior: number; as_of: string | null }

/**
 * Donations per surviving person: the donations recorded here and the counts the person declared
 * on their lists, added up by the one rule of tallyDonations (a declared count covers the donations
 * before its date; later recorded donations come on top).
 */
export function loadHistories(sqlite: Database.Database, resolve = loadRootResolver(sqlite)): Map<number, PersonHistory> {
  const dates = new Map<number, string[]>();
  for (const r of sqlite.prepare("SELECT person_id, donated_on FROM donations WHERE outcome = 'donated'").iterate() as IterableIterator<{ person_id: number; donated_on: string }>) {
    const root = resolve(r.person_id);
    const list = dates.get(root);
    if (list) list.push(r.donated_on);
    else dates.set(root, [r.donated_on]);
  }
  const decls = new Map<number, DeclaredCount[]>();
  for (const p of sqlite.prepare(DECLARATIONS_SQL).all() as DeclRow[]) {
    const root = resolve(p.id);
    const d = { count: p.prior, asOf: p.as_of && p.as_of !== '9999-12-31' ? p.as_of : null };
    const list = decls.get(root);
    if (list) list.push(d);
    else decls.set(root, [d]);
  }
  const out = new Map<number, PersonHistory>();
  for (const root of new Set([...dates.keys(), ...decls.keys()])) {
    const ds = dates.get(root) ?? [];
    const tally = tallyDonations(ds, decls.get(root) ?? []);
    out.set(root, { count: tally.total, last: ds.reduce<string | null>((m, d) => (!m || d > m ? d : m), null), tally });
  }
  return out;
}

/** One person's history, their merged records included. */
export function historyOf(sqlite: Database.Database, root: number): PersonHistory {
  const ids = mergedFamily(sqlite, root);
  const ph = ids.map(() => '?').join(',');
  const dates = (sqlite.prepare(`SELECT donated_on FROM donations WHERE outcome = 'donated' AND person_id IN (${ph})`).all(...ids) as { donated_on: string }[]).map((d) => d.donated_on);
  const decls = (sqlite.prepare(`${DECLARATIONS_SQL} AND p.id IN (${ph})`).all(...ids) as DeclRow[]).map((p) => ({
    count: p.prior,
    asOf: p.as_of && p.as_of !== '9999-12-31' ? p.as_of : null,
  }));
  const tally = tallyDonations(dates, decls);
  return { count: tally.total, last: dates.reduce<string | null>((m, d) => (!m || d > m ? d : m), null), tally };
}

export function nextEligible(last: string | null, intervalDays = DEFAULT_INTERVAL_DAYS): string | null {
  return last ? addDays(last, intervalDays) : null;
}
