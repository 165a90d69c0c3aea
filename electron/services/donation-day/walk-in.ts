import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import type { CheckinHit, WalkInInput } from '../../../shared/ipc/channels/donation-day';
import { walkInSchema } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { capitalizeWords, nfc } from '../../../shared/domain/text';
import { birthYearOf, idKey, nameKey, phoneKey } from '../../../shared/domain/people/identity';
import { insertPerson } from '../people/write-person';
import { appendAudit } from '../audit/audit-log';
import { getCampaign } from '../campaigns/campaigns';
import { loadRootResolver } from '../people/survivors';
import { checkinIndex, type IndexEntry } from './checkin-index';
import { hitFor } from './person-state';

interface PersonRowLite {
  id: number; full_name: string; search_key: string; phone: string | null; national_id: string | null; birth_date: string | null; gender: 'M' | 'F' | null;
}

const possibleSelves = statement<{ from: string; to: string; nid: string; phone: string }, PersonRowLite>(
  (p) => sql<PersonRowLite>`SELECT id, full_name, search_key, phone, national_id, birth_date, gender FROM people
       WHERE merged_into IS NULL AND deleted_at IS NULL AND ((search_key >= ${p.from} AND search_key < ${p.to}) OR national_id = ${p.nid} OR phone = ${p.phone})`,
);
const activeRegistration = statement<{ campaignId: number; personId: number }, { id: number }>(
  (p) => sql<{ id: number }>`SELECT id FROM registrations WHERE campaign_id = ${p.campaignId} AND person_id = ${p.personId} AND status = 'active' ORDER BY credited DESC, id LIMIT 1`,
);
const insertWalkInRegistration = statement<{ personId: number; campaignId: number; unitId: number | null; raw: string; now: string }>(
  (p) => sql`INSERT INTO registrations (person_id, campaign_id, unit_id, raw, status, credited, created_at) VALUES (${p.personId},${p.campaignId},${p.unitId},${p.raw},'active',1,${p.now})`,
);

/**
 * People already in the registry who may be this walk-in: same ID number; or same phone and name;
 * or same name and birth year. A name alone never decides — the clerk chooses.
 */
export function findPossibleSelves(r: Reader, p: { fullName: string; phone: string | null; nationalId: string | null; birthYear: number | null }): PersonRowLite[] {
  const key = nameKey(p.fullName);
  const nid = idKey(p.nationalId);
  const phone = phoneKey(p.phone);
  // search_key starts with the folded name (then ID and phone digits): one range finds every namesake.
  const rows = r.all(possibleSelves, { from: key, to: `${key} \u{10ffff}`, nid: nid ?? '\u0000', phone: phone ?? '\u0000' });
  return rows.filter((x) => {
    const rid = idKey(x.national_id);
    if (nid && rid === nid) return true;
    if (nid && rid && rid !== nid) return false;
    const sameName = nameKey(x.full_name) === key;
    if (phone && phoneKey(x.phone) === phone && sameName) return true;
    return sameName && p.birthYear !== null && birthYearOf(x.birth_date) === p.birthYear;
  });
}

function entryOf(r: PersonRowLite, registrationId: number | null, unitName: string | null): IndexEntry {
  return {
    registrationId: registrationId ?? 0, personId: r.id, fullName: r.full_name, key: nameKey(r.full_name), words: nameKey(r.full_name).split(' '), sortKey: nameKey(r.full_name), spaced: ' ' + nameKey(r.full_name),
    phone: r.phone, phoneDigits: '', nationalId: r.national_id, idDigits: '', birthDate: r.birth_date, birthYear: birthYearOf(r.birth_date), gender: r.gender, unitName, walkIn: true,
  };
}

/**
 * Creates the walk-in's registration (and person, unless an existing one is given), inside the caller's
 * write. `resolve`: the survivors as a batch that merges nobody already holds them (a result list).
 */
export function createWalkIn(
  ctx: ServiceContext,
  w: Writer,
  input: WalkInInput,
  note: Record<string, unknown> = {},
  resolve?: (id: number) => number,
): { personId: number; registrationId: number } {
  const v = walkInSchema.parse(input);
  const now = ctx.now().toISOString();
  let personId: number;
  if (v.usePersonId !== null) {
    personId = (resolve ?? loadRootResolver({ handle: w, caches: ctx.caches }))(v.usePersonId);
    const reg = w.get(activeRegistration, { campaignId: v.campaignId, personId });
    if (reg) return { personId, registrationId: reg.id };
  } else {
    personId = insertPerson(
      w,
      {
        full_name: capitalizeWords(v.fullName), gender: v.gender, birth_date: v.birthDate, national_id: idKey(v.nationalId) ?? v.nationalId, phone: phoneKey(v.phone) ?? v.phone,
        address: v.address ? nfc(v.address) : null, blood_group: v.bloodGroup, home_unit_id: v.unitId,
      },
      now,
    );
  }
  const registrationId = w.run(insertWalkInRegistration, { personId, campaignId: v.campaignId, unitId: v.unitId, raw: JSON.stringify({ walkIn: true, ...note }), now }).lastInsertRowid;
  appendAudit(w, { action: 'registration.walk-in', entity: 'person', entityId: personId, detail: `Đợt ${v.campaignId}` });
  return { personId, registrationId };
}

/** "Người hiến tại chỗ": checks the registry for the same person first, then adds them to the campaign. */
export async function addWalkIn(ctx: ServiceContext, input: WalkInInput): Promise<{ status: 'created' | 'matches'; hit: CheckinHit | null; candidates: CheckinHit[] }> {
  const v = walkInSchema.parse(input);
  await getCampaign(ctx, v.campaignId);
  if (v.unitId !== null && !ctx.data.read.get(q.selectFrom('units').select('id').where('id', '=', v.unitId))) {
    throw new AppError('UNIT_NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  }
  if (v.usePersonId === null && !v.createNew) {
    const same = findPossibleSelves(ctx.data.read, {
      fullName: v.fullName, phone: phoneKey(v.phone), nationalId: idKey(v.nationalId), birthYear: birthYearOf(v.birthDate),
    });
    if (same.length) {
      const index = checkinIndex(ctx, v.campaignId);
      return { status: 'matches', hit: null, candidates: same.map((r) => hitFor(ctx.data.read, v.campaignId, index.byPerson.get(r.id) ?? entryOf(r, null, null))) };
    }
  }
  const { personId } = ctx.data.write((w) => createWalkIn(ctx, w, v));
  const entry = checkinIndex(ctx, v.campaignId).byPerson.get(personId);
  if (!entry) throw new AppError('INTERNAL', 'Không thêm được người hiến tại chỗ. Hãy thử lại.');
  return { status: 'created', hit: hitFor(ctx.data.read, v.campaignId, entry), candidates: [] };
}
