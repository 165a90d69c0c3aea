import { DEFAULT_THRESHOLD } from '../../../shared/domain/matching';
import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import { addToCachedMatch, getCachedMatch, setCachedMatch } from './candidate-cache';
import { matchCampaign, matchNewPeople } from './find-candidates';
import type { CampaignMatch, ScoredPair } from './match-types';
import { maxPeopleId } from './load-records';
import { q, sql } from '../../db/query';

function checkCampaign(ctx: ServiceContext, campaignId: number): void {
  if (!ctx.data.read.get(sql`SELECT 1 FROM campaigns WHERE id = ${campaignId}`)) {
    throw new AppError('CAMPAIGN_NOT_FOUND', `Không tìm thấy đợt hiến máu số ${campaignId}. Hãy chọn một đợt trong danh sách.`);
  }
}

/** Matching over a whole campaign as a job: the screen polls jobs:status and stays responsive. */
export function startMatchJob(ctx: ServiceContext, campaignId: number): { jobId: string } {
  checkCampaign(ctx, campaignId);
  const jobId = ctx.jobs.start('duplicates:match', 'Đang tìm người đăng ký trùng…', async (ctl) => {
    const m = await matchCampaign(ctx.data.read, campaignId, ctl, ctx.now());
    setCachedMatch(ctx, m);
    return { pairs: m.pairs.length, proposed: m.pairs.filter((p) => p.score >= DEFAULT_THRESHOLD).length, people: m.peopleCompared };
  });
  return { jobId };
}

/** The whole campaign matched now (CLI, exports); the result is cached for the screen. */
export async function matchCampaignNow(ctx: ServiceContext, campaignId: number): Promise<CampaignMatch> {
  checkCampaign(ctx, campaignId);
  const m = await matchCampaign(ctx.data.read, campaignId, undefined, ctx.now());
  setCachedMatch(ctx, m);
  return m;
}

/** The campaign's current match: the cached one unless people were imported since. */
export async function cachedOrFreshMatch(ctx: ServiceContext, campaignId: number): Promise<CampaignMatch> {
  const cached = getCachedMatch(ctx, campaignId);
  if (cached && cached.maxPersonId === maxPeopleId(ctx.data.read)) return cached;
  return matchCampaignNow(ctx, campaignId);
}

/**
 * Matching as each list arrives: called after an import commits, with the new people. Returns the
 * pairs found (for the import preview) and adds them to the campaign's queue.
 */
export function matchArrivedList(ctx: ServiceContext, campaignId: number, personIds: number[]): { pairs: ScoredPair[]; proposed: number } {
  const pairs = matchNewPeople(ctx.data.read, personIds);
  addToCachedMatch(ctx, campaignId, pairs);
  return { pairs, proposed: pairs.filter((p) => p.score >= DEFAULT_THRESHOLD).length };
}

/** Matching for one committed import batch, run right after the commit (imports/after-commit.ts). */
export function matchImportBatch(ctx: ServiceContext, batchId: number): { campaignId: number; people: number; pairs: number; proposed: number } {
  const batch = ctx.data.read.get(q.selectFrom('import_batches').select('campaign_id').where('id', '=', batchId));
  if (!batch) throw new AppError('BATCH_NOT_FOUND', `Không tìm thấy lần nhập #${batchId}. Hãy tải lại danh sách các lần nhập.`);
  const ids = ctx.data.read.column(q.selectFrom('registrations').select('person_id').distinct().where('batch_id', '=', batchId).where('status', '=', 'active'));
  const r = matchArrivedList(ctx, batch.campaign_id, ids);
  return { campaignId: batch.campaign_id, people: ids.length, pairs: r.pairs.length, proposed: r.proposed };
}
