import type { Selectable } from 'kysely';
import type { CampaignRow } from '../../db/schema';
import type { Campaign } from '../../../shared/ipc/channels/campaigns';
import { DEFAULT_SUPPORT } from '../../../shared/domain/support';

export function rowToCampaign(r: Selectable<CampaignRow>): Campaign {
  const support = JSON.parse(r.support || '{}');
  return {
    id: r.id,
    name: r.name,
    slogan: r.slogan,
    planNumber: r.plan_number,
    legalBases: r.legal_bases ? r.legal_bases.split('\n').filter((l) => l.trim() !== '') : [],
    registrationDeadline: r.registration_deadline,
    donationDates: JSON.parse(r.donation_dates || '[]'),
    donationTime: r.donation_time,
    place: r.place,
    bloodFacility: r.blood_facility,
    targetRegistrants: r.target_registrants,
    targetBloodUnits: r.target_blood_units,
    ageMinMale: r.age_min_male,
    ageMaxMale: r.age_max_male,
    ageMinFemale: r.age_min_female,
    ageMaxFemale: r.age_max_female,
    minIntervalDays: r.min_interval_days,
    support: { ...DEFAULT_SUPPORT, ...support, gift: { ...DEFAULT_SUPPORT.gift, ...(support.gift ?? {}) } },
    archived: r.archived === 1,
    createdAt: r.created_at,
  };
}
