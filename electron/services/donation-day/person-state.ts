import type Database from 'better-sqlite3';
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

/** The person's donation row in this campaign (any of their merged records), if any. */
export function campaignDonation(sqlite: Database.Database, campaignId: number, family: number[]): CampaignDonation | null {
  const ph = family.map(() => '?').join(',');
  return (
    (sqlite
      .prepare(
        `SELECT d.id, d.outcome, d.volume_ml, d.source_file,
           (SELECT reason FROM deferrals WHERE donation_id = d.id ORDER BY id DESC LIMIT 1) AS reason,
           (SELECT serial FROM certificate_serials WHERE donation_id = d.id AND status = 'issued' ORDER BY id DESC LIMIT 1) AS serial
         FROM donations d WHERE d.person_id IN (${ph}) AND +d.campaign_id = ? ORDER BY d.id LIMIT 1`,
      )
      .get(...family, campaignId) as CampaignDonation | undefined) ?? null
  );
}

export function intervalDays(sqlite: Database.Database, campaignId: number): number {
  const r = sqlite.prepare('SELECT min_interval_days AS d FROM campaigns WHERE id = ?').get(campaignId) as { d: number } | undefined;
  return r?.d ?? 84;
}

/** An index entry plus what happened to the person today and their history. */
export function hitFor(sqlite: Database.Database, campaignId: number, e: IndexEntry, interval = intervalDays(sqlite, campaignId)): CheckinHit {
  const family = mergedFamily(sqlite, e.personId);
  const d = campaignDonation(sqlite, campaignId, family);
  const h = historyOf(sqlite, e.personId);
  const came = hasArrived(sqlite, campaignId, family.includes(e.personId) ? family : [e.personId, ...family]);
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
