import type { ServiceContext } from '../../context';
import type { Reader } from '../../../db/data';
import { q, sql, statement } from '../../../db/query';
import { compareVietnameseNames, compareVietnameseText } from '../../../../shared/domain/names';
import { loadRootResolver } from '../../people/survivors';
import { campaignPeople } from './campaign-people';
import { eligibleDonors } from '../../donors/lists';
import { registry } from '../../donors/registry-index';

/** Printed where a walk-in has no unit (signature list, certificates). */
export const WALK_IN_UNIT = 'Hiến tại chỗ';

interface UnitInfo {
  name: string;
  order: number;
}

const unitRows = statement<void, { id: number; name: string; sort_order: number }>(() => q.selectFrom('units').select(['id', 'name', 'sort_order']));

function unitMap(r: Reader): Map<number, UnitInfo> {
  return new Map(r.all(unitRows).map((u) => [u.id, { name: u.name, order: u.sort_order }]));
}

/** Units in their order, then by name; lines without a unit last. */
export function compareUnits(a: { unitOrder: number; unitName: string; unitId: number | null }, b: { unitOrder: number; unitName: string; unitId: number | null }): number {
  const na = a.unitId === null ? 1 : 0;
  const nb = b.unitId === null ? 1 : 0;
  return na - nb || a.unitOrder - b.unitOrder || compareVietnameseText(a.unitName, b.unitName) || (a.unitId ?? 0) - (b.unitId ?? 0);
}

export interface DonorLine {
  donationId: number;
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  nationalId: string | null;
  address: string | null;
  unitId: number | null;
  /** The unit's name; "Hiến tại chỗ" for a walk-in without a unit. */
  unitName: string;
  unitOrder: number;
  volumeMl: number | null;
  donatedOn: string;
  facility: string | null;
  walkIn: boolean;
}

type DonatedRow = { donation_id: number; person_id: number; volume_ml: number | null; donated_on: string; facility: string | null; reg_unit: number | null };
const donatedRows = statement<{ campaignId: number }, DonatedRow>(
  (p) => sql<DonatedRow>`
    SELECT d.id AS donation_id, d.person_id, d.volume_ml, d.donated_on, d.facility,
           (SELECT r.unit_id FROM registrations r WHERE r.id = d.registration_id) AS reg_unit
    FROM donations d WHERE d.campaign_id = ${p.campaignId} AND d.outcome = 'donated'`,
);

/**
 * Everyone who donated in the campaign (one line per donation, people after merges), by unit order
 * then the Vietnamese name order. A donation counts for the unit the person is credited to, else
 * the unit of the registration it was recorded against — the progress figures' rule.
 */
export async function donatedInCampaign(ctx: ServiceContext, campaignId: number): Promise<DonorLine[]> {
  const resolve = loadRootResolver(ctx);
  const people = campaignPeople(ctx, campaignId);
  const units = unitMap(ctx.data.read);
  const rows = ctx.data.read.all(donatedRows, { campaignId });
  const roots = [...new Set(rows.map((r) => resolve(r.person_id)))];
  const persons = personRows(ctx.data.read, roots);
  const lines: DonorLine[] = [];
  for (const r of rows) {
    const root = resolve(r.person_id);
    const p = persons.get(root);
    if (!p) continue; // deleted on request
    const cp = people.get(root);
    const unitId = cp ? cp.unitId : r.reg_unit;
    const u = unitId !== null ? units.get(unitId) : undefined;
    lines.push({
      donationId: r.donation_id, personId: root, fullName: p.full_name, gender: p.gender, birthDate: p.birth_date, nationalId: p.national_id,
      address: p.address, unitId: u ? unitId : null, unitName: u?.name ?? WALK_IN_UNIT, unitOrder: u?.order ?? Number.MAX_SAFE_INTEGER,
      volumeMl: r.volume_ml, donatedOn: r.donated_on, facility: r.facility, walkIn: cp ? cp.walkIn : true,
    });
  }
  return lines.sort((a, b) => compareUnits(a, b) || compareVietnameseNames(a.fullName, b.fullName) || a.donationId - b.donationId);
}

interface PersonRow {
  id: number; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; national_id: string | null; phone: string | null;
  address: string | null; workplace: string | null;
}

function personRows(r: Reader, ids: number[]): Map<number, PersonRow> {
  const out = new Map<number, PersonRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (!chunk.length) continue;
    const rows = r.all(
      q.selectFrom('people').select(['id', 'full_name', 'gender', 'birth_date', 'national_id', 'phone', 'address', 'workplace']).where('id', 'in', chunk).where('deleted_at', 'is', null),
    );
    for (const x of rows) out.set(x.id, x);
  }
  return out;
}

export interface RegistrantLine {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  workplace: string | null;
  /** The unit that got the credit for the person (the line's unit). */
  unitId: number | null;
  unitName: string;
  unitOrder: number;
  /** Other units whose lists also carried the person. */
  alsoRegisteredAt: string[];
  /** Those other units count the person too (the office's rule "tính cho cả hai đơn vị"). */
  creditShared: boolean;
  walkIn: boolean;
}

/**
 * The campaign's registrants after merges, with the other units that also listed them; optionally one
 * unit only. One line per person under the unit that got the credit — or, with `eachCreditedUnit`
 * (lists for units) under the rule "tính cho cả hai đơn vị", one line in each unit that counts them,
 * so each unit's list adds up to its progress figure.
 */
export async function registrantsInCampaign(
  ctx: ServiceContext,
  campaignId: number,
  unitId?: number,
  opts: { includeWalkIns?: boolean; eachCreditedUnit?: boolean } = {},
): Promise<RegistrantLine[]> {
  const people = [...campaignPeople(ctx, campaignId).values()].filter((p) => opts.includeWalkIns !== false || !p.walkIn);
  const units = unitMap(ctx.data.read);
  const persons = personRows(ctx.data.read, people.map((p) => p.personId));
  const lines: RegistrantLine[] = [];
  for (const cp of people) {
    const p = persons.get(cp.personId);
    if (!p) continue;
    const shared = cp.creditedUnitIds.length > 1;
    const lineUnits = opts.eachCreditedUnit ? cp.creditedUnitIds : [cp.unitId];
    const listed = [...new Set([...cp.creditedUnitIds, cp.unitId, ...cp.otherUnitIds])];
    for (const lu of lineUnits) {
      if (unitId !== undefined && lu !== unitId) continue;
      const u = lu !== null ? units.get(lu) : undefined;
      lines.push({
        personId: p.id, fullName: p.full_name, gender: p.gender, birthDate: p.birth_date, phone: p.phone, address: p.address, workplace: p.workplace,
        unitId: u ? lu : null, unitName: u?.name ?? '', unitOrder: u?.order ?? Number.MAX_SAFE_INTEGER,
        alsoRegisteredAt: listed.filter((id): id is number => id !== null && id !== lu).map((id) => units.get(id)?.name).filter((n): n is string => !!n),
        creditShared: shared,
        walkIn: cp.walkIn,
      });
    }
  }
  return lines.sort((a, b) => compareUnits(a, b) || compareVietnameseNames(a.fullName, b.fullName) || a.personId - b.personId);
}

export interface EligibleDonor {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  unitId: number | null;
  unitName: string;
  unitOrder: number;
  lastDonatedOn: string;
  /** Donations in total by the one counting rule (shared/domain/donation-count.ts), as the Donors tab shows it. */
  donationCount: number;
}

/**
 * People who may donate again on a day: the Donors tab's rule (donors/lists.ts eligibleDonors — the
 * campaign's interval and age limits, judged on `asOf`, by default the campaign's next donation day
 * or today), grouped by unit (units in their order, no unit last), the Vietnamese name order inside.
 */
export async function eligibleAgainDonors(
  ctx: ServiceContext,
  args: { campaignId: number; unitId?: number; asOf?: string | null },
): Promise<{ asOf: string; donors: EligibleDonor[] }> {
  const { asOf, items } = await eligibleDonors(ctx, { campaignId: args.campaignId, unitId: args.unitId ?? null, asOf: args.asOf ?? null });
  const unitOf = new Map(registry(ctx).map((p) => [p.id, p.unitId]));
  const units = unitMap(ctx.data.read);
  const donors: EligibleDonor[] = items.map((p) => {
    const unitId = unitOf.get(p.id) ?? null;
    const u = unitId !== null ? units.get(unitId) : undefined;
    return {
      personId: p.id, fullName: p.fullName, gender: p.gender, birthDate: p.birthDate, phone: p.phone, unitId: u ? unitId : null,
      unitName: u?.name ?? '', unitOrder: u?.order ?? Number.MAX_SAFE_INTEGER, lastDonatedOn: p.lastDonation ?? '', donationCount: p.donationCount,
    };
  });
  return { asOf, donors: donors.sort((a, b) => compareUnits(a, b) || compareVietnameseNames(a.fullName, b.fullName) || a.personId - b.personId) };
}
