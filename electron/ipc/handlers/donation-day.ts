import { confirmSingleCandidates, keepDeskOutcome, listResultReviews } from '../../services/donation-day/review-actions';
import type { HandlerMap } from '../handler-types';
import { searchCheckin } from '../../services/donation-day/search';
import { recordOutcome } from '../../services/donation-day/record-outcome';
import { addWalkIn } from '../../services/donation-day/walk-in';
import { importResults, resolveResultRow } from '../../services/donation-day/import-results';
import { dayStats } from '../../services/donation-day/stats';
import { countPendingReviews } from '../../services/donation-day/result-reviews';

export const donationDayHandlers: HandlerMap<
  'donationDay:search' | 'donationDay:record' | 'donationDay:walkIn' | 'donationDay:importResults' | 'donationDay:resolveRow' | 'donationDay:stats' | 'donationDay:reviews' | 'donationDay:keepDesk' | 'donationDay:confirmSingles' | 'donationDay:reviewCount'
> = {
  'donationDay:search': (ctx, args) => searchCheckin(ctx, args),
  'donationDay:record': (ctx, args) => recordOutcome(ctx, args),
  'donationDay:walkIn': (ctx, args) => addWalkIn(ctx, args),
  'donationDay:importResults': (ctx, { campaignId, file }) => importResults(ctx, campaignId, file.name, Buffer.from(file.dataBase64, 'base64')),
  'donationDay:resolveRow': (ctx, args) => resolveResultRow(ctx, args),
  'donationDay:stats': (ctx, { campaignId }) => dayStats(ctx, campaignId),
  'donationDay:reviews': (ctx, { campaignId }) => listResultReviews(ctx, campaignId),
  'donationDay:keepDesk': (ctx, args) => keepDeskOutcome(ctx, args),
  'donationDay:confirmSingles': (ctx, { campaignId }) => confirmSingleCandidates(ctx, campaignId),
  'donationDay:reviewCount': (ctx, { campaignId }) => ({ count: countPendingReviews(ctx.data.read, campaignId) }),
};
