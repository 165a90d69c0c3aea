import type { Reader } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import { loadRootResolver } from '../people/survivors';
import { localDate } from '../donors/dates';
import { getCreditRule } from '../duplicates/credit';

export interface UnitResult {
  registered: number;
  afterDuplicates: number;
  donated: number;
  deferred: number;
  /** Millilitres of the donated rows (0 when the volume was not recorded). */
  volumeMl: number;
}

export interface CampaignResults {
  byUnit: Map<number | null, UnitResult>;
  /** Registrations received per local day, per (rolled-up) unit. */
  byDay: Map<number | null, Map<string, number>>;
  /** Donated / deferred per calendar month (1–12) of the donation day, per (rolled-up) unit. */
  byMonth: Map<number | null, Map<number, { donated: number; deferred: number }>>;
}

const dayCache = new Map<string, string>();
/** Local calendar day of an ISO timestamp (cached: a list's rows share a few timestamps). */
function dayOf(iso: string): string {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = localDate(new Date(iso));
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}

type RegRow = { id: number; person_id: number; unit_id: number | null; batch_id: number | null; credited: number; created_at: string };
type DonRow = { donated_on: string | null; person_id: number; registration_id: number | null; outcome: 'donated' | 'deferred'; volume_ml: number | null };

const deletedPeople = statement<void, { id: number }>(() => q.selectFrom('people').select('id').where('deleted_at', 'is not', null));
const deadBatchesOf = statement<{ campaignId: number }, { id: number }>(
  (p) => sql<{ id: number }>`SELECT id FROM import_batches WHERE campaign_id = ${p.campaignId} AND status != 'committed'`,
);
const activeRegistrations = statement<{ campaignId: number }, RegRow>(
  (p) => sql<RegRow>`SELECT id, person_id, unit_id, batch_id, credited, created_at FROM registrations WHERE campaign_id = ${p.campaignId} AND status = 'active' ORDER BY id`,
);
const campaignDonations = statement<{ campaignId: number }, DonRow>((p) =>
  q.selectFrom('donations').select(['person_id', 'registration_id', 'outcome', 'volume_ml', 'donated_on']).where('campaign_id', '=', p.campaignId),
);

const empty = (): UnitResult => ({ registered: 0, afterDuplicates: 0, donated: 0, deferred: 0, volumeMl: 0 });

/**
 * The campaign's figures per unit, right under the duplicate rules:
 * - registered: active registration rows (of committed batches, of people not deleted);
 * - afterDuplicates: each surviving person (people.merged_into followed to the end) counted once,
 *   for the unit of their first credited registration — so units add up to the total (under the
 *   office's rule "tính cho cả hai đơn vị", once for each unit that lists them);
 * - donated/deferred: donation rows, credited to the same unit as the person (or to the unit of the
 *   registration they were recorded against; walk-ins without a unit fall under null).
 * `rollup` maps a unit to the unit it is reported under (e.g. a village to its commune with a quota).
 */
export function campaignResults(read: Reader, campaignId: number, rollup: (u: number | null) => number | null = (u) => u): CampaignResults {
  const resolve = loadRootResolver(read);
  const byUnit = new Map<number | null, UnitResult>();
  const byDay = new Map<number | null, Map<string, number>>();
  const at = (u: number | null) => {
    let r = byUnit.get(u);
    if (!r) byUnit.set(u, (r = empty()));
    return r;
  };
  // People deleted on request and lists that were undone are few: read them apart instead of joining every row.
  const deleted = new Set(read.column(deletedPeople));
  const deadBatches = new Set(read.column(deadBatchesOf, { campaignId }));
  const regs = read.all(activeRegistrations, { campaignId }).filter((x) => !deleted.has(x.person_id) && (x.batch_id === null || !deadBatches.has(x.batch_id)));
  const unitOfPerson = new Map<number, number | null>();
  const countedFor = new Set<string>();
  const bothUnits = getCreditRule(read) === 'both_units';
  const regUnit = new Map<number, number | null>();
  for (const x of regs) {
    const u = rollup(x.unit_id);
    regUnit.set(x.id, u);
    at(u).registered++;
    if (x.credited) {
      const root = resolve(x.person_id);
      // once per person; under "tính cho cả hai đơn vị" once per person and unit (credit.ts credits each list)
      const key = bothUnits ? `${root}|${u}` : String(root);
      if (!countedFor.has(key)) {
        countedFor.add(key);
        at(u).afterDuplicates++;
      }
      if (!unitOfPerson.has(root)) unitOfPerson.set(root, u);
    }
    const day = dayOf(x.created_at);
    let days = byDay.get(u);
    if (!days) byDay.set(u, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const byMonth: CampaignResults['byMonth'] = new Map();
  const dons = read.all(campaignDonations, { campaignId });
  for (const d of dons) {
    const root = resolve(d.person_id);
    const u = unitOfPerson.has(root) ? unitOfPerson.get(root)! : d.registration_id !== null && regUnit.has(d.registration_id) ? regUnit.get(d.registration_id)! : null;
    at(u)[d.outcome]++;
    const month = d.donated_on ? Number(d.donated_on.slice(5, 7)) : 0;
    if (month >= 1 && month <= 12) {
      let months = byMonth.get(u);
      if (!months) byMonth.set(u, (months = new Map()));
      const m = months.get(month) ?? { donated: 0, deferred: 0 };
      m[d.outcome]++;
      months.set(month, m);
    }
    if (d.outcome === 'donated') at(u).volumeMl += d.volume_ml ?? 0;
  }
  return { byUnit, byDay, byMonth };
}

/** Per-unit results without rollup (for proposals from an earlier campaign). */
export function unitResults(r: Reader, campaignId: number): Map<number | null, UnitResult> {
  return campaignResults(r, campaignId).byUnit;
}
