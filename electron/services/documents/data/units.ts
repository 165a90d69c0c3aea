import type { ServiceContext } from '../../context';
import { q, sql } from '../../../db/query';
import { compareVietnameseText as compareVietnamese } from '../../../../shared/domain/names';

export interface UnitResult {
  unitId: number;
  name: string;
  quotaRegistrants: number | null;
  quotaBloodUnits: number | null;
  registrants: number;
  donated: number;
  deferred: number;
  volumeMl: number;
}

/**
 * Per unit: the quota (whole-campaign row, else the sum of monthly rows), active credited
 * registrations, donations (donated / deferred) counted for the unit.
 */
export async function unitResults(ctx: ServiceContext, campaignId: number): Promise<UnitResult[]> {
  const rows = ctx.data.read.all(sql<{ id: number; name: string; sort_order: number; qr: number | null; qb: number | null; reg: number; don: number; def: number; ml: number | null }>`
    WITH q AS (
      SELECT unit_id,
        CASE WHEN SUM(month = 0) > 0 THEN SUM(CASE WHEN month = 0 THEN registrants END) ELSE SUM(registrants) END AS qr,
        CASE WHEN SUM(month = 0) > 0 THEN SUM(CASE WHEN month = 0 THEN blood_units END) ELSE SUM(blood_units) END AS qb
      FROM quotas WHERE campaign_id = ${campaignId} GROUP BY unit_id
    ),
    reg AS (
      SELECT r.unit_id, COUNT(*) AS n FROM registrations r JOIN people p ON p.id = r.person_id
      WHERE r.campaign_id = ${campaignId} AND r.status = 'active' AND r.credited = 1 AND p.deleted_at IS NULL GROUP BY r.unit_id
    ),
    don AS (
      SELECT COALESCE(
          (SELECT r.unit_id FROM registrations r WHERE r.id = d.registration_id),
          (SELECT r.unit_id FROM registrations r WHERE r.person_id = d.person_id AND r.campaign_id = d.campaign_id AND r.status = 'active' ORDER BY r.credited DESC, r.id LIMIT 1),
          p.home_unit_id) AS unit_id,
        d.outcome, d.volume_ml
      FROM donations d JOIN people p ON p.id = d.person_id WHERE d.campaign_id = ${campaignId} AND p.deleted_at IS NULL
    ),
    dagg AS (
      SELECT unit_id, SUM(outcome = 'donated') AS don, SUM(outcome = 'deferred') AS def, SUM(CASE WHEN outcome = 'donated' THEN volume_ml ELSE 0 END) AS ml
      FROM don GROUP BY unit_id
    )
    SELECT u.id, u.name, u.sort_order, q.qr, q.qb, COALESCE(reg.n, 0) AS reg, COALESCE(dagg.don, 0) AS don, COALESCE(dagg.def, 0) AS def, dagg.ml
    FROM units u LEFT JOIN q ON q.unit_id = u.id LEFT JOIN reg ON reg.unit_id = u.id LEFT JOIN dagg ON dagg.unit_id = u.id
    WHERE q.unit_id IS NOT NULL OR reg.n IS NOT NULL OR dagg.unit_id IS NOT NULL`);
  return rows
    .sort((a, b) => a.sort_order - b.sort_order || compareVietnamese(a.name, b.name))
    .map((r) => ({ unitId: r.id, name: r.name, quotaRegistrants: r.qr, quotaBloodUnits: r.qb, registrants: r.reg, donated: r.don, deferred: r.def, volumeMl: r.ml ?? 0 }));
}

export async function unitName(ctx: ServiceContext, unitId: number): Promise<string | null> {
  return ctx.data.read.value(q.selectFrom('units').select('name').where('id', '=', unitId)) ?? null;
}

export interface MonthlyQuota {
  unitId: number;
  name: string;
  /** month (1–12) → blood units (registrants when no blood-unit figure was given). */
  byMonth: Map<number, number>;
}

/** Quotas split by month (seeds/001: units × May–Aug), in unit order; empty when the campaign has none. */
export async function monthlyQuotas(ctx: ServiceContext, campaignId: number): Promise<{ months: number[]; units: MonthlyQuota[] }> {
  const rows = ctx.data.read.all(
    q
      .selectFrom('quotas as q')
      .innerJoin('units as u', 'u.id', 'q.unit_id')
      .select(['q.unit_id', 'u.name', 'u.sort_order', 'q.month', 'q.blood_units', 'q.registrants'])
      .where('q.campaign_id', '=', campaignId)
      .where('q.month', '>', 0),
  );
  const months = [...new Set(rows.map((r) => r.month))].sort((a, b) => a - b);
  const by = new Map<number, MonthlyQuota & { order: number }>();
  for (const r of rows) {
    if (!by.has(r.unit_id)) by.set(r.unit_id, { unitId: r.unit_id, name: r.name, order: r.sort_order, byMonth: new Map() });
    by.get(r.unit_id)!.byMonth.set(r.month, r.blood_units ?? r.registrants ?? 0);
  }
  const units = [...by.values()].sort((a, b) => a.order - b.order || compareVietnamese(a.name, b.name));
  return { months, units };
}
