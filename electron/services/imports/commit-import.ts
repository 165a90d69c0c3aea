/** Writes a checked preview in ONE transaction: batch, people, registrations (source and raw kept), audit. */
import type { ServiceContext } from '../context';
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

/** What search finds a person by: folded name plus the digits of ID and phone. */
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

export async function commitImport(ctx: ServiceContext, input: CommitArgs): Promise<CommitResult> {
  const args = commitArgsSchema.parse(input);
  const stored = getPreview(args.previewId);
  const { preview, parsed } = stored;
  const now = ctx.now().toISOString();
  const excluded = new Set(args.excluded);
  const edits = new Map<string, { field: string; value: string | null }[]>();
  for (const e of args.edits) edits.set(e.key, [...(edits.get(e.key) ?? []), e]);
  const db = ctx.sqlite;
  const headersBySheet = new Map(parsed.sheets.map((s) => [s.sheet, s.headers]));

  // A big list touches many index pages: give SQLite room for them during this transaction.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  const bulk = preview.rows.length > 5000 && !db.inTransaction;
  if (bulk) {
    db.pragma('cache_size = -131072');
    // Every reference written below (campaign, unit, batch, the person just inserted) exists by
    // construction; checked once here instead of once per row.
    db.pragma('foreign_keys = OFF');
  }
  const tx = db.transaction((): CommitResult => {
    const dup = db
      .prepare("SELECT id FROM import_batches WHERE campaign_id = ? AND file_hash = ? AND status = 'committed' ORDER BY id DESC LIMIT 1")
      .get(preview.campaignId, preview.fileHash) as { id: number } | undefined;
    if (dup && args.onDuplicate === 'skip') return { batchId: null, imported: 0, skipped: true, replacedBatchId: null, unitId: args.unitId };
    if (dup && args.onDuplicate === 'refuse') {
      throw new AppError('DUPLICATE_FILE', `Tệp "${preview.fileName}" đã được nhập vào đợt này (lần nhập số ${dup.id}). Hãy chọn "Thay thế" để thay lần nhập cũ, hoặc "Bỏ qua".`);
    }
    if (!db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(preview.campaignId)) {
      throw new AppError('CAMPAIGN_NOT_FOUND', 'Đợt hiến máu của bản xem trước không còn tồn tại. Hãy chọn đợt khác và nhập lại tệp.');
    }
    let unitId = args.unitId;
    if (unitId !== null && !db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) {
      throw new AppError('UNIT_NOT_FOUND', `Không tìm thấy đơn vị số ${unitId}. Hãy chọn lại đơn vị gửi danh sách.`);
    }
    if (unitId === null && args.newUnitName) {
      const name = nfc(args.newUnitName);
      const found = db.prepare('SELECT id FROM units WHERE name = ? AND archived = 0').get(name) as { id: number } | undefined;
      if (found) unitId = found.id;
      else {
        const order = (db.prepare('SELECT COALESCE(MAX(sort_order), -1) + 1 AS n FROM units WHERE parent_id IS NULL').get() as { n: number }).n;
        unitId = Number(db.prepare('INSERT INTO units (name, kind, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(name, guessUnitKind(name), order, now, now).lastInsertRowid);
        appendAudit(db, { action: 'unit.create', entity: 'unit', entityId: unitId, detail: name }, now);
      }
    }
    let replacedBatchId: number | null = null;
    if (dup && args.onDuplicate === 'replace') {
      removeBatchRows(db, dup.id, 'replaced', now);
      replacedBatchId = dup.id;
    }
    const batchId = Number(
      db.prepare('INSERT INTO import_batches (campaign_id, unit_id, file_name, file_hash, file_size, sheets, mapping, row_count, status, created_at, list_date) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
        .run(preview.campaignId, unitId, preview.fileName, preview.fileHash, parsed.fileSize, JSON.stringify(preview.sheets.map((s) => ({ sheet: s.sheet, skipped: s.skipped, rows: s.personCount }))), JSON.stringify(Object.fromEntries(preview.sheets.map((s) => [s.sheet, s.mapping]))), 0, 'committed', now, args.listDate ?? localDay(ctx.now()))
        .lastInsertRowid,
    );
    const insReg = db.prepare(
      "INSERT INTO registrations (person_id, campaign_id, unit_id, batch_id, source_file, source_sheet, source_row, raw, issues, status, credited, created_at) VALUES (?,?,?,?,?,?,?,?,?,'active',1,?)",
    );
    let imported = 0;
    for (const row of preview.rows) {
      if (excluded.has(row.key)) continue;
      const v = applyEdits(row, edits.get(row.key) ?? [], Number(now.slice(0, 4)));
      const personId = insertPerson(db, { ...v, full_name: v.full_name ?? '', home_unit_id: unitId }, now);
      const headers = headersBySheet.get(row.sheet) ?? [];
      const cells = Object.entries(row.cells).map(([c, t]) => [headers[Number(c)] || `Cột ${Number(c) + 1}`, t]);
      const issues = edits.has(row.key) ? row.issues.filter((i) => !edits.get(row.key)!.some((e) => e.field === i.field || (e.field === 'birth_date' && i.field === 'birth'))) : row.issues;
      insReg.run(personId, preview.campaignId, unitId, batchId, preview.fileName, row.sheet, row.row, JSON.stringify({ cells, values: v, ...(row.part ? { part: row.part } : {}) }), JSON.stringify(issues), now);
      imported++;
    }
    db.prepare('UPDATE import_batches SET row_count = ? WHERE id = ?').run(imported, batchId);
    // Only a mapping the clerk chose (or confirmed from memory) is remembered; detection redoes the rest.
    // A guessed mapping (no header recognised) is confirmed by committing it.
    for (const s of parsed.sheets) if (!s.skipped && s.signature && (bySheet(stored.mappings, s.sheet) || s.needsMapping)) rememberMapping(db, s.signature, unitId, s.mapping, now);
    appendAudit(db, { action: 'import.commit', entity: 'import_batch', entityId: batchId, detail: `${imported} dòng${replacedBatchId ? `, thay lần nhập ${replacedBatchId}` : ''}` }, now);
    return { batchId, imported, skipped: false, replacedBatchId, unitId };
  });
  let result: CommitResult;
  try {
    result = tx();
  } finally {
    if (bulk) {
      db.pragma(`cache_size = ${cacheBefore}`);
      db.pragma('foreign_keys = ON');
    }
  }
  dropPreview(args.previewId);
  return result;
}
