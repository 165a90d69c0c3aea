import { AppError } from '../../../shared/errors/app-error';
import { personSearchKey } from '../../../shared/domain/people/identity';
import { inTransaction, type ServiceContext } from '../context';
import { appendAudit } from '../audit/audit-log';
import { ANONYMOUS_NAME } from './people-lookup';

export type EraseMode = 'delete' | 'anonymise';

export interface EraseResult {
  mode: EraseMode;
  people: number;
  registrations: number;
  donations: number;
}

/** The person and every record merged into them (the same human under older ids). */
async function samePersonIds(ctx: ServiceContext, id: number): Promise<number[]> {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) {
    const kids = await ctx.db.selectFrom('people').select('id').where('merged_into', '=', ids[i]).execute();
    for (const k of kids) if (!ids.includes(k.id)) ids.push(k.id);
  }
  return ids;
}

/**
 * A person's request to be forgotten.
 * - "delete": the person, their registrations, donations (with deferrals), honours, duplicate
 *   decisions and merge history are removed; issued certificate serials stay (they are numbered
 *   forms) but no longer point to anyone.
 * - "anonymise": for when reports must keep the counts: names, numbers, address, birth date and
 *   the raw imported row are wiped; registrations and donations stay, counted but nameless.
 * One transaction; the audit entry carries counts only.
 */
export async function erasePerson(ctx: ServiceContext, id: number, mode: EraseMode): Promise<EraseResult> {
  // Overwrite freed space with zeros so the erased values do not linger in free pages of the file.
  const secure = ctx.inTx ? null : (ctx.sqlite.pragma('secure_delete', { simple: true }) as number);
  if (secure !== null) ctx.sqlite.pragma('secure_delete = ON');
  try {
    return await eraseInTransaction(ctx, id, mode);
  } finally {
    if (secure !== null) ctx.sqlite.pragma(`secure_delete = ${secure ? 'ON' : 'OFF'}`);
  }
}

function eraseInTransaction(ctx: ServiceContext, id: number, mode: EraseMode): Promise<EraseResult> {
  return inTransaction(ctx, async (tx) => {
    const person = await tx.db.selectFrom('people').select(['id', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!person) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
    if (person.merged_into !== null) {
      throw new AppError('PERSON_MERGED', 'Hồ sơ này đã được gộp vào một hồ sơ khác. Hãy tìm và xử lý hồ sơ chính của người này.');
    }
    const ids = await samePersonIds(tx, id);
    const regIds = (await tx.db.selectFrom('registrations').select('id').where('person_id', 'in', ids).execute()).map((r) => r.id);
    const donIds = (await tx.db.selectFrom('donations').select('id').where('person_id', 'in', ids).execute()).map((r) => r.id);
    const now = tx.now().toISOString();
    await tx.db.deleteFrom('duplicate_decisions').where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)])).execute();
    if (mode === 'delete') {
      if (donIds.length) await tx.db.updateTable('certificate_serials').set({ donation_id: null }).where('donation_id', 'in', donIds).execute();
      await tx.db.updateTable('certificate_serials').set({ person_id: null }).where('person_id', 'in', ids).execute();
      if (donIds.length) await tx.db.deleteFrom('deferrals').where('donation_id', 'in', donIds).execute();
      await tx.db.deleteFrom('donations').where('person_id', 'in', ids).execute();
      if (regIds.length) await tx.db.deleteFrom('donations').where('registration_id', 'in', regIds).execute();
      await tx.db.deleteFrom('registrations').where('person_id', 'in', ids).execute();
      await tx.db.deleteFrom('honours').where('person_id', 'in', ids).execute();
      await tx.db.deleteFrom('person_merges').where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)])).execute();
      // Children first: they point to the survivor through merged_into.
      await tx.db.updateTable('people').set({ merged_into: null }).where('id', 'in', ids).execute();
      await tx.db.deleteFrom('people').where('id', 'in', ids).execute();
    } else {
      await tx.db
        .updateTable('people')
        .set({
          full_name: ANONYMOUS_NAME, search_key: personSearchKey({ fullName: ANONYMOUS_NAME }), birth_date: null, national_id: null, phone: null,
          address: null, workplace: null, blood_group: null, note: null, deleted_at: now, updated_at: now,
        })
        .where('id', 'in', ids)
        .execute();
      await tx.db.updateTable('registrations').set({ raw: '{}', issues: '[]' }).where('person_id', 'in', ids).execute();
      await tx.db.updateTable('person_merges').set({ survivor_before: '{}', field_choices: '{}' }).where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)])).execute();
    }
    appendAudit(
      tx.sqlite,
      {
        action: mode === 'delete' ? 'person.delete' : 'person.anonymise',
        entity: 'person',
        entityId: id,
        detail: `Theo yêu cầu của người hiến: ${mode === 'delete' ? 'xoá' : 'ẩn danh'} ${ids.length} hồ sơ, ${regIds.length} đăng ký, ${donIds.length} lần hiến`,
      },
      now,
    );
    return { mode, people: ids.length, registrations: regIds.length, donations: donIds.length };
  });
}
