import type Database from 'better-sqlite3';
import { inTransaction, type ServiceContext } from '../context';
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

/**
 * People already in the registry who may be this walk-in: same ID number; or same phone and name;
 * or same name and birth year. A name alone never decides — the clerk chooses.
 */
export function findPossibleSelves(sqlite: Database.Database, p: { fullName: string; phone: string | null; nationalId: string | null; birthYear: number | null }): PersonRowLite[] {
  const key = nameKey(p.fullName);
  const nid = idKey(p.nationalId);
  const phone = phoneKey(p.phone);
  // search_key starts with the folded name (then ID and phone digits): one range finds every namesake.
  const rows = sqlite
    .prepare(
      `SELECT id, full_name, search_key, phone, national_id, birth_date, gender FROM people
       WHERE merged_into IS NULL AND deleted_at IS NULL AND ((search_key >= ? AND search_key < ?) OR national_id = ? OR phone = ?)`,
    )
    .all(key, `${key} \u{10ffff}`, nid ?? '\u0000', phone ?? '\u0000') as PersonRowLite[];
  return rows.filter((r) => {
    const rid = idKey(r.national_id);
    if (nid && rid === nid) return true;
    if (nid && rid && rid !== nid) return false;
    const sameName = nameKey(r.full_name) === key;
    if (phone && phoneKey(r.phone) === phone && sameName) return true;
    return sameName && p.birthYear !== null && birthYearOf(r.birth_date) === p.birthYear;
  });
}

function entryOf(r: PersonRowLite, registrationId: number | null, unitName: string | null): IndexEntry {
  return {
    registrationId: registrationId ?? 0, personId: r.id, fullName: r.full_name, key: nameKey(r.full_name), words: nameKey(r.full_name).split(' '), sortKey: nameKey(r.full_name), spaced: ' ' + nameKey(r.full_name),
    phone: r.phone, phoneDigits: '', nationalId: r.national_id, idDigits: '', birthDate: r.birth_date, birthYear: birthYearOf(r.birth_date), gender: r.gender, unitName, walkIn: true,
  };
}

/** Creates the walk-in's registration (and person, unless an existing one is given). Returns the registration id. */
export async function createWalkIn(ctx: ServiceContext, input: WalkInInput, note: Record<string, unknown> = {}): Promise<{ personId: number; registrationId: number }> {
  const v = walkInSchema.parse(input);
  const sqlite = ctx.sqlite;
  const now = ctx.now().toISOString();
  let personId: number;
  if (v.usePersonId !== null) {
    personId = loadRootResolver(ctx)(v.usePersonId);
    const reg = sqlite.prepare("SELECT id FROM registrations WHERE campaign_id = ? AND person_id = ? AND status = 'active' ORDER BY credited DESC, id LIMIT 1").get(v.campaignId, personId) as { id: number } | undefined;
    if (reg) return { personId, registrationId: reg.id };
  } else {
    personId = insertPerson(
      sqlite,
      {
        full_name: capitalizeWords(v.fullName), gender: v.gender, birth_date: v.birthDate, national_id: idKey(v.nationalId) ?? v.nationalId, phone: phoneKey(v.phone) ?? v.phone,
        address: v.address ? nfc(v.address) : null, blood_group: v.bloodGroup, home_unit_id: v.unitId,
      },
      now,
    );
  }
  const registrationId = Number(
    sqlite
      .prepare("INSERT INTO registrations (person_id, campaign_id, unit_id, raw, status, credited, created_at) VALUES (?,?,?,?,'active',1,?)")
      .run(personId, v.campaignId, v.unitId, JSON.stringify({ walkIn: true, ...note }), now).lastInsertRowid,
  );
  appendAudit(sqlite, { action: 'registration.walk-in', entity: 'person', entityId: personId, detail: `Đợt ${v.campaignId}` });
  return { personId, registrationId };
}

/** "Người hiến tại chỗ": checks the registry for the same person first, then adds them to the campaign. */
export async function addWalkIn(ctx: ServiceContext, input: WalkInInput): Promise<{ status: 'created' | 'matches'; hit: CheckinHit | null; candidates: CheckinHit[] }> {
  const v = walkInSchema.parse(input);
  await getCampaign(ctx, v.campaignId);
  if (v.unitId !== null && !ctx.sqlite.prepare('SELECT 1 FROM units WHERE id = ?').get(v.unitId)) {
    throw new AppError('UNIT_NOT_FOUND', 'Đơn vị đã chọn không còn tồn tại. Hãy chọn lại đơn vị.');
  }
  if (v.usePersonId === null && !v.createNew) {
    const same = findPossibleSelves(ctx.sqlite, {
      fullName: v.fullName, phone: phoneKey(v.phone), nationalId: idKey(v.nationalId), birthYear: birthYearOf(v.birthDate),
    });
    if (same.length) {
      const index = checkinIndex(ctx, v.campaignId);
      return { status: 'matches', hit: null, candidates: same.map((r) => hitFor(ctx.sqlite, v.campaignId, index.byPerson.get(r.id) ?? entryOf(r, null, null))) };
    }
  }
  const { personId } = await inTransaction(ctx, (tx) => createWalkIn(tx, v));
  const entry = checkinIndex(ctx, v.campaignId).byPerson.get(personId);
  if (!entry) throw new AppError('INTERNAL', 'Không thêm được người hiến tại chỗ. Hãy thử lại.');
  return { status: 'created', hit: hitFor(ctx.sqlite, v.campaignId, entry), candidates: [] };
}
