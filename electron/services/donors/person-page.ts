import type { ServiceContext } from '../context';
import type { PersonPage } from '../../../shared/ipc/channels/donors';
import { q, sql } from '../../db/query';
import { AppError } from '../../../shared/errors/app-error';
import { historyOf, nextEligible } from './history';
import { loadRootResolver, mergedFamily } from '../people/survivors';
import { getReserveSet } from './reserve';
import { describeTally } from '../../../shared/domain/donation-count';

/** A person's page: identity, contacts, units, donations, certificates, honours — merged records included. */
export function getPersonPage(ctx: ServiceContext, id: number): PersonPage {
  const read = ctx.data.read;
  const root = loadRootResolver(ctx)(id);
  const p = read.get(q.selectFrom('people').selectAll().where('id', '=', root).where('deleted_at', 'is', null));
  if (!p) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá theo yêu cầu). Hãy tải lại danh sách.');
  const family = mergedFamily(ctx, root);
  const ids = sql.join(family);
  const units = read.all(
    sql<{ unit_id: number | null; unit_name: string; campaign_id: number; campaign_name: string; credited: number }>`SELECT r.unit_id, COALESCE(u.name, 'Hiến tại chỗ') AS unit_name, c.id AS campaign_id, c.name AS campaign_name, r.credited
       FROM registrations r JOIN campaigns c ON c.id = r.campaign_id LEFT JOIN units u ON u.id = r.unit_id
       WHERE r.person_id IN (${ids}) AND r.status = 'active' ORDER BY r.id DESC`,
  );
  const donations = read.all(
    sql<{ id: number; donated_on: string; campaign_name: string | null; outcome: 'donated' | 'deferred'; volume_ml: number | null; facility: string | null; reason: string | null }>`SELECT d.id, d.donated_on, c.name AS campaign_name, d.outcome, d.volume_ml, d.facility,
         (SELECT reason FROM deferrals f WHERE f.donation_id = d.id ORDER BY f.id DESC LIMIT 1) AS reason
       FROM donations d LEFT JOIN campaigns c ON c.id = d.campaign_id WHERE d.person_id IN (${ids}) ORDER BY d.donated_on DESC, d.id DESC`,
  );
  const certificates = read.all(
    sql<{ serial: string; issued_on: string; status: 'issued' | 'void'; campaign_name: string | null }>`SELECT s.serial, s.issued_on, s.status, c.name AS campaign_name FROM certificate_serials s LEFT JOIN campaigns c ON c.id = s.campaign_id WHERE s.person_id IN (${ids}) ORDER BY s.issued_on DESC, s.id DESC`,
  );
  const honours = read.all(q.selectFrom('honours').select(['milestone', 'proposed_on', 'awarded_on']).where('person_id', 'in', family).orderBy('milestone'));
  const h = historyOf(read, root);
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
    reserve: getReserveSet(read).has(p.id),
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
