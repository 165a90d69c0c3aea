/** Writes a checked preview in ONE transaction: batch, people, registrations (source and raw kept), audit. */
import type { ServiceContext } from '../context';
import type { Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import { AppError } from '../../../shared/errors/app-error';
import { commitArgsSchema, type CommitArgs, type CommitResult, type PreviewRow } from '../../../shared/ipc/channels/imports';
import { nfc } from '../../../shared/domain/text';
import type { PersonValues } from '../../../shared/domain/import/types';
import { appendAudit } from '../audit/audit-log';
import { dropPreview, getPreview } from './preview-store';
import { rememberMapping } from './remembered-mappings';
import { bySheet } from './safe-text';
import { normalizeBloodGroup, normalizeGender, normalizeName } from '../../../shared/domain/import/values';
import { normalizeBirthDate } from '../../../shared/domain/import/dates';
import { normalizeNationalId, normalizePhone } from '../../../shared/domain/import/ids-phones';
import { insertPerson } from '../people/write-person';
import { removeBatchRows } from './batches';
import { guessUnitKind } from '../../../shared/domain/unit-kinds';
import { localDate as localDay } from '../donors/dates';

/** The clerk's corrections, normalised like imported cells ("Nữ" → F, "12/3/1990" → 1990-03-12). */
function applyEdits(row: PreviewRow, edits: { field: string; value: string | null }[], refYear: number): PersonValues {
  const v: PersonValues = { ...row.values };
  for (const e of edits) {
    const val = e.value === null || e.value.trim() === '' ? null : nfc(e.value.trim());
    if (e.field === 'gender') v.gender = val === 'M' || val === 'F' ? val : normalizeGender(val);
    else if (e.field === 'full_name') v.full_name = normalizeName(val);
    else if (e.field === 'birth_date') v.birth_date = normalizeBirthDate(val, { refYear }).value;
    else if (e.field === 'national_id') v.national_id = normalizeNationalId(val).value;
    else if (e.field === 'phone') v.phone = normalizePhone(val).value;
    else if (e.field === 'blood_group') v.blood_group = normalizeBloodGroup(val).value;
    else (v as unknown as Record<string, unknown>)[e.field] = val;
  }
  return v;
}

type RegistrationArgs = {
  personId: number;
  campaignId: number;
  unitId: number | null;
  batchId: number;
  file: string;
  sheet: string;
  row: number;
  raw: string;
  issues: string;
  now: string;
};

/** One registration per list row: compiled once, run 100,000 times for a big list. */
const insertRegistration = statement<RegistrationArgs>((p) =>
  q.insertInto('registrations').values({
    person_id: p.personId,
    campaign_id: p.campaignId,
    unit_id: p.unitId,
    batch_id: p.batchId,
    source_file: p.file,
    source_sheet: p.sheet,
    source_row: p.row,
    raw: p.raw,
    issues: p.issues,
    status: sql<'active'>`'active'`,
    credited: sql<number>`1`,
    created_at: p.now,
  }),
);

/** A unit named on the import screen: the existing one of that name, else a new top-level unit (audited). */
function unitNamed(w: Writer, newUnitName: string, now: string): number {
  const name = nfc(newUnitName);
  const found = w.value(q.selectFrom('units').select('id').where('name', '=', name).where('archived', '=', 0));
  if (found !== undefined) return found;
  const order = w.value(sql<{ n: number }>`SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM units WHERE parent_id IS NULL`)!;
  const unitId = w.run(q.insertInto('units').values({ name, kind: guessUnitKind(name), sort_order: order, created_at: now, updated_at: now })).lastInsertRowid;
  appendAudit(w, { action: 'unit.create', entity: 'unit', entityId: unitId, detail: name }, now);
  return unitId;
}

export async function commitImport(ctx: ServiceContext, input: CommitArgs): Promise<CommitResult> {
  const args = commitArgsSchema.parse(input);
  const stored = getPreview(args.previewId);
  const { preview, parsed } = stored;
  const now = ctx.now().toISOString();
  const listDate = args.listDate ?? localDay(ctx.now());
  const excluded = new Set(args.excluded);
  const edits = new Map<string, { field: string; value: string | null }[]>();
  for (const e of args.edits) edits.set(e.key, [...(edits.get(e.key) ?? []), e]);
  const headersBySheet = new Map(parsed.sheets.map((s) => [s.sheet, s.headers]));

  // A big list touches many index pages (bulk: a bigger cache); every reference written below
  // (campaign, unit, batch, the person just inserted) exists by construction, checked once here.
  const bulk = preview.rows.length > 5000;
  const result = ctx.data.write((w): CommitResult => {
    const dup = w.get(
      q
        .selectFrom('import_batches')
        .select('id')
        .where('campaign_id', '=', preview.campaignId)
        .where('file_hash', '=', preview.fileHash)
        .where('status', '=', 'committed')
        .orderBy('id', 'desc')
        .limit(sql.lit(1)),
    );
    if (dup && args.onDuplicate === 'skip') return { batchId: null, imported: 0, skipped: true, replacedBatchId: null, unitId: args.unitId };
    if (dup && args.onDuplicate === 'refuse') {
      throw new AppError('DUPLICATE_FILE', `Tệp "${preview.fileName}" đã được nhập vào đợt này (lần nhập số ${dup.id}). Hãy chọn "Thay thế" để thay lần nhập cũ, hoặc "Bỏ qua".`);
    }
    if (w.value(q.selectFrom('campaigns').select('id').where('id', '=', preview.campaignId)) === undefined) {
      throw new AppError('CAMPAIGN_NOT_FOUND', 'Đợt hiến máu của bản xem trước không còn tồn tại. Hãy chọn đợt khác và nhập lại tệp.');
    }
    let unitId = args.unitId;
    if (unitId !== null && w.value(q.selectFrom('units').select('id').where('id', '=', unitId)) === undefined) {
      throw new AppError('UNIT_NOT_FOUND', `Không tìm thấy đơn vị số ${unitId}. Hãy chọn lại đơn vị gửi danh sách.`);
    }
    if (unitId === null && args.newUnitName) unitId = unitNamed(w, args.newUnitName, now);
    let replacedBatchId: number | null = null;
    if (dup && args.onDuplicate === 'replace') {
      removeBatchRows(w, dup.id, 'replaced', now);
      replacedBatchId = dup.id;
    }
    const batchId = w.run(
      q.insertInto('import_batches').values({
        campaign_id: preview.campaignId,
        unit_id: unitId,
        file_name: preview.fileName,
        file_hash: preview.fileHash,
        file_size: parsed.fileSize,
        sheets: JSON.stringify(preview.sheets.map((s) => ({ sheet: s.sheet, skipped: s.skipped, rows: s.personCount }))),
        mapping: JSON.stringify(Object.fromEntries(preview.sheets.map((s) => [s.sheet, s.mapping]))),
        row_count: 0,
        status: 'committed',
        created_at: now,
        list_date: listDate,
      }),
    ).lastInsertRowid;
    const refYear = Number(now.slice(0, 4));
    let imported = 0;
    for (const row of preview.rows) {
      if (excluded.has(row.key)) continue;
      const rowEdits = edits.get(row.key);
      // Nothing below changes the values: a row without corrections is written as previewed.
      const v = rowEdits ? applyEdits(row, rowEdits, refYear) : row.values;
      const personId = insertPerson(w, { ...v, full_name: v.full_name ?? '', home_unit_id: unitId }, now);
      const headers = headersBySheet.get(row.sheet) ?? [];
      const cells: [string, string][] = [];
      for (const c in row.cells) {
        const i = Number(c);
        cells.push([headers[i] || `Cột ${i + 1}`, row.cells[c]]);
      }
      const issues = rowEdits ? row.issues.filter((i) => !rowEdits.some((e) => e.field === i.field || (e.field === 'birth_date' && i.field === 'birth'))) : row.issues;
      w.run(insertRegistration, {
        personId,
        campaignId: preview.campaignId,
        unitId,
        batchId,
        file: preview.fileName,
        sheet: row.sheet,
        row: row.row,
        raw: JSON.stringify({ cells, values: v, ...(row.part ? { part: row.part } : {}) }),
        issues: JSON.stringify(issues),
        now,
      });
      imported++;
    }
    w.run(q.updateTable('import_batches').set({ row_count: imported }).where('id', '=', batchId));
    // Only a mapping the clerk chose (or confirmed from memory) is remembered; detection redoes the rest.
    // A guessed mapping (no header recognised) is confirmed by committing it.
    for (const s of parsed.sheets) if (!s.skipped && s.signature && (bySheet(stored.mappings, s.sheet) || s.needsMapping)) rememberMapping(w, s.signature, unitId, s.mapping, now);
    appendAudit(w, { action: 'import.commit', entity: 'import_batch', entityId: batchId, detail: `${imported} dòng${replacedBatchId ? `, thay lần nhập ${replacedBatchId}` : ''}` }, now);
    return { batchId, imported, skipped: false, replacedBatchId, unitId };
  }, { bulk });
  dropPreview(args.previewId);
  return result;
}
