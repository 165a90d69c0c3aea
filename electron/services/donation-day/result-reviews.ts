import type { Reader, Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import type { ResultRow } from '../../../shared/ipc/channels/donation-day';
import { resultRowSchema } from '../../../shared/ipc/channels/donation-day';

export type ReviewKind = 'ambiguous' | 'no_identity' | 'difference';

const upsertReview = statement<{ campaignId: number; file: string; row: number; kind: ReviewKind; data: string; problem: string; candidates: string; now: string }>(
  (p) => sql`INSERT INTO result_reviews (campaign_id, file, row, kind, data, problem, candidate_ids, created_at)
       VALUES (${p.campaignId}, ${p.file}, ${p.row}, ${p.kind}, ${p.data}, ${p.problem}, ${p.candidates}, ${p.now})
       ON CONFLICT (campaign_id, file, row) DO UPDATE SET kind = excluded.kind, data = excluded.data, problem = excluded.problem,
         candidate_ids = excluded.candidate_ids, resolved_at = NULL`,
);
const deleteWaiting = statement<{ campaignId: number; file: string; row: number }>((p) =>
  q.deleteFrom('result_reviews').where('campaign_id', '=', p.campaignId).where('file', '=', p.file).where('row', '=', p.row).where('resolved_at', 'is', null),
);
const resolveReview = statement<{ now: string; campaignId: number; file: string; row: number }>((p) =>
  q.updateTable('result_reviews').set({ resolved_at: p.now }).where('campaign_id', '=', p.campaignId).where('file', '=', p.file).where('row', '=', p.row),
);

/** Keeps (or refreshes) one result row waiting for the clerk; it stays until resolved, whatever the screen does. */
export function saveReview(
  w: Writer,
  v: { campaignId: number; file: string; row: ResultRow; kind: ReviewKind; problem: string; candidateIds: number[] },
  now: string,
): void {
  w.run(upsertReview, { campaignId: v.campaignId, file: v.file, row: v.row.row, kind: v.kind, data: JSON.stringify(v.row), problem: v.problem, candidates: JSON.stringify(v.candidateIds), now });
}

/** A row the data has now decided is no longer waiting. */
export function clearReview(w: Writer, campaignId: number, file: string, row: number): void {
  w.run(deleteWaiting, { campaignId, file, row });
}

export interface PendingReview {
  file: string;
  row: ResultRow;
  kind: ReviewKind;
  problem: string;
  candidateIds: number[];
}

/** Rows still waiting for the clerk in a campaign, in file and row order. */
export function pendingReviews(r: Reader, campaignId: number): PendingReview[] {
  const rows = r.all(
    q.selectFrom('result_reviews').select(['file', 'data', 'kind', 'problem', 'candidate_ids']).where('campaign_id', '=', campaignId).where('resolved_at', 'is', null).orderBy('file').orderBy('row'),
  );
  return rows.map((x) => ({ file: x.file, row: resultRowSchema.parse(JSON.parse(x.data)), kind: x.kind, problem: x.problem, candidateIds: JSON.parse(x.candidate_ids) as number[] }));
}

export function countPendingReviews(r: Reader, campaignId: number): number {
  return r.value(sql<{ n: number }>`SELECT COUNT(*) AS n FROM result_reviews WHERE campaign_id = ${campaignId} AND resolved_at IS NULL`)!;
}

/** The clerk keeps what was entered at the desk: the facility's row is set aside, nothing is written. */
export function markReviewResolved(w: Writer, campaignId: number, file: string, row: number, now: string): void {
  w.run(resolveReview, { now, campaignId, file, row });
}
