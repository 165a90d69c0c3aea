import type { CacheScope } from '../caches';
import type { CampaignMatch, ScoredPair } from './match-types';

/**
 * The last match of each campaign, kept in the context's caches (caches.ts). Candidates are derived
 * data: they are recomputed on demand; decisions and merges (what must survive a restart) live in
 * the database.
 */
export function getCachedMatch(ctx: CacheScope, campaignId: number): CampaignMatch | undefined {
  return ctx.caches.match(ctx.sqlite, campaignId);
}

export function setCachedMatch(ctx: CacheScope, m: CampaignMatch): void {
  ctx.caches.setMatch(ctx.sqlite, m);
}

/** Adds pairs found as a list arrived to a campaign's cached match (if one exists). */
export function addToCachedMatch(ctx: CacheScope, campaignId: number, pairs: ScoredPair[]): void {
  const m = getCachedMatch(ctx, campaignId);
  if (!m) return;
  const byKey = new Map(m.pairs.map((p) => [`${p.a}-${p.b}`, p]));
  for (const p of pairs) byKey.set(`${p.a}-${p.b}`, p);
  m.pairs = [...byKey.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
