import { DEFAULT_THRESHOLD, MIN_SHOWN_SCORE } from '../../../shared/domain/matching';
import type { Candidate, CandidateList } from '../../../shared/ipc/channels/duplicates';
import type { ServiceContext } from '../context';
import { getCachedMatch } from './candidate-cache';
import { openPairs } from './current-view';
import { loadPersonViews } from './person-views';
import { maxPeopleId } from './load-records';

export interface ListArgs {
  campaignId: number;
  minScore?: number;
  includeDeferred?: boolean;
  offset?: number;
  limit?: number;
}

/** The queue of the "Trùng lặp" screen: open pairs by score (deferred ones last), one page at a time. */
export function listCandidates(ctx: ServiceContext, args: ListArgs): CandidateList {
  const match = getCachedMatch(ctx, args.campaignId);
  if (!match) return { state: 'not_run', computedAt: null, stale: false, total: 0, obviousCount: 0, threshold: DEFAULT_THRESHOLD, items: [] };
  let open = openPairs(ctx.data.read, match, args.minScore ?? MIN_SHOWN_SCORE);
  if (args.includeDeferred === false) open = open.filter((p) => p.decision !== 'deferred');
  open.sort((x, y) => Number(x.decision === 'deferred') - Number(y.decision === 'deferred') || y.score - x.score || x.a - y.a);
  const obviousCount = open.filter((p) => p.obvious && p.score >= DEFAULT_THRESHOLD && p.decision === null).length;
  const offset = args.offset ?? 0;
  const page = open.slice(offset, offset + (args.limit ?? 50));
  const views = loadPersonViews(ctx.data.read, page.flatMap((p) => [p.a, p.b]), args.campaignId);
  const items: Candidate[] = [];
  for (const p of page) {
    const a = views.get(p.a);
    const b = views.get(p.b);
    if (!a || !b) continue;
    const { activeState: _x, ...av } = a;
    const { activeState: _y, ...bv } = b;
    items.push({
      key: `${p.a}-${p.b}`,
      a: av,
      b: bv,
      score: p.score,
      reasons: p.reasons,
      fields: p.fields,
      obvious: p.obvious,
      deferred: p.decision === 'deferred',
      fromRegistry: !av.registrations.some((r) => r.inCampaign) || !bv.registrations.some((r) => r.inCampaign),
    });
  }
  return { state: 'ready', computedAt: match.computedAt, stale: match.maxPersonId !== maxPeopleId(ctx.data.read), total: open.length, obviousCount, threshold: DEFAULT_THRESHOLD, items };
}
