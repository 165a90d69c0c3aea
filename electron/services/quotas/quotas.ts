import { inTransaction, type ServiceContext } from '../context';
import type { QuotaEntry, QuotaTable } from '../../../shared/ipc/channels/quotas';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { getCampaign } from '../campaigns/campaigns';
import { unitQuota } from '../../../shared/domain/quota-rules';

export { unitQuota };

export async function loadQuotaEntries(ctx: ServiceContext, campaignId: number): Promise<QuotaEntry[]> {
  const rows = await ctx.db.selectFrom('quotas').selectAll().where('campaign_id', '=', campaignId).orderBy('unit_id').orderBy('month').execute();
  return rows.map((r) => ({ unitId: r.unit_id, month: r.month, registrants: r.registrants, bloodUnits: r.blood_units }));
}

export async function getQuotaTable(ctx: ServiceContext, campaignId: number): Promise<QuotaTable> {
  const c = await getCampaign(ctx, campaignId);
  const entries = await loadQuotaEntries(ctx, campaignId);
  const withQuota = new Set(entries.map((e) => e.unitId));
  const units = (await ctx.db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id').execute())
    .filter((u) => u.archived === 0 || withQuota.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind, grouping: u.grouping, archived: u.archived === 1 }));
  const byUnit = new Map<number, QuotaEntry[]>();
  for (const e of entries) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
  let registrants = 0;
  let bloodUnits = 0;
  for (const list of byUnit.values()) {
    const q = unitQuota(list);
    registrants += q.registrants ?? 0;
    bloodUnits += q.bloodUnits ?? 0;
  }
  const months = [...new Set(entries.map((e) => e.month).filter((m) => m > 0))].sort((a, b) => a - b);
  return {
    campaignId,
    targetRegistrants: c.targetRegistrants,
    targetBloodUnits: c.targetBloodUnits,
    months,
    units,
    entries,
    totals: { registrants, bloodUnits },
    difference: {
      registrants: c.targetRegistrants === null ? null : registrants - c.targetRegistrants,
      bloodUnits: c.targetBloodUnits === null ? null : bloodUnits - c.targetBloodUnits,
    },
  };
}

/** Writes cells (both values null removes the cell). With `replace`, the table is cleared first. */
export async function saveQuotas(ctx: ServiceContext, args: { campaignId: number; entries: QuotaEntry[]; replace?: boolean }): Promise<QuotaTable> {
  await getCampaign(ctx, args.campaignId);
  const unitIds = new Set((await ctx.db.selectFrom('units').select('id').execute()).map((u) => u.id));
  const bad = args.entries.find((e) => !unitIds.has(e.unitId));
  if (bad) throw new AppError('UNIT_NOT_FOUND', 'Bảng chỉ tiêu có một đơn vị không còn tồn tại. Hãy tải lại bảng rồi nhập lại.');
  await inTransaction(ctx, async (tx) => {
    if (args.replace) await tx.db.deleteFrom('quotas').where('campaign_id', '=', args.campaignId).execute();
    for (const e of args.entries) {
      if (e.registrants === null && e.bloodUnits === null) {
        await tx.db.deleteFrom('quotas').where('campaign_id', '=', args.campaignId).where('unit_id', '=', e.unitId).where('month', '=', e.month).execute();
        continue;
      }
      await tx.db
        .insertInto('quotas')
        .values({ campaign_id: args.campaignId, unit_id: e.unitId, month: e.month, registrants: e.registrants, blood_units: e.bloodUnits })
        .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'month']).doUpdateSet({ registrants: e.registrants, blood_units: e.bloodUnits }))
        .execute();
    }
    appendAudit(tx.sqlite, { action: 'quotas.save', entity: 'campaign', entityId: args.campaignId, detail: `${args.entries.length} ô chỉ tiêu${args.replace ? ' (thay toàn bảng)' : ''}` });
  });
  return getQuotaTable(ctx, args.campaignId);
}
