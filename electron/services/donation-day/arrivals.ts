import type { Reader, Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';

const arrivalsOf = statement<{ campaignId: number }, { person_id: number; arrived_at: string }>((p) =>
  q.selectFrom('donation_arrivals').select(['person_id', 'arrived_at']).where('campaign_id', '=', p.campaignId),
);
const arrivedOne = statement<{ campaignId: number; personId: number }, { person_id: number }>((p) =>
  q.selectFrom('donation_arrivals').select('person_id').where('campaign_id', '=', p.campaignId).where('person_id', 'in', [p.personId]).limit(sql.lit(1)),
);
const clearArrival = statement<{ campaignId: number; personId: number }>((p) =>
  q.deleteFrom('donation_arrivals').where('campaign_id', '=', p.campaignId).where('person_id', '=', p.personId),
);
const markArrival = statement<{ campaignId: number; personId: number; at: string }>((p) =>
  q.insertInto('donation_arrivals').orIgnore().values({ campaign_id: p.campaignId, person_id: p.personId, arrived_at: p.at }),
);

/** Who has arrived on the donation day ("đã đến") before an outcome is recorded (table donation_arrivals). */
export function getArrivals(r: Reader, campaignId: number): Map<number, string> {
  const rows = r.all(arrivalsOf, { campaignId });
  return new Map(rows.map((x) => [x.person_id, x.arrived_at]));
}

/** True when the person, or anyone merged into them (their family of ids), has arrived. */
export function hasArrived(r: Reader, campaignId: number, family: readonly number[]): boolean {
  if (family.length === 0) return false;
  // One person with no merged records (nearly every check-in hit): compiled once.
  if (family.length === 1) return r.get(arrivedOne, { campaignId, personId: family[0] }) !== undefined;
  const query = q.selectFrom('donation_arrivals').select('person_id').where('campaign_id', '=', campaignId).where('person_id', 'in', family).limit(sql.lit(1));
  return r.get(query) !== undefined;
}

/** Marks (at = time) or clears (at = null) a person's arrival; marking twice keeps the first time. */
export function setArrival(w: Writer, campaignId: number, personId: number, at: string | null): void {
  if (at === null) w.run(clearArrival, { campaignId, personId });
  else w.run(markArrival, { campaignId, personId, at });
}
