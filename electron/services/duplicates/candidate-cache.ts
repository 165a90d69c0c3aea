import { cacheScope, type CacheScope, type DataCaches } from '../caches';
import type { Data } from '../../db/data';
import type { CampaignMatch, ScoredPair } from './match-types';

/** A context (its data and caches) or a cache scope. */
type Scope = CacheScope | { data: Data; caches: DataCaches };

/**
 * The last match of each campaign, kept in the context's caches (caches.ts). Candidates are derived
 * data: they are recomputed on demand; decisions and merges (what must survive a restart) live in
 * the database.
 */
export function getCachedMatch(ctx: Scope, campaignId: number): CampaignMatch | undefined {
  const { handle, caches } = cacheScope(ctx);
  return caches.match(handle, campaignId);
}

export function setCachedMatch(ctx: Scope, m: CampaignMatch): void {
  const { handle, caches } = cacheScope(ctx);
  caches.setMatch(handle, m);
}

/** Adds pairs found as a list arrived to a campaign's cached match (if one exists). */
export function addToCachedMatch(ctx: Scope, campaignId: number, pairs: ScoredPair[]): void {
  const m = getCachedMatch(ctx, campaignId);
  if (!m) return;
  const byKey = new Map(m.pairs.map((p) => [`${p.a}-${p.b}`, p]));
  for (const p of pairs) byKey.set(`${p.a}-${p.b}`, p);
  m.pairs = [...byKey.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
