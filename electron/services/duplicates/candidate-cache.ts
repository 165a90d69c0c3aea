import type Database from 'better-sqlite3';
import type { CampaignMatch, ScoredPair } from './match-types';

/**
 * The last match of each campaign, per open database. Candidates are derived data: they are
 * recomputed on demand; decisions and merges (what must survive a restart) live in the database.
 */
const caches = new WeakMap<Database.Database, Map<number, CampaignMatch>>();

function cacheOf(sqlite: Database.Database): Map<number, CampaignMatch> {
  let c = caches.get(sqlite);
  if (!c) caches.set(sqlite, (c = new Map()));
  return c;
}

export function getCachedMatch(sqlite: Database.Database, campaignId: number): CampaignMatch | undefined {
  return cacheOf(sqlite).get(campaignId);
}

export function setCachedMatch(sqlite: Database.Database, m: CampaignMatch): void {
  cacheOf(sqlite).set(m.campaignId, m);
}

/** Adds pairs found as a list arrived to a campaign's cached match (if one exists). */
export function addToCachedMatch(sqlite: Database.Database, campaignId: number, pairs: ScoredPair[]): void {
  const m = cacheOf(sqlite).get(campaignId);
  if (!m) return;
  const byKey = new Map(m.pairs.map((p) => [`${p.a}-${p.b}`, p]));
  for (const p of pairs) byKey.set(`${p.a}-${p.b}`, p);
  m.pairs = [...byKey.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
