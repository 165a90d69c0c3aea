import type Database from 'better-sqlite3';
import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { resultRowSchema } from '../../../shared/ipc/channels/donation-day';

export type ReviewKind = 'ambiguous' | 'no_identity' | 'difference';

/** Keeps (or refreshes) one result row waiting for the clerk; it stays until resolved, whatever the screen does. */
export function saveReview(
  sqlite: Database.Database,
  v: { campaignId: number; file: string; row: ResultRow; kind: ReviewKind; problem: string; candidateIds: number[] },
  now: string,
): void {
  sqlite
    .prepare(
      `INSERT INTO result_reviews (campaign_id, file, row, kind, data, problem, candidate_ids, created_at) VALUES (?,?,?,?,?,?,?,?)
       ON CONFLICT (campaign_id, file, row) DO UPDATE SET kind = excluded.kind, data = excluded.data, problem = excluded.problem,
         candidate_ids = excluded.candidate_ids, resolved_at = NULL`,
    )
    .run(v.campaignId, v.file, v.row.row, v.kind, JSON.stringify(v.row), v.problem, JSON.stringify(v.candidateIds), now);
}

/** A row the data has now decided is no longer waiting. */
export function clearReview(sqlite: Database.Database, campaignId: number, file: string, row: number): void {
  sqlite.prepare('DELETE FROM result_reviews WHERE campaign_id = ? AND file = ? AND row = ? AND resolved_at IS NULL').run(campaignId, file, row);
}

export interface PendingReview {
  file: string;
  row: ResultRow;
  kind: ReviewKind;
  problem: string;
  candidateIds: number[];
}

/** Rows still waiting for the clerk in a campaign, in file and row order. */
export function pendingReviews(sqlite: Database.Database, campaignId: number): PendingReview[] {
  const rows = sqlite
    .prepare('SELECT file, data, kind, problem, candidate_ids FROM result_reviews WHERE campaign_id = ? AND resolved_at IS NULL ORDER BY file, row')
    .all(campaignId) as { file: string; data: string; kind: ReviewKind; problem: string; candidate_ids: string }[];
  return rows.map((r) => ({ file: r.file, row: resultRowSchema.parse(JSON.parse(r.data)), kind: r.kind, problem: r.problem, candidateIds: JSON.parse(r.candidate_ids) as number[] }));
}

export function countPendingReviews(sqlite: Database.Database, campaignId: number): number {
  return (sqlite.prepare('SELECT COUNT(*) AS n FROM result_reviews WHERE campaign_id = ? AND resolved_at IS NULL').get(campaignId) as { n: number }).n;
}

/** The clerk keeps what was entered at the desk: the facility's row is set aside, nothing is written. */
export function markReviewResolved(sqlite: Database.Database, campaignId: number, file: string, row: number, now: string): void {
  sqlite.prepare('UPDATE result_reviews SET resolved_at = ? WHERE campaign_id = ? AND file = ? AND row = ?').run(now, campaignId, file, row);
}
