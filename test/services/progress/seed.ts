import type { ServiceContext } from '../../../electron/services/context';
import { insertPerson } from '../../../electron/services/people/write-person';
import { q } from '../../../electron/db/query';

/**
 * Small test data for the progress, donors and donation-day tests. People are added by the people
 * module (`insertPerson`, the one writer of `people`, so the search key is the app's own). Batches,
 * registrations and donations are plain rows written through the data layer: only the columns those
 * services read, not what the importer or the result-list import would write (no raw row, no issues).
 * Merges are the real service's (electron/services/duplicates/merge.ts): tests call it themselves.
 */
export function addPerson(ctx: ServiceContext, p: { name: string; nid?: string | null; phone?: string | null; birth?: string | null; gender?: 'M' | 'F' | null; prior?: number | null; blood?: string | null }): number {
  const now = '2026-04-01T00:00:00Z';
  return ctx.data.write((w) =>
    insertPerson(w, { full_name: p.name, gender: p.gender ?? null, birth_date: p.birth ?? null, national_id: p.nid ?? null, phone: p.phone ?? null, blood_group: p.blood ?? null, prior_donations: p.prior ?? null }, now),
  );
}

const batches = new Map<string, number>();

/** A registration from list `file` (one import batch per campaign and file, made on first use). */
export function addRegistration(
  ctx: ServiceContext,
  r: { personId: number; campaignId: number; unitId: number | null; file?: string; sheet?: string; row?: number; credited?: 0 | 1; createdAt?: string },
): number {
  const file = r.file ?? `ds-${r.unitId}.xlsx`;
  const bkey = `${ctx.dbPath}|${r.campaignId}|${file}`;
  return ctx.data.write((w) => {
    let batch = batches.get(bkey);
    if (!batch) {
      batch = w.run(q.insertInto('import_batches').values({ campaign_id: r.campaignId, unit_id: r.unitId, file_name: file, file_hash: `hash-${file}`, row_count: 0, created_at: '2026-04-02T00:00:00Z' })).lastInsertRowid;
      batches.set(bkey, batch);
    }
    return w.run(
      q.insertInto('registrations').values({
        person_id: r.personId, campaign_id: r.campaignId, unit_id: r.unitId, batch_id: batch, source_file: file, source_sheet: r.sheet ?? 'Sheet1', source_row: r.row ?? 1,
        credited: r.credited ?? 1, created_at: r.createdAt ?? '2026-04-10T03:00:00Z',
      }),
    ).lastInsertRowid;
  });
}

export function addDonation(ctx: ServiceContext, d: { personId: number; campaignId: number | null; date: string; outcome?: 'donated' | 'deferred'; volume?: 250 | 350 | 450 | null; registrationId?: number | null }): number {
  return ctx.data.write((w) =>
    w.run(
      q.insertInto('donations').values({
        person_id: d.personId, campaign_id: d.campaignId, registration_id: d.registrationId ?? null, donated_on: d.date, outcome: d.outcome ?? 'donated',
        volume_ml: d.outcome === 'deferred' ? null : (d.volume ?? 350), created_at: '2026-01-01T00:00:00Z',
      }),
    ).lastInsertRowid,
  );
}
