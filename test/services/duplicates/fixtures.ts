import type { Data, Writer } from '../../../electron/db/data';
import { q } from '../../../electron/db/query';
import { insertPerson } from '../../../electron/services/people/write-person';

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

/** The open transaction's writer, or a transaction of its own. */
function writing<T>(db: Data | Writer, fn: (w: Writer) => T): T {
  return 'run' in db ? fn(db) : db.write(fn);
}

/**
 * One list row as the matcher sees it: a person added by the people module (`insertPerson`) and a
 * registration with its source file, sheet and row. The values are taken as given (already
 * normalised), not read from a file by the importer.
 */
export function insertRow(db: Data | Writer, r: RowInput, at = '2026-05-01T08:00:00.000Z'): { personId: number; registrationId: number } {
  return writing(db, (w) => {
    const personId = insertPerson(
      w,
      { full_name: r.fullName, gender: r.gender ?? null, birth_date: r.birthDate ?? null, national_id: r.nationalId ?? null, phone: r.phone ?? null, blood_group: r.bloodGroup ?? null, home_unit_id: r.homeUnitId ?? null },
      at,
    );
    const registrationId = w.run(
      q.insertInto('registrations').values({ person_id: personId, campaign_id: r.campaignId, unit_id: r.unitId, batch_id: r.batchId ?? null, source_file: r.file, source_sheet: r.sheet, source_row: r.row, created_at: at }),
    ).lastInsertRowid;
    return { personId, registrationId };
  });
}

export function insertUnit(db: Data | Writer, name: string): number {
  const at = '2026-05-01T08:00:00.000Z';
  return writing(db, (w) => w.run(q.insertInto('units').values({ name, kind: 'other', created_at: at, updated_at: at })).lastInsertRowid);
}

export function insertCampaign(db: Data | Writer, name: string): number {
  const at = '2026-05-01T08:00:00.000Z';
  return writing(db, (w) => w.run(q.insertInto('campaigns').values({ name, created_at: at, updated_at: at })).lastInsertRowid);
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
