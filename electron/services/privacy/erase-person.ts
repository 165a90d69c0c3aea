import { AppError } from '../../../shared/errors/app-error';
import type { ServiceContext } from '../context';
import type { Reader } from '../../db/data';
import { q, statement } from '../../db/query';
import { appendAudit } from '../audit/audit-log';
import { anonymisePeople, deletePeople } from '../people/erase';

export type EraseMode = 'delete' | 'anonymise';

export interface EraseResult {
  mode: EraseMode;
  people: number;
  registrations: number;
  donations: number;
}

const mergedInto = statement<{ id: number }, { id: number }>((p) => q.selectFrom('people').select('id').where('merged_into', '=', p.id));

/** The person and every record merged into them (the same human under older ids). */
function samePersonIds(r: Reader, id: number): number[] {
  const ids = [id];
  for (let i = 0; i < ids.length; i++) {
    for (const k of r.column(mergedInto, { id: ids[i] })) if (!ids.includes(k)) ids.push(k);
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
 * One transaction, with freed space overwritten (secure_delete) so the erased values do not linger
 * in free pages of the file; the audit entry carries counts only. The people rows themselves are
 * written by the people module (people/erase.ts).
 */
export async function erasePerson(ctx: ServiceContext, id: number, mode: EraseMode): Promise<EraseResult> {
  const now = ctx.now().toISOString();
  return ctx.data.write(
    (w) => {
      const person = w.get(q.selectFrom('people').select(['id', 'merged_into']).where('id', '=', id));
      if (!person) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
      if (person.merged_into !== null) {
        throw new AppError('PERSON_MERGED', 'Hồ sơ này đã được gộp vào một hồ sơ khác. Hãy tìm và xử lý hồ sơ chính của người này.');
      }
      const ids = samePersonIds(w, id);
      const regIds = w.column(q.selectFrom('registrations').select('id').where('person_id', 'in', ids));
      const donIds = w.column(q.selectFrom('donations').select('id').where('person_id', 'in', ids));
      w.run(q.deleteFrom('duplicate_decisions').where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)])));
      if (mode === 'delete') {
        if (donIds.length) w.run(q.updateTable('certificate_serials').set({ donation_id: null }).where('donation_id', 'in', donIds));
        w.run(q.updateTable('certificate_serials').set({ person_id: null }).where('person_id', 'in', ids));
        if (donIds.length) w.run(q.deleteFrom('deferrals').where('donation_id', 'in', donIds));
        w.run(q.deleteFrom('donations').where('person_id', 'in', ids));
        if (regIds.length) w.run(q.deleteFrom('donations').where('registration_id', 'in', regIds));
        w.run(q.deleteFrom('registrations').where('person_id', 'in', ids));
        w.run(q.deleteFrom('honours').where('person_id', 'in', ids));
        w.run(q.deleteFrom('person_merges').where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)])));
        deletePeople(w, ids);
      } else {
        anonymisePeople(w, ids, now);
        w.run(q.updateTable('registrations').set({ raw: '{}', issues: '[]' }).where('person_id', 'in', ids));
        w.run(q.updateTable('person_merges').set({ survivor_before: '{}', field_choices: '{}' }).where((eb) => eb.or([eb('survivor_id', 'in', ids), eb('merged_id', 'in', ids)])));
      }
      appendAudit(
        w,
        {
          action: mode === 'delete' ? 'person.delete' : 'person.anonymise',
          entity: 'person',
          entityId: id,
          detail: `Theo yêu cầu của người hiến: ${mode === 'delete' ? 'xoá' : 'ẩn danh'} ${ids.length} hồ sơ, ${regIds.length} đăng ký, ${donIds.length} lần hiến`,
        },
        now,
      );
      return { mode, people: ids.length, registrations: regIds.length, donations: donIds.length };
    },
    { secureDelete: true },
  );
}
