import type { ServiceContext } from '../../context';
import { sql, statement } from '../../../db/query';
import { loadRootResolver } from '../../people/survivors';

/** One person of a campaign after merges, with the unit that got the credit and the other units that listed them. */
export interface CampaignPerson {
  /** The surviving person (people.merged_into followed to the end). */
  personId: number;
  /** The unit the person counts for: their first credited registration's (as the progress figures count), else their first registration's. */
  unitId: number | null;
  /** Other units whose lists also carried the person (registered by two organisations). */
  otherUnitIds: number[];
  /** Every unit credited for the person: one, or each listing unit under the rule "tính cho cả hai đơn vị". */
  creditedUnitIds: (number | null)[];
  /** Registered only on the donation day (a walk-in: no list row). */
  walkIn: boolean;
}

type RegRow = { id: number; person_id: number; unit_id: number | null; credited: number; batch_id: number | null; source_file: string | null; walk_in: number };

const campaignRegistrations = statement<{ campaignId: number }, RegRow>(
  (p) => sql<RegRow>`SELECT r.id, r.person_id, r.unit_id, r.credited, r.batch_id, r.source_file, (r.raw LIKE '%"walkIn":true%') AS walk_in FROM registrations r
       JOIN people p ON p.id = r.person_id
       LEFT JOIN import_batches b ON b.id = r.batch_id
       WHERE r.campaign_id = ${p.campaignId} AND r.status = 'active' AND p.deleted_at IS NULL AND (r.batch_id IS NULL OR b.status = 'committed')
       ORDER BY r.id`,
);

/**
 * The campaign's people after duplicates, under the same rules as the progress figures
 * (electron/services/progress/unit-results.ts): active registrations of committed lists, people not
 * deleted, each person taken to the survivor with `loadRootResolver` (people/survivors.ts).
 */
export function campaignPeople(ctx: ServiceContext, campaignId: number): Map<number, CampaignPerson> {
  const resolve = loadRootResolver(ctx);
  const rows = ctx.data.read.all(campaignRegistrations, { campaignId });
  const out = new Map<number, CampaignPerson & { credited: boolean; units: (number | null)[]; creditedUnits: (number | null)[] }>();
  for (const r of rows) {
    const root = resolve(r.person_id);
    let p = out.get(root);
    if (!p) out.set(root, (p = { personId: root, unitId: r.unit_id, otherUnitIds: [], creditedUnitIds: [], walkIn: true, credited: false, units: [], creditedUnits: [] }));
    if (r.credited && !p.credited) {
      p.credited = true;
      p.unitId = r.unit_id;
    }
    if (r.credited && !p.creditedUnits.includes(r.unit_id)) p.creditedUnits.push(r.unit_id);
    if (!p.units.includes(r.unit_id)) p.units.push(r.unit_id);
    // A walk-in's registration is written on the day (no list, marked walkIn by the check-in service).
    if (r.batch_id !== null || r.source_file !== null || !r.walk_in) p.walkIn = false;
  }
  const result = new Map<number, CampaignPerson>();
  for (const [root, p] of out) {
    result.set(root, {
      personId: root,
      unitId: p.unitId,
      otherUnitIds: p.units.filter((u): u is number => u !== null && u !== p.unitId),
      creditedUnitIds: p.creditedUnits.length ? p.creditedUnits : [p.unitId],
      walkIn: p.walkIn,
    });
  }
  return result;
}
