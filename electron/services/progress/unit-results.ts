import type Database from 'better-sqlite3';
import { loadRootResolver } from '../donors/person-roots';
import { localDate } from '../donors/dates';

export interface UnitResult {
  registered: number;
  afterDuplicates: number;
  donated: number;
  deferred: number;
}

export interface CampaignResults {
  byUnit: Map<number | null, UnitResult>;
  byDay: Map<string, number>;
}

const empty = (): UnitResult => ({ registered: 0, afterDuplicates: 0, donated: 0, deferred: 0 });

/**
 * The campaign's figures per unit, right under the duplicate rules:
 * - registered: active registration rows (of committed batches, of people not deleted);
 * - afterDuplicates: each surviving person (people.merged_into followed to the end) counted once,
 *   for the unit of their first credited registration — so units add up to the total;
 * - donated/deferred: donation rows, credited to the same unit as the person (or to the unit of the
 *   registration they were recorded against; walk-ins without a unit fall under null).
 * `rollup` maps a unit to the unit it is reported under (e.g. a village to its commune with a quota).
 */
export function campaignResults(sqlite: Database.Database, campaignId: number, rollup: (u: number | null) => number | null = (u) => u): CampaignResults {
  const resolve = loadRootResolver(sqlite);
  const byUnit = new Map<number | null, UnitResult>();
  const byDay = new Map<string, number>();
  const at = (u: number | null) => {
    let r = byUnit.get(u);
    if (!r) byUnit.set(u, (r = empty()));
    return r;
  };
  const regs = sqlite
    .prepare(
      `SELECT r.id, r.person_id, r.unit_id, r.credited, r.created_at FROM registrations r
       JOIN people p ON p.id = r.person_id
       LEFT JOIN import_batches b ON b.id = r.batch_id
       WHERE r.campaign_id = ? AND r.status = 'active' AND p.deleted_at IS NULL AND (b.id IS NULL OR b.status = 'committed')
       ORDER BY r.id`,
    )
    .all(campaignId) as { id: number; person_id: number; unit_id: number | null; credited: number; created_at: string }[];
  const unitOfPerson = new Map<number, number | null>();
  const regUnit = new Map<number, number | null>();
  for (const r of regs) {
    const u = rollup(r.unit_id);
    regUnit.set(r.id, u);
    at(u).registered++;
    if (r.credited) {
      const root = resolve(r.person_id);
      if (!unitOfPerson.has(root)) {
        unitOfPerson.set(root, u);
        at(u).afterDuplicates++;
      }
    }
    const day = localDate(new Date(r.created_at));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const dons = sqlite.prepare('SELECT person_id, registration_id, outcome FROM donations WHERE campaign_id = ?').all(campaignId) as {
    person_id: number;
    registration_id: number | null;
    outcome: 'donated' | 'deferred';
  }[];
  for (const d of dons) {
    const root = resolve(d.person_id);
    const u = unitOfPerson.has(root) ? unitOfPerson.get(root)! : d.registration_id !== null && regUnit.has(d.registration_id) ? regUnit.get(d.registration_id)! : null;
    at(u)[d.outcome]++;
  }
  return { byUnit, byDay };
}

/** Per-unit results without rollup (for proposals from an earlier campaign). */
export function unitResults(sqlite: Database.Database, campaignId: number): Map<number | null, UnitResult> {
  return campaignResults(sqlite, campaignId).byUnit;
}
