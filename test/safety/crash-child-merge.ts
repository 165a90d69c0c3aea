import type { ServiceContext } from '../../electron/services/context';
import { sql } from '../../electron/db/query';
import { createAppContext, type AppContext } from '../../electron/services/create-context';
import { createCampaign } from '../../electron/services/campaigns/campaigns';
import { createUnit } from '../../electron/services/units/units';
import { mergePeople } from '../../electron/services/duplicates/merge';

/** One real merge of two random people, as both crash children do; the ACK line to print, or null. */
export function mergeRandomPair(ctx: ServiceContext): string | null {
  const two = ctx.data.read.all(sql<{ id: number }>`SELECT id FROM people WHERE merged_into IS NULL AND deleted_at IS NULL ORDER BY random() LIMIT 2`);
  if (two.length < 2) return null;
  const r = mergePeople(ctx, { survivorId: two[0].id, mergedId: two[1].id, choices: {} });
  return `ACK merge ${r.survivorId} ${r.mergedId} ${r.mergeId}`;
}

/** The database every crash child works on: opened, with one unit and one campaign made on the first run. */
export async function openCrashDatabase(dbPath: string): Promise<{ ctx: AppContext; campaignId: number; unitId: number }> {
  const ctx = createAppContext(dbPath);
  let campaign = ctx.conn.sqlite.prepare('SELECT id FROM campaigns ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  if (!campaign) {
    await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    campaign = { id: (await createCampaign(ctx, { name: 'Đợt 1 năm 2026' })).id };
  }
  const unitId = (ctx.conn.sqlite.prepare('SELECT id FROM units ORDER BY id LIMIT 1').get() as { id: number }).id;
  return { ctx, campaignId: campaign.id, unitId };
}
