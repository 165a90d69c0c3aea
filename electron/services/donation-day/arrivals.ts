import type Database from 'better-sqlite3';

/** Who has arrived on the donation day ("đã đến") before an outcome is recorded (table donation_arrivals). */
export function getArrivals(sqlite: Database.Database, campaignId: number): Map<number, string> {
  const rows = sqlite.prepare('SELECT person_id, arrived_at FROM donation_arrivals WHERE campaign_id = ?').all(campaignId) as { person_id: number; arrived_at: string }[];
  return new Map(rows.map((r) => [r.person_id, r.arrived_at]));
}

/** True when the person, or anyone merged into them (their family of ids), has arrived. */
export function hasArrived(sqlite: Database.Database, campaignId: number, family: readonly number[]): boolean {
  if (family.length === 0) return false;
  const marks = family.map(() => '?').join(',');
  return sqlite.prepare(`SELECT 1 FROM donation_arrivals WHERE campaign_id = ? AND person_id IN (${marks}) LIMIT 1`).get(campaignId, ...family) !== undefined;
}

/** Marks (at = time) or clears (at = null) a person's arrival; marking twice keeps the first time. */
export function setArrival(sqlite: Database.Database, campaignId: number, personId: number, at: string | null): void {
  if (at === null) sqlite.prepare('DELETE FROM donation_arrivals WHERE campaign_id = ? AND person_id = ?').run(campaignId, personId);
  else sqlite.prepare('INSERT OR IGNORE INTO donation_arrivals (campaign_id, person_id, arrived_at) VALUES (?, ?, ?)').run(campaignId, personId, at);
}
