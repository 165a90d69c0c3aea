import { sql } from 'kysely';
import type { ServiceContext } from '../../context';
import { compareVietnamese, compareVietnameseNames } from '../../../../shared/domain/text';

/** The unit a donation counts for: its registration's, else the person's registration in the campaign, else home unit. */
const DONATION_UNIT = sql`COALESCE(
  (SELECT r.unit_id FROM registrations r WHERE r.id = d.registration_id),
  (SELECT r.unit_id FROM registrations r WHERE r.person_id = d.person_id AND r.campaign_id = d.campaign_id AND r.status = 'active' ORDER BY r.credited DESC, r.id LIMIT 1),
  p.home_unit_id)`;

export interface DonorLine {
  donationId: number;
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  nationalId: string | null;
  address: string | null;
  unitId: number | null;
  unitName: string;
  unitOrder: number;
  volumeMl: number | null;
  donatedOn: string;
  facility: string | null;
}

/** Everyone who donated in the campaign, by unit order then the Vietnamese name order. */
export async function donatedInCampaign(ctx: ServiceContext, campaignId: number): Promise<DonorLine[]> {
  const { rows } = await sql<{
    donation_id: number; person_id: number; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; national_id: string | null;
    address: string | null; unit_id: number | null; unit_name: string | null; unit_order: number | null; volume_ml: number | null; donated_on: string; facility: string | null;
  }>`
    SELECT x.*, u.name AS unit_name, u.sort_order AS unit_order FROM (
      SELECT d.id AS donation_id, p.id AS person_id, p.full_name, p.gender, p.birth_date, p.national_id, p.address,
             d.volume_ml, d.donated_on, d.facility, ${DONATION_UNIT} AS unit_id
      FROM donations d JOIN people p ON p.id = d.person_id
      WHERE d.campaign_id = ${campaignId} AND d.outcome = 'donated' AND p.deleted_at IS NULL
    ) x LEFT JOIN units u ON u.id = x.unit_id`.execute(ctx.db);
  const lines = rows.map((r) => ({
    donationId: r.donation_id, personId: r.person_id, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date, nationalId: r.national_id,
    address: r.address, unitId: r.unit_id, unitName: r.unit_name ?? '', unitOrder: r.unit_order ?? Number.MAX_SAFE_INTEGER, volumeMl: r.volume_ml,
    donatedOn: r.donated_on, facility: r.facility,
  }));
  return lines.sort((a, b) => a.unitOrder - b.unitOrder || compareVietnamese(a.unitName, b.unitName) || compareVietnameseNames(a.fullName, b.fullName) || a.donationId - b.donationId);
}

export interface RegistrantLine {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  workplace: string | null;
  unitId: number | null;
  unitName: string;
  unitOrder: number;
}

/** Active registrations of the campaign (one line per registration), optionally one unit only. */
export async function registrantsInCampaign(ctx: ServiceContext, campaignId: number, unitId?: number): Promise<RegistrantLine[]> {
  let q = ctx.db
    .selectFrom('registrations as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['p.id as personId', 'p.full_name as fullName', 'p.gender', 'p.birth_date as birthDate', 'p.phone', 'p.address', 'p.workplace', 'r.unit_id as unitId', 'u.name as unitName', 'u.sort_order as unitOrder'])
    .where('r.campaign_id', '=', campaignId)
    .where('r.status', '=', 'active')
    .where('p.deleted_at', 'is', null);
  if (unitId !== undefined) q = q.where('r.unit_id', '=', unitId);
  const rows = await q.execute();
  return rows
    .map((r) => ({ ...r, unitName: r.unitName ?? '', unitOrder: r.unitOrder ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.unitOrder - b.unitOrder || compareVietnamese(a.unitName, b.unitName) || compareVietnameseNames(a.fullName, b.fullName));
}

export interface EligibleDonor {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  phone: string | null;
  unitId: number | null;
  unitName: string;
  lastDonatedOn: string;
  donationCount: number;
}

/** People who donated before and may donate again on `onDate` (the interval has passed), by home unit. */
export async function eligibleAgainDonors(ctx: ServiceContext, onDate: string, minIntervalDays: number, unitId?: number): Promise<EligibleDonor[]> {
  const { rows } = await sql<{ person_id: number; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; phone: string | null; unit_id: number | null; unit_name: string | null; last_on: string; n: number }>`
    SELECT p.id AS person_id, p.full_name, p.gender, p.birth_date, p.phone, p.home_unit_id AS unit_id, u.name AS unit_name,
           MAX(d.donated_on) AS last_on, COUNT(*) + COALESCE(p.prior_donations, 0) AS n
    FROM donations d JOIN people p ON p.id = d.person_id LEFT JOIN units u ON u.id = p.home_unit_id
    WHERE d.outcome = 'donated' AND p.deleted_at IS NULL AND p.merged_into IS NULL AND d.donated_on < ${onDate}
    GROUP BY p.id
    HAVING julianday(${onDate}) - julianday(MAX(d.donated_on)) >= ${minIntervalDays}`.execute(ctx.db);
  return rows
    .filter((r) => unitId === undefined || r.unit_id === unitId)
    .map((r) => ({ personId: r.person_id, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date, phone: r.phone, unitId: r.unit_id, unitName: r.unit_name ?? '', lastDonatedOn: r.last_on, donationCount: r.n }))
    .sort((a, b) => compareVietnamese(a.unitName, b.unitName) || compareVietnameseNames(a.fullName, b.fullName));
}
