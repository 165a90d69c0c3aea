import type { ServiceContext } from '../context';
import { q as qb, statement } from '../../db/query';
import type { ProgressFigures, ProgressQuery, ProgressReport, ProgressRow } from '../../../shared/ipc/channels/progress';
import { progressQuerySchema } from '../../../shared/ipc/channels/progress';
import { UNIT_KINDS } from '../../../shared/domain/unit-kinds';
import { compareVietnamese } from '../../../shared/domain/text';
import { getCampaign } from '../campaigns/campaigns';
import { loadQuotaEntries, unitQuota } from '../quotas/quotas';
import type { QuotaEntry } from '../../../shared/ipc/channels/quotas';
import { campaignResults, type UnitResult } from './unit-results';
import { daysBetween, localDate } from '../donors/dates';
import { percentOf } from '../../../shared/domain/documents/format';

const allUnits = statement(() => qb.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id'));

/** The one rounding rule for percentages (shared with the documents). */
const pct = (n: number, of: number | null) => percentOf(n, of);

function figures(q: { registrants: number | null; bloodUnits: number | null }, r: UnitResult): ProgressFigures {
  return {
    quotaRegistrants: q.registrants,
    quotaBloodUnits: q.bloodUnits,
    ...r,
    percentRegistrants: pct(r.afterDuplicates, q.registrants),
    percentBloodUnits: pct(r.donated, q.bloodUnits),
  };
}

function sum(rows: ProgressFigures[]): ProgressFigures {
  const add = (k: 'quotaRegistrants' | 'quotaBloodUnits') => (rows.some((r) => r[k] !== null) ? rows.reduce((a, r) => a + (r[k] ?? 0), 0) : null);
  const r = { registered: 0, afterDuplicates: 0, donated: 0, deferred: 0, volumeMl: 0 };
  for (const x of rows) for (const k of Object.keys(r) as (keyof typeof r)[]) r[k] += x[k];
  return figures({ registrants: add('quotaRegistrants'), bloodUnits: add('quotaBloodUnits') }, r);
}

/** The "Tổng quan" table: per unit and in total, with filters, groups and registrations per day. */
export async function getProgress(ctx: ServiceContext, query: ProgressQuery): Promise<ProgressReport> {
  const q = progressQuerySchema.parse(query);
  const c = await getCampaign(ctx, q.campaignId);
  const units = ctx.data.read.all(allUnits);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const entries = await loadQuotaEntries(ctx, c.id);
  const perUnit = new Map<number, QuotaEntry[]>();
  for (const e of entries) perUnit.set(e.unitId, [...(perUnit.get(e.unitId) ?? []), e]);
  // A registration under a unit without a quota counts for its nearest ancestor that has one.
  const rollup = (u: number | null): number | null => {
    for (let cur = u, guard = 0; cur !== null && guard < 50; guard++) {
      if (perUnit.has(cur)) return cur;
      cur = unitById.get(cur)?.parent_id ?? null;
    }
    return u;
  };
  const results = campaignResults(ctx.data.read, c.id, rollup);
  const ids = new Set<number | null>([...perUnit.keys(), ...results.byUnit.keys()]);
  const order = new Map(units.map((u, i) => [u.id, i]));
  let rows: ProgressRow[] = [...ids]
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : order.get(a)! - order.get(b)!))
    .map((id) => {
      const u = id === null ? undefined : unitById.get(id);
      const r = results.byUnit.get(id) ?? { registered: 0, afterDuplicates: 0, donated: 0, deferred: 0, volumeMl: 0 };
      return {
        unitId: id,
        unitName: u?.name ?? 'Không thuộc đơn vị nào (hiến tại chỗ, chưa gán đơn vị)',
        kind: u?.kind ?? null,
        grouping: u?.grouping ?? null,
        listReceived: r.registered > 0,
        months: [],
        ...figures(id === null ? { registrants: null, bloodUnits: null } : unitQuota(perUnit.get(id) ?? []), r),
      };
    });
  // The month split: each month's quotas next to what came in for that month. A list counts for the
  // month of the campaign's next donation day after it arrived (else the month it arrived in).
  const months = [...new Set(entries.map((e) => e.month).filter((m) => m >= 1 && m <= 12))].sort((a, b) => a - b);
  const dates = [...c.donationDates].sort();
  const monthOf = (day: string) => Number((dates.find((d) => d >= day) ?? day).slice(5, 7));
  for (const r of rows) {
    r.months = months.map((m) => {
      const q = r.unitId === null ? [] : (perUnit.get(r.unitId) ?? []).filter((e) => e.month === m);
      const qsum = (k: 'registrants' | 'bloodUnits') => (q.some((e) => e[k] !== null) ? q.reduce((a, e) => a + (e[k] ?? 0), 0) : null);
      let registered = 0;
      for (const [d, n] of results.byDay.get(r.unitId) ?? []) if (monthOf(d) === m) registered += n;
      const dm = results.byMonth.get(r.unitId)?.get(m);
      return { month: m, quotaRegistrants: qsum('registrants'), quotaBloodUnits: qsum('bloodUnits'), registered, donated: dm?.donated ?? 0, deferred: dm?.deferred ?? 0 };
    });
  }
  const kinds = [...new Set(rows.map((r) => r.kind).filter((k): k is string => !!k))];
  const groupings = [...new Set(rows.map((r) => r.grouping).filter((g): g is string => !!g))].sort(compareVietnamese);
  if (q.kind) rows = rows.filter((r) => r.kind === q.kind);
  if (q.grouping) rows = rows.filter((r) => r.grouping === q.grouping);
  const groups: ProgressReport['groups'] = [];
  if (q.groupBy !== 'none') {
    const keyOf = (r: ProgressRow) => (q.groupBy === 'kind' ? r.kind : r.grouping) ?? '';
    for (const key of [...new Set(rows.map(keyOf))]) {
      const label = key === '' ? (q.groupBy === 'kind' ? 'Không rõ loại' : 'Không thuộc cụm') : q.groupBy === 'kind' ? (UNIT_KINDS[key as keyof typeof UNIT_KINDS] ?? key) : key;
      groups.push({ key, label, ...sum(rows.filter((r) => keyOf(r) === key)) });
    }
  }
  const today = localDate(ctx.now());
  const days = new Map<string, number>();
  for (const r of rows) for (const [d, n] of results.byDay.get(r.unitId) ?? []) days.set(d, (days.get(d) ?? 0) + n);
  return {
    campaignId: c.id,
    campaignName: c.name,
    deadline: c.registrationDeadline,
    daysRemaining: c.registrationDeadline ? daysBetween(today, c.registrationDeadline) : null,
    targetRegistrants: c.targetRegistrants,
    targetBloodUnits: c.targetBloodUnits,
    rows,
    total: sum(rows),
    unitsWithoutList: rows.filter((r) => r.unitId !== null && !r.listReceived && (r.quotaRegistrants || r.quotaBloodUnits)).map((r) => ({ unitId: r.unitId!, unitName: r.unitName })),
    byDay: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, count]) => ({ date, count })),
    groups,
    kinds,
    groupings,
    months,
    monthTotals: months.map((m, i) => {
      const add = (k: 'quotaRegistrants' | 'quotaBloodUnits') => (rows.some((r) => r.months[i][k] !== null) ? rows.reduce((a, r) => a + (r.months[i][k] ?? 0), 0) : null);
      const sumOf = (k: 'registered' | 'donated' | 'deferred') => rows.reduce((a, r) => a + r.months[i][k], 0);
      return { month: m, quotaRegistrants: add('quotaRegistrants'), quotaBloodUnits: add('quotaBloodUnits'), registered: sumOf('registered'), donated: sumOf('donated'), deferred: sumOf('deferred') };
    }),
  };
}
