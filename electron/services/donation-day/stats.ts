import type { ServiceContext } from '../context';
import { q } from '../../db/query';
import { checkinIndex } from './checkin-index';
import { getArrivals } from './arrivals';
import { loadRootResolver } from '../people/survivors';

/** Counters for the top of the donation-day screen. */
export function dayStats(ctx: ServiceContext, campaignId: number) {
  const index = checkinIndex(ctx, campaignId);
  const resolve = loadRootResolver(ctx);
  const dons = ctx.data.read.all(q.selectFrom('donations').select(['person_id', 'outcome', 'volume_ml']).where('campaign_id', '=', campaignId));
  const seen = new Set<number>(getArrivals(ctx.data.read, campaignId).keys());
  const byVolume = { 250: 0, 350: 0, 450: 0 };
  let donated = 0;
  let deferred = 0;
  for (const d of dons) {
    seen.add(resolve(d.person_id));
    if (d.outcome === 'donated') {
      donated++;
      if (d.volume_ml === 250 || d.volume_ml === 350 || d.volume_ml === 450) byVolume[d.volume_ml]++;
    } else deferred++;
  }
  return { registered: index.entries.length, came: seen.size, donated, deferred, walkIns: index.entries.filter((e) => e.walkIn).length, byVolume };
}
