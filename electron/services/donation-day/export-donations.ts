import type { ServiceContext } from '../context';
import { sql } from '../../db/query';
import { getCampaign } from '../campaigns/campaigns';

export interface InterchangeDonation {
  file: string;
  row: number;
  person_ref: { file: string; sheet: string; row: number } | null;
  outcome: 'donated' | 'deferred';
  volume_ml: 250 | 350 | 450 | null;
}

/**
 * The campaign's donations that came from result lists, each with the registration row it was
 * matched to (null for a walk-in), in the interchange format.
 */
export async function exportDonationsInterchange(ctx: ServiceContext, campaignId: number): Promise<{ donations: InterchangeDonation[] }> {
  await getCampaign(ctx, campaignId);
  const rows = ctx.data.read.all(
    sql<{ source_file: string; source_row: number; outcome: 'donated' | 'deferred'; volume_ml: 250 | 350 | 450 | null; reg_file: string | null; reg_sheet: string | null; reg_row: number | null }>`SELECT d.source_file, d.source_row, d.outcome, d.volume_ml, r.source_file AS reg_file, r.source_sheet AS reg_sheet, r.source_row AS reg_row
       FROM donations d LEFT JOIN registrations r ON r.id = d.registration_id
       WHERE d.campaign_id = ${campaignId} AND d.source_file IS NOT NULL
       ORDER BY d.source_file, d.source_row`,
  );
  return {
    donations: rows.map((r) => ({
      file: r.source_file,
      row: r.source_row,
      person_ref: r.reg_file !== null && r.reg_row !== null ? { file: r.reg_file.split(/[\\/]/).pop()!, sheet: r.reg_sheet ?? '', row: r.reg_row } : null,
      outcome: r.outcome,
      volume_ml: r.outcome === 'donated' ? r.volume_ml : null,
    })),
  };
}
