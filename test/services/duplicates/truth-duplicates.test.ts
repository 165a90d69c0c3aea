import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, tempContext } from '../../helpers/context';
import { duplicateGroupsForExport } from '../../../electron/services/duplicates/export-groups';
import { insertCampaign, insertRow, insertUnit, pairwiseScore } from './fixtures';

/**
 * The corpus truth's expected values, inserted as an import would (one person + one registration
 * per row), matched through the real services on a real SQLite file. Independent of the importer.
 */
interface TruthRow { sheet: string; row: number; person_id: string; expected: Record<string, string | null> }
interface Truth {
  files: { file: string; org: string; rows: TruthRow[] }[];
  duplicate_groups: [string, string, number][][];
  hard_negative_pairs: { kind: string; a: [string, string, number][]; b: [string, string, number][] }[];
}

const key = (f: string, s: string, r: number) => `${f}|${s}|${r}`;

describe('duplicates on the corpus truth records', () => {
  const ctx = tempContext();
  let groups: string[][] = [];
  const truth = JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'truth.json'), 'utf8')) as Truth;

  beforeAll(async () => {
    const campaignId = insertCampaign(ctx.data, 'Đợt 1 năm 2026');
    const units = new Map<string, number>();
    ctx.data.write((w) => {
      for (const f of truth.files) {
        if (!units.has(f.org)) units.set(f.org, insertUnit(w, f.org));
        for (const r of f.rows) {
          const e = r.expected;
          insertRow(w, {
            campaignId, unitId: units.get(f.org)!, file: f.file, sheet: r.sheet, row: r.row,
            fullName: e.full_name!, gender: e.gender as 'M' | 'F' | null, birthDate: e.birth_date, nationalId: e.national_id, phone: e.phone, bloodGroup: e.blood_group,
          });
        }
      }
    });
    groups = (await duplicateGroupsForExport(ctx, campaignId)).map((g) => g.map((s) => key(s.file, s.sheet, s.row)));
  });
  afterAll(() => ctx.cleanup());

  it('finds the same people at ≥ 99% pairwise precision and recall', () => {
    const s = pairwiseScore(groups, truth.duplicate_groups.map((g) => g.map(([f, sh, r]) => key(f, sh, r))));
    expect(s.truePairs).toBeGreaterThan(100);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.recall).toBeGreaterThanOrEqual(0.99);
  });

  it('merges no hard-negative pair (namesakes, family sharing a phone)', () => {
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => g.forEach((k) => groupOf.set(k, i)));
    const merged = truth.hard_negative_pairs.filter((h) =>
      h.a.some(([f, s, r]) => h.b.some(([f2, s2, r2]) => {
        const ga = groupOf.get(key(f, s, r));
        return ga !== undefined && ga === groupOf.get(key(f2, s2, r2));
      })),
    );
    expect(truth.hard_negative_pairs.length).toBeGreaterThan(40);
    expect(merged.map((h) => h.kind)).toEqual([]);
  });
});
