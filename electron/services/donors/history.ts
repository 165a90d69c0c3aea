import type { Reader } from '../../db/data';
import { q, sql, statement } from '../../db/query';
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

interface DeclRow { id: number; prior: number; as_of: string | null }

/**
 * Each declared count ("Số lần đã hiến máu" of a list) with the day it was true on: the earlier of
 * the list's own date and its campaign's first donation day (shared/domain/donation-count.ts).
 * `ids`: only these people (else everyone who declared a count).
 */
const declarations = (ids: readonly number[] | null) => sql<DeclRow>`SELECT p.id, p.prior_donations AS prior,
  (SELECT MIN(MIN(COALESCE(b.list_date, substr(b.created_at, 1, 10), substr(r.created_at, 1, 10)),
                  COALESCE((SELECT MIN(j.value) FROM json_each(c.donation_dates) j), '9999-12-31')))
     FROM registrations r LEFT JOIN import_batches b ON b.id = r.batch_id JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.person_id = p.id) AS as_of
  FROM people p WHERE p.prior_donations > 0${ids ? sql` AND p.id IN (${sql.join(ids)})` : sql``}`;

const allDeclarations = statement<void, DeclRow>(() => declarations(null));
const donatedDates = statement<void, { person_id: number; donated_on: string }>(() =>
  q.selectFrom('donations').select(['person_id', 'donated_on']).where('outcome', '=', 'donated'),
);

/**
 * Donations per surviving person: the donations recorded here and the counts the person declared
 * on their lists, added up by the one rule of tallyDonations (a declared count covers the donations
 * before its date; later recorded donations come on top).
 */
export function loadHistories(r: Reader, resolve = loadRootResolver(r)): Map<number, PersonHistory> {
  const dates = new Map<number, string[]>();
  for (const d of r.iterate(donatedDates)) {
    const root = resolve(d.person_id);
    const list = dates.get(root);
    if (list) list.push(d.donated_on);
    else dates.set(root, [d.donated_on]);
  }
  const decls = new Map<number, DeclaredCount[]>();
  for (const p of r.all(allDeclarations)) {
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
export function historyOf(r: Reader, root: number): PersonHistory {
  const ids = mergedFamily(r, root);
  const dates = r.column(q.selectFrom('donations').select('donated_on').where('outcome', '=', 'donated').where('person_id', 'in', ids));
  const decls = r.all(declarations(ids)).map((p) => ({
    count: p.prior,
    asOf: p.as_of && p.as_of !== '9999-12-31' ? p.as_of : null,
  }));
  const tally = tallyDonations(dates, decls);
  return { count: tally.total, last: dates.reduce<string | null>((m, d) => (!m || d > m ? d : m), null), tally };
}

export function nextEligible(last: string | null, intervalDays = DEFAULT_INTERVAL_DAYS): string | null {
  return last ? addDays(last, intervalDays) : null;
}
