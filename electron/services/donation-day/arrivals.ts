import type Database from 'better-sqlite3';

/**
 * Who has arrived on the donation day ("đã đến") before an outcome is recorded. Kept as a setting
 * per campaign (person id → time), cached in memory for the search path.
 */
const key = (campaignId: number) => `donationDay.arrivals.${campaignId}`;
const cache = new Map<string, Map<number, string>>();

export function getArrivals(sqlite: Database.Database, campaignId: number): Map<number, string> {
  const k = `${sqlite.name}#${campaignId}`;
  let m = cache.get(k);
  if (!m) {
    const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key(campaignId)) as { value: string } | undefined;
    m = new Map(Object.entries(row ? (JSON.parse(row.value) as Record<string, string>) : {}).map(([id, at]) => [Number(id), at]));
    cache.set(k, m);
  }
  return m;
}

export function setArrival(sqlite: Database.Database, campaignId: number, personId: number, at: string | null): void {
  const m = getArrivals(sqlite, campaignId);
  if (at === null) {
    if (!m.delete(personId)) return;
  } else if (m.has(personId)) return;
  else m.set(personId, at);
  const json = JSON.stringify(Object.fromEntries(m));
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key(campaignId), json);
}

export function forgetArrivalCache(): void {
  cache.clear();
}
