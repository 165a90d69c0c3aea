import type Database from 'better-sqlite3';
import { inTransaction, type ServiceContext } from '../context';
import type { CheckinHit, WalkInInput } from '../../../shared/ipc/channels/donation-day';
import { walkInSchema } from '../../../shared/ipc/channels/donation-day';
import { AppError } from '../../../shared/errors/app-error';
import { capitalizeWords, foldVietnamese, nfc } from '../../../shared/domain/text';
import { appendAudit } from '../audit/audit-log';
import { getCampaign } from '../campaigns/campaigns';
import { loadRootResolver } from '../donors/person-roots';
import { birthYearOf, normalizeNationalId, normalizePhone } from './ids';
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
  const key = foldVietnamese(p.fullName);
  const rows = sqlite
    .prepare(
      `SELECT id, full_name, search_key, phone, national_id, birth_date, gender FROM people
       WHERE merged_into IS NULL AND deleted_at IS NULL AND (search_key = ? OR national_id = ? OR national_id = ? OR phone = ?)`,
    )
    .all(key, p.nationalId ?? '\u0000', p.nationalId?.replace(/^0+/, '') ?? '\u0000', p.phone ?? '\u0000') as PersonRowLite[];
  return rows.filter((r) => {
    if (p.nationalId && normalizeNationalId(r.national_id) === p.nationalId) return true;
    if (p.nationalId && r.national_id && normalizeNationalId(r.national_id) !== p.nationalId) return false;
    if (p.phone && normalizePhone(r.phone) === p.phone && r.search_key === key) return true;
    return r.search_key === key && p.birthYear !== null && birthYearOf(r.birth_date) === p.birthYear;
  });
}

function entryOf(r: PersonRowLite, registrationId: number | null, unitName: string | null): IndexEntry {
  return {
    registrationId: registrationId ?? 0, personId: r.id, fullName: r.full_name, key: r.search_key, words: r.search_key.split(' '), sortKey: r.search_key, spaced: ' ' + r.search_key,
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
    personId = loadRootResolver(sqlite)(v.usePersonId);
    const reg = sqlite.prepare("SELECT id FROM registrations WHERE campaign_id = ? AND person_id = ? AND status = 'active' ORDER BY credited DESC, id LIMIT 1").get(v.campaignId, personId) as { id: number } | undefined;
    if (reg) return { personId, registrationId: reg.id };
  } else {
    personId = Number(
      sqlite
        .prepare('INSERT INTO people (full_name, search_key, gender, birth_date, national_id, phone, address, blood_group, home_unit_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)')
        .run(capitalizeWords(v.fullName), foldVietnamese(v.fullName), v.gender, v.birthDate, normalizeNationalId(v.nationalId) ?? v.nationalId, normalizePhone(v.phone) ?? v.phone, v.address ? nfc(v.address) : null, v.bloodGroup, v.unitId, now, now).lastInsertRowid,
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
      fullName: v.fullName, phone: normalizePhone(v.phone), nationalId: normalizeNationalId(v.nationalId), birthYear: birthYearOf(v.birthDate),
    });
    if (same.length) {
      const index = checkinIndex(ctx.sqlite, v.campaignId);
      return { status: 'matches', hit: null, candidates: same.map((r) => hitFor(ctx.sqlite, v.campaignId, index.byPerson.get(r.id) ?? entryOf(r, null, null))) };
    }
  }
  const { personId } = await inTransaction(ctx, (tx) => createWalkIn(tx, v));
  const entry = checkinIndex(ctx.sqlite, v.campaignId).byPerson.get(personId);
  if (!entry) throw new AppError('INTERNAL', 'Không thêm được người hiến tại chỗ. Hãy thử lại.');
  return { status: 'created', hit: hitFor(ctx.sqlite, v.campaignId, entry), candidates: [] };
}
