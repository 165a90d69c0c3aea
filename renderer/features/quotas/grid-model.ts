import type { QuotaEntry, QuotaTable } from '../../../shared/ipc/channels/quotas';
import { unitQuota } from '../../../shared/domain/quota-rules';
import { foldVietnamese } from '../../../shared/domain/text';
import { unitKey } from '../../../shared/domain/units/unit-names';

/** A column of the allocation grid: a month (0 = whole campaign) and a figure. */
export interface GridColumn {
  month: number;
  field: 'registrants' | 'bloodUnits';
  title: string;
}

export type Draft = Map<string, string>;

export const cellKey = (unitId: number, c: GridColumn) => `${unitId}:${c.month}:${c.field}`;

export type MonthMode = 'bloodUnits' | 'registrants' | 'both';

export function columnsFor(months: number[], mode: MonthMode = 'bloodUnits'): GridColumn[] {
  const perMonth = (m: number): GridColumn[] =>
    mode === 'both'
      ? [{ month: m, field: 'registrants', title: `Tháng ${m} – ĐK` }, { month: m, field: 'bloodUnits', title: `Tháng ${m} – máu` }]
      : [{ month: m, field: mode, title: `Tháng ${m}` }];
  return [
    { month: 0, field: 'registrants', title: 'Người đăng ký' },
    { month: 0, field: 'bloodUnits', title: 'Đơn vị máu' },
    ...months.flatMap(perMonth),
  ];
}

/** Which monthly figure the table already holds, so the grid shows it. */
export function monthModeOf(t: QuotaTable): MonthMode {
  const reg = t.entries.some((e) => e.month > 0 && e.registrants !== null);
  const blood = t.entries.some((e) => e.month > 0 && e.bloodUnits !== null);
  return reg && blood ? 'both' : reg ? 'registrants' : 'bloodUnits';
}

export function draftFrom(t: QuotaTable): Draft {
  const d: Draft = new Map();
  for (const e of t.entries) {
    if (e.registrants !== null) d.set(`${e.unitId}:${e.month}:registrants`, String(e.registrants));
    if (e.bloodUnits !== null) d.set(`${e.unitId}:${e.month}:bloodUnits`, String(e.bloodUnits));
  }
  return d;
}

/** "1.200" or "1 200" → 1200; empty → null; anything else → NaN (shown as an error). */
export function parseCell(s: string | undefined): number | null {
  const t = (s ?? '').replace(/[.\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

/** Every (unit, month) pair present in the draft or the saved table, as entries to save. */
export function entriesFrom(draft: Draft, t: QuotaTable, unitIds: number[]): QuotaEntry[] {
  const pairs = new Set<string>(t.entries.map((e) => `${e.unitId}:${e.month}`));
  for (const k of draft.keys()) pairs.add(k.split(':').slice(0, 2).join(':'));
  const out: QuotaEntry[] = [];
  for (const p of pairs) {
    const [unitId, month] = p.split(':').map(Number);
    if (!unitIds.includes(unitId)) continue;
    const r = parseCell(draft.get(`${p}:registrants`));
    const b = parseCell(draft.get(`${p}:bloodUnits`));
    out.push({ unitId, month, registrants: Number.isNaN(r) ? null : r, bloodUnits: Number.isNaN(b) ? null : b });
  }
  return out;
}

/** A unit's effective figure: the whole-campaign cell, or the sum of its months. */
export function unitTotal(draft: Draft, unitId: number, field: 'registrants' | 'bloodUnits', months: number[]): number {
  const value = (m: number, f: 'registrants' | 'bloodUnits') => {
    const v = parseCell(draft.get(`${unitId}:${m}:${f}`));
    return v === null || Number.isNaN(v) ? null : v;
  };
  // the service's rule (shared/domain/quota-rules.ts), applied to what is typed
  const entries = [0, ...months].map((m) => ({ month: m, registrants: value(m, 'registrants'), bloodUnits: value(m, 'bloodUnits') }));
  return unitQuota(entries)[field] ?? 0;
}

/**
 * Tab-separated text pasted from Excel, applied from a starting cell. When the first pasted column holds
 * names rather than numbers, each line goes to the unit of that name instead of the next row down.
 */
export function applyPaste(draft: Draft, text: string, units: { id: number; name: string; names?: readonly string[] }[], cols: GridColumn[], startRow: number, startCol: number): { draft: Draft; unknown: string[] } {
  const lines = text.replace(/\r/g, '').split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  const rows = lines.map((l) => l.split('\t'));
  const named = rows.length > 0 && rows.every((r) => r[0].trim() !== '' && Number.isNaN(parseCell(r[0]) ?? NaN));
  // A name as plans write it ("CATP", "P. Vĩnh Trại"): the unit's name, short name or aliases, abbreviations folded.
  const byName = new Map<string, number>();
  units.forEach((u, i) => {
    for (const n of [u.name, ...(u.names ?? [])]) {
      for (const k of [foldVietnamese(n), unitKey(n)]) if (k && !byName.has(k)) byName.set(k, i);
    }
  });
  const next = new Map(draft);
  const unknown: string[] = [];
  rows.forEach((cells, i) => {
    let rowIndex = startRow + i;
    let values = cells;
    if (named) {
      const found = byName.get(foldVietnamese(cells[0])) ?? byName.get(unitKey(cells[0]));
      if (found === undefined) {
        unknown.push(cells[0].trim());
        return;
      }
      rowIndex = found;
      values = cells.slice(1);
    }
    const unit = units[rowIndex];
    if (!unit) return;
    values.forEach((v, j) => {
      const col = cols[startCol + j];
      if (col) next.set(cellKey(unit.id, col), v.trim());
    });
  });
  return { draft: next, unknown };
}
