import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import type { QuotaEntry, QuotaTable } from '../../../shared/ipc/channels/quotas';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { campaignById } from '../campaigns/campaigns';
import { unitQuota } from '../../../shared/domain/quota-rules';

export { unitQuota };

/** A campaign's quota cells through any handle (inside a write too). */
export function quotaEntriesIn(r: Reader, campaignId: number): QuotaEntry[] {
  const rows = r.all(q.selectFrom('quotas').selectAll().where('campaign_id', '=', campaignId).orderBy('unit_id').orderBy('month'));
  return rows.map((row) => ({ unitId: row.unit_id, month: row.month, registrants: row.registrants, bloodUnits: row.blood_units }));
}

export async function loadQuotaEntries(ctx: ServiceContext, campaignId: number): Promise<QuotaEntry[]> {
  return quotaEntriesIn(ctx.data.read, campaignId);
}

/** The campaign's allocation table through any handle (inside a write too). */
export function quotaTableIn(r: Reader, campaignId: number): QuotaTable {
  const c = campaignById(r, campaignId);
  const entries = quotaEntriesIn(r, campaignId);
  const withQuota = new Set(entries.map((e) => e.unitId));
  const units = r
    .all(q.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id'))
    .filter((u) => u.archived === 0 || withQuota.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind, grouping: u.grouping, archived: u.archived === 1 }));
  const byUnit = new Map<number, QuotaEntry[]>();
  for (const e of entries) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
  let registrants = 0;
  let bloodUnits = 0;
  for (const list of byUnit.values()) {
    const uq = unitQuota(list);
    registrants += uq.registrants ?? 0;
    bloodUnits += uq.bloodUnits ?? 0;
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

export async function getQuotaTable(ctx: ServiceContext, campaignId: number): Promise<QuotaTable> {
  return quotaTableIn(ctx.data.read, campaignId);
}

/** Writes cells inside the caller's write (both values null removes the cell); with `replace`, the table is cleared first. */
export function writeQuotas(w: Writer, args: { campaignId: number; entries: QuotaEntry[]; replace?: boolean }): QuotaTable {
  campaignById(w, args.campaignId);
  const unitIds = new Set(w.column(q.selectFrom('units').select('id')));
  const bad = args.entries.find((e) => !unitIds.has(e.unitId));
  if (bad) throw new AppError('UNIT_NOT_FOUND', 'Bảng chỉ tiêu có một đơn vị không còn tồn tại. Hãy tải lại bảng rồi nhập lại.');
  if (args.replace) w.run(q.deleteFrom('quotas').where('campaign_id', '=', args.campaignId));
  for (const e of args.entries) {
    if (e.registrants === null && e.bloodUnits === null) {
      w.run(q.deleteFrom('quotas').where('campaign_id', '=', args.campaignId).where('unit_id', '=', e.unitId).where('month', '=', e.month));
      continue;
    }
    w.run(
      q
        .insertInto('quotas')
        .values({ campaign_id: args.campaignId, unit_id: e.unitId, month: e.month, registrants: e.registrants, blood_units: e.bloodUnits })
        .onConflict((oc) => oc.columns(['campaign_id', 'unit_id', 'month']).doUpdateSet({ registrants: e.registrants, blood_units: e.bloodUnits })),
    );
  }
  appendAudit(w, { action: 'quotas.save', entity: 'campaign', entityId: args.campaignId, detail: `${args.entries.length} ô chỉ tiêu${args.replace ? ' (thay toàn bảng)' : ''}` });
  return quotaTableIn(w, args.campaignId);
}

/** Writes cells (both values null removes the cell). With `replace`, the table is cleared first. */
export async function saveQuotas(ctx: ServiceContext, args: { campaignId: number; entries: QuotaEntry[]; replace?: boolean }): Promise<QuotaTable> {
  return ctx.data.write((w) => writeQuotas(w, args));
}
