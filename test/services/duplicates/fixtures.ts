import type Database from 'better-sqlite3';
import { foldVietnamese } from '../../../shared/domain/text';

export interface RowInput {
  campaignId: number;
  unitId: number | null;
  batchId?: number | null;
  file: string;
  sheet: string;
  row: number;
  fullName: string;
  gender?: 'M' | 'F' | null;
  birthDate?: string | null;
  nationalId?: string | null;
  phone?: string | null;
  bloodGroup?: string | null;
  homeUnitId?: number | null;
}

/** As the importer writes it: folded name, then ID and phone. */
function searchKey(r: RowInput): string {
  return [foldVietnamese(r.fullName), r.nationalId ?? '', r.phone ?? ''].filter(Boolean).join(' ');
}

/** What an import does per row: one people row and one registrations row with its source. */
export function insertRow(sqlite: Database.Database, r: RowInput, at = '2026-05-01T08:00:00.000Z'): { personId: number; registrationId: number } {
  const p = sqlite
    .prepare(
      'INSERT INTO people (full_name, search_key, gender, birth_date, national_id, phone, blood_group, home_unit_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
    )
    .run(r.fullName, searchKey(r), r.gender ?? null, r.birthDate ?? null, r.nationalId ?? null, r.phone ?? null, r.bloodGroup ?? null, r.homeUnitId ?? null, at, at);
  const personId = Number(p.lastInsertRowid);
  const g = sqlite
    .prepare('INSERT INTO registrations (person_id, campaign_id, unit_id, batch_id, source_file, source_sheet, source_row, created_at) VALUES (?,?,?,?,?,?,?,?)')
    .run(personId, r.campaignId, r.unitId, r.batchId ?? null, r.file, r.sheet, r.row, at);
  return { personId, registrationId: Number(g.lastInsertRowid) };
}

export function insertUnit(sqlite: Database.Database, name: string): number {
  const at = '2026-05-01T08:00:00.000Z';
  return Number(sqlite.prepare('INSERT INTO units (name, kind, created_at, updated_at) VALUES (?,?,?,?)').run(name, 'other', at, at).lastInsertRowid);
}

export function insertCampaign(sqlite: Database.Database, name: string): number {
  const at = '2026-05-01T08:00:00.000Z';
  return Number(sqlite.prepare('INSERT INTO campaigns (name, created_at, updated_at) VALUES (?,?,?)').run(name, at, at).lastInsertRowid);
}

/** Pairwise precision/recall of predicted groups against true groups, as the corpus scorer counts them. */
export function pairwiseScore(pred: string[][], truth: string[][]): { precision: number; recall: number; predicted: number; truePairs: number } {
  const pairs = (groups: string[][]) => {
    const parent = new Map<string, string>();
    const find = (x: string): string => (parent.get(x) === undefined || parent.get(x) === x ? x : find(parent.get(x)!));
    for (const g of groups) for (const k of g) {
      if (!parent.has(k)) parent.set(k, k);
      const ra = find(g[0]);
      const rb = find(k);
      if (ra !== rb) parent.set(rb, ra);
    }
    const comps = new Map<string, string[]>();
    for (const k of parent.keys()) comps.set(find(k), [...(comps.get(find(k)) ?? []), k]);
    const out = new Set<string>();
    for (const c of comps.values()) {
      const s = [...c].sort();
      for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) out.add(`${s[i]}||${s[j]}`);
    }
    return out;
  };
  const p = pairs(pred);
  const t = pairs(truth);
  const tp = [...p].filter((x) => t.has(x)).length;
  return { precision: p.size ? tp / p.size : t.size ? 0 : 1, recall: t.size ? tp / t.size : 1, predicted: p.size, truePairs: t.size };
}
