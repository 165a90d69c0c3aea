import { sql } from 'kysely';
import type { ServiceContext } from '../../context';
import { getSetting } from '../../settings/settings';
import { compareVietnameseNames } from '../../../../shared/domain/text';

/** Milestones are a setting ('honours' → { milestones }); these are the usual ones. */
export const DEFAULT_MILESTONES = [5, 10, 15, 20, 30, 40, 50];

export async function honourMilestones(ctx: ServiceContext): Promise<number[]> {
  const s = await getSetting<{ milestones?: number[] }>(ctx.db, 'honours');
  const m = s?.milestones?.filter((n) => Number.isInteger(n) && n > 0);
  return m && m.length ? [...m].sort((a, b) => a - b) : DEFAULT_MILESTONES;
}

export interface MilestonePerson {
  personId: number;
  fullName: string;
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  address: string | null;
  unitName: string;
  /** Donations in total (declared earlier ones + recorded ones up to this campaign). */
  total: number;
  milestone: number;
}

/**
 * People whose donation count crossed a milestone with a donation of this campaign:
 * total before the campaign < milestone ≤ total after it. The highest crossed milestone is kept.
 */
export async function milestonesReached(ctx: ServiceContext, campaignId: number): Promise<MilestonePerson[]> {
  const milestones = await honourMilestones(ctx);
  const { rows } = await sql<{ person_id: number; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; address: string | null; unit_name: string | null; total: number; in_campaign: number }>`
    WITH camp AS (
      SELECT person_id, COUNT(*) AS n, MAX(donated_on) AS last_on FROM donations
      WHERE campaign_id = ${campaignId} AND outcome = 'donated' GROUP BY person_id
    )
    SELECT p.id AS person_id, p.full_name, p.gender, p.birth_date, p.address,
      (SELECT u.name FROM registrations r JOIN units u ON u.id = r.unit_id WHERE r.person_id = p.id AND r.campaign_id = ${campaignId} AND r.status = 'active' ORDER BY r.credited DESC LIMIT 1) AS unit_name,
      COALESCE(p.prior_donations, 0) + (SELECT COUNT(*) FROM donations d WHERE d.person_id = p.id AND d.outcome = 'donated' AND d.donated_on <= camp.last_on) AS total,
      camp.n AS in_campaign
    FROM camp JOIN people p ON p.id = camp.person_id WHERE p.deleted_at IS NULL`.execute(ctx.db);
  const out: MilestonePerson[] = [];
  for (const r of rows) {
    const before = r.total - r.in_campaign;
    const crossed = milestones.filter((m) => before < m && m <= r.total);
    if (!crossed.length) continue;
    out.push({ personId: r.person_id, fullName: r.full_name, gender: r.gender, birthDate: r.birth_date, address: r.address, unitName: r.unit_name ?? '', total: r.total, milestone: crossed[crossed.length - 1] });
  }
  return out.sort((a, b) => b.milestone - a.milestone || compareVietnameseNames(a.fullName, b.fullName));
}
