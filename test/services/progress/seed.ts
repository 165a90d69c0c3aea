import type { AppContext } from '../../../electron/services/create-context';
import { foldVietnamese } from '../../../shared/domain/text';

/** Test data written the way the importer and the duplicates engineer write it. */
export function addPerson(ctx: AppContext, p: { name: string; nid?: string | null; phone?: string | null; birth?: string | null; gender?: 'M' | 'F' | null; prior?: number | null; blood?: string | null }): number {
  const now = '2026-04-01T00:00:00Z';
  return Number(
    ctx.conn.sqlite
      .prepare('INSERT INTO people (full_name, search_key, gender, birth_date, national_id, phone, blood_group, prior_donations, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)')
      .run(p.name, foldVietnamese(p.name), p.gender ?? null, p.birth ?? null, p.nid ?? null, p.phone ?? null, p.blood ?? null, p.prior ?? null, now, now).lastInsertRowid,
  );
}

const batches = new Map<string, number>();

export function addRegistration(
  ctx: AppContext,
  r: { personId: number; campaignId: number; unitId: number | null; file?: string; sheet?: string; row?: number; credited?: 0 | 1; createdAt?: string },
): number {
  const file = r.file ?? `ds-${r.unitId}.xlsx`;
  const bkey = `${ctx.dbPath}|${r.campaignId}|${file}`;
  let batch = batches.get(bkey);
  if (!batch) {
    batch = Number(
      ctx.conn.sqlite
        .prepare('INSERT INTO import_batches (campaign_id, unit_id, file_name, file_hash, row_count, created_at) VALUES (?,?,?,?,?,?)')
        .run(r.campaignId, r.unitId, file, `hash-${file}`, 0, '2026-04-02T00:00:00Z').lastInsertRowid,
    );
    batches.set(bkey, batch);
  }
  return Number(
    ctx.conn.sqlite
      .prepare('INSERT INTO registrations (person_id, campaign_id, unit_id, batch_id, source_file, source_sheet, source_row, credited, created_at) VALUES (?,?,?,?,?,?,?,?,?)')
      .run(r.personId, r.campaignId, r.unitId, batch, file, r.sheet ?? 'Sheet1', r.row ?? 1, r.credited ?? 1, r.createdAt ?? '2026-04-10T03:00:00Z').lastInsertRowid,
  );
}

/**
 * What the duplicates engineer does on a merge: the merged person points to the survivor, their
 * registrations move to the survivor, and only one registration per campaign stays credited.
 */
export function mergePeople(ctx: AppContext, mergedId: number, survivorId: number): void {
  ctx.conn.sqlite.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(survivorId, mergedId);
  ctx.conn.sqlite.prepare('UPDATE registrations SET person_id = ? WHERE person_id = ?').run(survivorId, mergedId);
  ctx.conn.sqlite
    .prepare(
      `UPDATE registrations SET credited = 0 WHERE person_id = ? AND id NOT IN (SELECT MIN(id) FROM registrations WHERE person_id = ? GROUP BY campaign_id)`,
    )
    .run(survivorId, survivorId);
}

export function addDonation(ctx: AppContext, d: { personId: number; campaignId: number | null; date: string; outcome?: 'donated' | 'deferred'; volume?: 250 | 350 | 450 | null; registrationId?: number | null }): number {
  return Number(
    ctx.conn.sqlite
      .prepare('INSERT INTO donations (person_id, campaign_id, registration_id, donated_on, outcome, volume_ml, created_at) VALUES (?,?,?,?,?,?,?)')
      .run(d.personId, d.campaignId, d.registrationId ?? null, d.date, d.outcome ?? 'donated', d.outcome === 'deferred' ? null : (d.volume ?? 350), '2026-01-01T00:00:00Z').lastInsertRowid,
  );
}
