import type { ServiceContext } from '../context';
import type { PersonPage } from '../../../shared/ipc/channels/donors';
import { AppError } from '../../../shared/errors/app-error';
import { historyOf, nextEligible } from './history';
import { loadRootResolver, mergedFamily } from '../people/survivors';
import { getReserveSet } from './reserve';
import { describeTally } from '../../../shared/domain/donation-count';

/** A person's page: identity, contacts, units, donations, certificates, honours — merged records included. */
export function getPersonPage(ctx: ServiceContext, id: number): PersonPage {
  const sqlite = ctx.sqlite;
  const root = loadRootResolver(ctx)(id);
  const p = sqlite.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NULL').get(root) as
    | { id: number; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; national_id: string | null; phone: string | null; address: string | null; workplace: string | null; blood_group: string | null; prior_donations: number | null }
    | undefined;
  if (!p) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá theo yêu cầu). Hãy tải lại danh sách.');
  const family = mergedFamily(ctx, root);
  const ph = family.map(() => '?').join(',');
  const units = sqlite
    .prepare(
      `SELECT r.unit_id, COALESCE(u.name, 'Hiến tại chỗ') AS unit_name, c.id AS campaign_id, c.name AS campaign_name, r.credited
       FROM registrations r JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN units u ON u.id = r.unit_id
       WHERE r.person_id IN (${ph}) AND r.status = 'active' ORDER BY r.id DESC`,
    )
    .all(...family) as { unit_id: number | null; unit_name: string; campaign_id: number; campaign_name: string; credited: number }[];
  const donations = sqlite
    .prepare(
      `SELECT d.id, d.donated_on, c.name AS campaign_name, d.outcome, d.volume_ml, d.facility,
         (SELECT reason FROM deferrals f WHERE f.donation_id = d.id ORDER BY f.id DESC LIMIT 1) AS reason
       FROM donations d LEFT JOIN campaigns c ON c.id = d.campaign_id WHERE d.person_id IN (${ph}) ORDER BY d.donated_on DESC, d.id DESC`,
    )
    .all(...family) as { id: number; donated_on: string; campaign_name: string | null; outcome: 'donated' | 'deferred'; volume_ml: number | null; facility: string | null; reason: string | null }[];
  const certificates = sqlite
    .prepare(`SELECT s.serial, s.issued_on, s.status, c.name AS campaign_name FROM certificate_serials s LEFT JOIN campaigns c ON c.id = s.campaign_id WHERE s.person_id IN (${ph}) ORDER BY s.issued_on DESC, s.id DESC`)
    .all(...family) as { serial: string; issued_on: string; status: 'issued' | 'void'; campaign_name: string | null }[];
  const honours = sqlite.prepare(`SELECT milestone, proposed_on, awarded_on FROM honours WHERE person_id IN (${ph}) ORDER BY milestone`).all(...family) as {
    milestone: number; proposed_on: string | null; awarded_on: string | null;
  }[];
  const h = historyOf(sqlite, root);
  return {
    id: p.id,
    fullName: p.full_name,
    gender: p.gender,
    birthDate: p.birth_date,
    nationalId: p.national_id,
    phone: p.phone,
    address: p.address,
    workplace: p.workplace,
    bloodGroup: p.blood_group,
    priorDonations: p.prior_donations,
    reserve: getReserveSet(sqlite).has(p.id),
    mergedIds: family.filter((f) => f !== root),
    units: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, campaignId: u.campaign_id, campaignName: u.campaign_name, credited: u.credited === 1 })),
    donations: donations.map((d) => ({ id: d.id, date: d.donated_on, campaignName: d.campaign_name, outcome: d.outcome, volumeMl: d.volume_ml, facility: d.facility, deferralReason: d.reason })),
    certificates: certificates.map((c) => ({ serial: c.serial, issuedOn: c.issued_on, status: c.status, campaignName: c.campaign_name })),
    honours: honours.map((x) => ({ milestone: x.milestone, proposedOn: x.proposed_on, awardedOn: x.awarded_on })),
    donationCount: h.count,
    countExplained: describeTally(h.tally),
    lastDonation: h.last,
    nextEligible: nextEligible(h.last),
  };
}
