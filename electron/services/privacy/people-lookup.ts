import { AppError } from '../../../shared/errors/app-error';
import { foldVietnamese } from '../../../shared/domain/text';
import { maskBirthDate, maskId, maskPhone } from '../../../shared/domain/privacy';
import type { PersonSummary } from '../../../shared/ipc/channels/privacy';
import type { ServiceContext } from '../context';
import type { Reader } from '../../db/data';
import { q, sql } from '../../db/query';

export { ANONYMOUS_NAME } from '../people/erase';

interface Row {
  id: number;
  full_name: string;
  birth_date: string | null;
  gender: 'M' | 'F' | null;
  national_id: string | null;
  phone: string | null;
  deleted_at: string | null;
  regs: number;
  dons: number;
}

function toSummary(r: Row): PersonSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    birthYear: maskBirthDate(r.birth_date),
    gender: r.gender,
    maskedId: maskId(r.national_id),
    maskedPhone: maskPhone(r.phone),
    registrations: Number(r.regs),
    donations: Number(r.dons),
    anonymised: r.deleted_at !== null,
  };
}

function baseQuery() {
  return q
    .selectFrom('people as p')
    .select(['p.id', 'p.full_name', 'p.birth_date', 'p.gender', 'p.national_id', 'p.phone', 'p.deleted_at'])
    .select((eb) => [
      eb.selectFrom('registrations as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.person_id', '=', 'p.id').as('regs'),
      eb.selectFrom('donations as d').select(eb.fn.countAll<number>().as('n')).whereRef('d.person_id', '=', 'p.id').as('dons'),
    ]);
}

/**
 * Finds people for a correction or deletion request: by name (ignoring diacritics and case), by the
 * digits of an ID number or a phone. Shows numbers masked.
 */
export async function findPeople(ctx: ServiceContext, query: string, limit = 50): Promise<PersonSummary[]> {
  const folded = foldVietnamese(query);
  const digits = query.replace(/\D/g, '');
  const like = `%${folded.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  let sel = baseQuery().where('p.merged_into', 'is', null);
  sel = sel.where((eb) => {
    const ors = [eb(sql<string>`p.search_key`, 'like', sql<string>`${like} ESCAPE '\\'`)];
    if (digits.length >= 6) {
      ors.push(eb('p.national_id', 'like', `%${digits}%`));
      ors.push(eb('p.phone', 'like', `%${digits}%`));
    }
    return eb.or(ors);
  });
  const rows = ctx.data.read.all(sel.orderBy('p.full_name').limit(limit)) as unknown as Row[];
  return rows.map(toSummary);
}

export function getPersonSummary(read: Reader, id: number): PersonSummary {
  const r = read.get(baseQuery().where('p.id', '=', id)) as unknown as Row | undefined;
  if (!r) throw new AppError('PERSON_NOT_FOUND', 'Không tìm thấy người này (có thể đã bị xoá). Hãy tìm lại.');
  return toSummary(r);
}
