import { AppError } from '../../../shared/errors/app-error';
import { defaultMergeChoice } from '../../../shared/domain/matching';
import { mergeInputSchema, type MergeField, type MergeInput } from '../../../shared/ipc/channels/duplicates';
import type { ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { applyCredit } from './credit';
import { updatePerson, type ColumnChange, type PersonFields } from '../people/write-person';
import { linkMerged } from '../people/merge-links';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';

export const FIELD_COLUMNS: Record<MergeField, string> = {
  fullName: 'full_name',
  gender: 'gender',
  birthDate: 'birth_date',
  nationalId: 'national_id',
  phone: 'phone',
  address: 'address',
  workplace: 'workplace',
  bloodGroup: 'blood_group',
  homeUnitId: 'home_unit_id',
};

export type PersonDbRow = Record<string, unknown> & { id: number; merged_into: number | null; deleted_at: string | null; full_name: string };

export interface MergeSnapshot {
  /** Per column: the value the merge wrote (only columns it changed). */
  fields: Record<string, ColumnChange>;
  /** Credited flags of the survivor's registrations before the merge. */
  creditBefore: { id: number; credited: number }[];
}

function activePerson(r: Reader, id: number): PersonDbRow {
  const p = r.get(q.selectFrom('people').selectAll().where('id', '=', id)) as PersonDbRow | undefined;
  if (!p) throw new AppError('PERSON_NOT_FOUND', `Không tìm thấy người #${id}. Hãy tải lại danh sách trùng lặp.`);
  if (p.merged_into !== null) throw new AppError('ALREADY_MERGED', `Người #${id} đã được gộp vào người #${p.merged_into}. Hãy tải lại danh sách trùng lặp.`);
  if (p.deleted_at !== null) throw new AppError('PERSON_DELETED', `Người #${id} đã bị xoá khỏi dữ liệu nên không gộp được.`);
  return p;
}

/**
 * Merges `mergedId` into `survivorId`: the chosen field values go to the survivor, the other's
 * registrations and donations move to it (each keeps its source file/sheet/row), the other is
 * marked merged_into, and a full snapshot is kept so undo restores exactly.
 */
export function mergePeople(ctx: ServiceContext, input: MergeInput, decided: { batchId: number; rule: string } | null = null) {
  const at = ctx.now().toISOString();
  return ctx.data.write((w) => mergeWith(w, input, at, decided));
}

/** The merge inside an open transaction (a bulk merge makes many in one). */
export function mergeWith(w: Writer, input: MergeInput, at: string, decided: { batchId: number; rule: string } | null = null) {
  const v = mergeInputSchema.parse(input);
  if (v.survivorId === v.mergedId) throw new AppError('VALIDATION', 'Không thể gộp một người với chính người đó.');
  const s = activePerson(w, v.survivorId);
  const m = activePerson(w, v.mergedId);
  const snapshot: MergeSnapshot = { fields: {}, creditBefore: [] };
  const patch: Record<string, unknown> = {};
  for (const [field, col] of Object.entries(FIELD_COLUMNS) as [MergeField, string][]) {
    const choice = v.choices[field] ?? defaultMergeChoice(field, s[col], m[col]);
    const value = choice === 'merged' ? m[col] : s[col];
    if (value === s[col]) continue;
    patch[col] = value;
  }
  snapshot.fields = updatePerson(w, s.id, patch as Partial<PersonFields>, at);

  const regs = w.all(q.selectFrom('registrations').select(['id', 'campaign_id', 'credited']).where('person_id', '=', m.id));
  const dons = w.all(q.selectFrom('donations').select('id').where('person_id', '=', m.id));
  w.run(q.updateTable('registrations').set({ person_id: s.id }).where('person_id', '=', m.id));
  w.run(q.updateTable('donations').set({ person_id: s.id }).where('person_id', '=', m.id));
  const movedIds = new Set(regs.map((r) => r.id));
  for (const campaignId of new Set(regs.map((r) => r.campaign_id))) {
    const before = applyCredit(w, s.id, campaignId, v.creditedRegistrationId);
    snapshot.creditBefore.push(...before.filter((b) => !movedIds.has(b.id)));
  }
  linkMerged(w, m.id, s.id, at);
  const info = w.run(
    q.insertInto('person_merges').values({
      survivor_id: s.id,
      merged_id: m.id,
      survivor_before: JSON.stringify(s),
      field_choices: JSON.stringify(snapshot),
      moved_registrations: JSON.stringify(regs.map((r) => ({ id: r.id, credited: r.credited }))),
      moved_donations: JSON.stringify(dons.map((d) => d.id)),
      created_at: at,
      batch_id: decided?.batchId ?? null,
      rule: decided?.rule ?? null,
    }),
  );
  const mergeId = info.lastInsertRowid;
  appendAudit(
    w,
    {
      action: 'duplicates.merge',
      entity: 'person',
      entityId: s.id,
      detail: `Gộp người #${m.id} vào người #${s.id} (lần gộp #${mergeId}): chuyển ${regs.length} đăng ký, ${dons.length} lần hiến; trường lấy từ người được gộp: ${Object.keys(snapshot.fields).filter((c) => c !== 'search_key').join(', ') || 'không'}`,
    },
    at,
  );
  return { mergeId, survivorId: s.id, mergedId: m.id, movedRegistrations: regs.length, movedDonations: dons.length };
}
