import type { Reader } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import type { CheckinHit } from '../../../shared/ipc/channels/donation-day';
import { historyOf, nextEligible } from '../donors/history';
import { mergedFamily } from '../people/survivors';
import type { IndexEntry } from './checkin-index';
import { hasArrived } from './arrivals';

export interface CampaignDonation {
  id: number;
  outcome: 'donated' | 'deferred';
  volume_ml: 250 | 350 | 450 | null;
  reason: string | null;
  serial: string | null;
  /** The result list it came from; null when it was entered at the desk. */
  source_file: string | null;
}

const donationColumns = sql`d.id, d.outcome, d.volume_ml, d.source_file,
           (SELECT reason FROM deferrals WHERE donation_id = d.id ORDER BY id DESC LIMIT 1) AS reason,
           (SELECT serial FROM certificate_serials WHERE donation_id = d.id AND status = 'issued' ORDER BY id DESC LIMIT 1) AS serial`;

/** A person with no merged records (nearly everyone): one statement compiled once, run per result row. */
const donationOfOne = statement<{ personId: number; campaignId: number }, CampaignDonation>(
  (p) => sql<CampaignDonation>`SELECT ${donationColumns}
         FROM donations d WHERE d.person_id IN (${p.personId}) AND +d.campaign_id = ${p.campaignId} ORDER BY d.id LIMIT 1`,
);

/** The person's donation row in this campaign (any of their merged records), if any. */
export function campaignDonation(r: Reader, campaignId: number, family: number[]): CampaignDonation | null {
  if (family.length === 1) return r.get(donationOfOne, { personId: family[0], campaignId }) ?? null;
  return (
    r.get(
      sql<CampaignDonation>`SELECT ${donationColumns}
         FROM donations d WHERE d.person_id IN (${sql.join(family)}) AND +d.campaign_id = ${campaignId} ORDER BY d.id LIMIT 1`,
    ) ?? null
  );
}

const minInterval = statement<{ campaignId: number }, { d: number }>((p) => q.selectFrom('campaigns').select('min_interval_days as d').where('id', '=', p.campaignId));

export function intervalDays(r: Reader, campaignId: number): number {
  return r.value(minInterval, { campaignId }) ?? 84;
}

/** An index entry plus what happened to the person today and their history. */
export function hitFor(r: Reader, campaignId: number, e: IndexEntry, interval = intervalDays(r, campaignId)): CheckinHit {
  const family = mergedFamily(r, e.personId);
  const d = campaignDonation(r, campaignId, family);
  const h = historyOf(r, e.personId);
  const came = hasArrived(r, campaignId, family.includes(e.personId) ? family : [e.personId, ...family]);
  return {
    registrationId: e.registrationId || null,
    personId: e.personId,
    fullName: e.fullName,
    gender: e.gender,
    birthDate: e.birthDate,
    phone: e.phone,
    nationalId: e.nationalId,
    unitName: e.unitName,
    walkIn: e.walkIn,
    outcome: d ? d.outcome : came ? 'came' : null,
    volumeMl: d?.volume_ml ?? null,
    deferralReason: d?.reason ?? null,
    certificateSerial: d?.serial ?? null,
    donationCount: h.count,
    lastDonation: h.last,
    nextEligible: nextEligible(h.last, interval),
  };
}
