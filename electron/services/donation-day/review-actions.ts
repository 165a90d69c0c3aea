import type { ServiceContext } from '../context';
import type { ResultImport } from '../../../shared/ipc/channels/donation-day';
import { appendAudit } from '../audit/audit-log';
import { getCampaign } from '../campaigns/campaigns';
import { loadRootResolver } from '../people/survivors';
import { checkinIndex } from './checkin-index';
import { resolveResultRow } from './import-results';
import { hitFor, intervalDays } from './person-state';
import { markReviewResolved, pendingReviews } from './result-reviews';

export type ReviewItem = ResultImport['unmatched'][number] & { file: string };

/** The result rows still waiting for the clerk, with their candidates as the check-in screen shows people. */
export async function listResultReviews(ctx: ServiceContext, campaignId: number): Promise<ReviewItem[]> {
  const c = await getCampaign(ctx, campaignId);
  const index = checkinIndex(ctx, c.id);
  const resolve = loadRootResolver(ctx);
  const interval = intervalDays(ctx.data.read, c.id);
  return pendingReviews(ctx.data.read, c.id).map((r) => ({
    ...r.row,
    file: r.file,
    kind: r.kind,
    problem: r.problem,
    candidates: [...new Set(r.candidateIds.map(resolve))]
      .map((id) => index.byPerson.get(id))
      .filter((e) => e !== undefined)
      .map((e) => hitFor(ctx.data.read, c.id, e, interval)),
  }));
}

/** "Giữ kết quả đã ghi tại bàn": the facility's row is set aside, the desk's outcome stays. */
export async function keepDeskOutcome(ctx: ServiceContext, args: { campaignId: number; file: string; row: number }): Promise<{ ok: boolean }> {
  const c = await getCampaign(ctx, args.campaignId);
  ctx.data.write((w) => {
    markReviewResolved(w, c.id, args.file, args.row, ctx.now().toISOString());
    appendAudit(w, { action: 'results.keepDesk', entity: 'campaign', entityId: c.id, detail: `Giữ kết quả tại bàn cho dòng ${args.row} của "${args.file}"` });
  });
  return { ok: true };
}

/** Confirms every waiting row that has exactly one candidate, as the clerk asked: one click for a batch. */
export async function confirmSingleCandidates(ctx: ServiceContext, campaignId: number): Promise<{ confirmed: number }> {
  const items = (await listResultReviews(ctx, campaignId)).filter((i) => i.kind === 'ambiguous' && i.candidates.length === 1 && i.candidates[0].registrationId !== null);
  for (const i of items) await resolveResultRow(ctx, { campaignId, file: i.file, row: i, registrationId: i.candidates[0].registrationId });
  return { confirmed: items.length };
}
