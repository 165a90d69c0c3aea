/** The interchange JSON (corpus/README.md): one object per imported row, plus duplicate groups. */
import type { ServiceContext } from '../context';
import { sql } from '../../db/query';
import type { PersonValues } from '../../../shared/domain/import/types';
import { eligibleByAge } from '../../../shared/domain/import/validate-row';
import { duplicateGroupsForExport, type SourceRef } from '../duplicates/export-groups';
import { campaignRules } from './build-preview';

export interface InterchangeRow {
  file: string;
  sheet: string;
  row: number;
  full_name: string | null;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  national_id: string | null;
  phone: string | null;
  blood_group: string | null;
  eligible?: boolean | null;
  /** 1, 2… when one printed row holds several people (left and right blocks). */
  part?: number;
}

export async function exportInterchange(ctx: ServiceContext, campaignId: number): Promise<{ rows: InterchangeRow[]; duplicate_groups: SourceRef[][] }> {
  const rules = await campaignRules(ctx, campaignId);
  const regs = ctx.data.read.all(
    sql<{ source_file: string | null; source_sheet: string | null; source_row: number | null; raw: string; full_name: string; gender: 'M' | 'F' | null; birth_date: string | null; national_id: string | null; phone: string | null; blood_group: string | null }>`
      SELECT r.source_file, r.source_sheet, r.source_row, r.raw, p.full_name, p.gender, p.birth_date, p.national_id, p.phone, p.blood_group
       FROM registrations r JOIN people p ON p.id = r.person_id LEFT JOIN import_batches b ON b.id = r.batch_id
       WHERE r.campaign_id = ${campaignId} AND r.status = 'active' AND (b.id IS NULL OR b.status = 'committed') AND r.source_file IS NOT NULL
       ORDER BY r.source_file, r.source_sheet, r.source_row, r.id`,
  );
  const rows = regs.map((r) => {
    let v: Partial<PersonValues> | undefined;
    let part: number | undefined;
    try {
      const raw = JSON.parse(r.raw) as { values?: PersonValues; part?: number };
      v = raw.values;
      part = typeof raw.part === 'number' ? raw.part : undefined;
    } catch {
      v = undefined;
    }
    // The row's own values as imported; the person's (possibly merged) values otherwise.
    const src = v ?? r;
    const out: InterchangeRow = {
      file: r.source_file ?? '',
      sheet: r.source_sheet ?? '',
      row: r.source_row ?? 0,
      full_name: src.full_name || null,
      gender: src.gender ?? null,
      birth_date: src.birth_date ?? null,
      national_id: src.national_id ?? null,
      phone: src.phone ?? null,
      blood_group: src.blood_group ?? null,
    };
    if (rules.donationDate) out.eligible = eligibleByAge({ birth_date: out.birth_date, gender: out.gender }, rules);
    if (part) out.part = part;
    return out;
  });
  return { rows, duplicate_groups: await duplicateGroupsForExport(ctx, campaignId) };
}
