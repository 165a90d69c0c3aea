import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { maskBirthDate, maskId, maskPersonFields, maskPhone } from '../../../shared/domain/privacy';
import { findPeople } from '../../../electron/services/privacy/people-lookup';
import { correctPerson } from '../../../electron/services/privacy/correct-person';
import { erasePerson } from '../../../electron/services/privacy/erase-person';
import { listAudit, verifyAudit } from '../../../electron/services/privacy/audit-reader';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { insertPerson } from '../../../electron/services/people/write-person';
import { q } from '../../../electron/db/query';

type Ctx = ReturnType<typeof tempContext>;

/** A person (added by the people module) with a registration, donations, certificates and an honour. */
function seedPerson(ctx: Ctx, name: string, nationalId: string, phone: string, donations = 2): number {
  const now = '2026-05-01T00:00:00Z';
  return ctx.data.write((w) => {
    if (w.value(q.selectFrom('campaigns').select('id')) === undefined) {
      w.run(q.insertInto('campaigns').values({ name: 'Hành trình đỏ', created_at: now, updated_at: now }));
      w.run(q.insertInto('units').values({ name: 'Xã Mai Pha', kind: 'commune', sort_order: 0, archived: 0, created_at: now, updated_at: now }));
    }
    const id = insertPerson(w, { full_name: name, gender: 'F', birth_date: '1990-05-17', national_id: nationalId, phone, address: 'Thôn Bản Cắm' }, now);
    const reg = w.run(
      q.insertInto('registrations').values({
        person_id: id, campaign_id: 1, unit_id: 1, source_file: 'xa-mai-pha.xlsx', source_row: 7,
        raw: JSON.stringify({ 'Họ tên': name, CCCD: nationalId, SĐT: phone }), issues: JSON.stringify([`CCCD ${nationalId} lệch năm sinh`]), created_at: now,
      }),
    ).lastInsertRowid;
    for (let i = 0; i < donations; i++) {
      const d = w.run(q.insertInto('donations').values({ person_id: id, campaign_id: 1, registration_id: reg, donated_on: '2026-05-20', outcome: 'donated', volume_ml: 350, created_at: now })).lastInsertRowid;
      w.run(q.insertInto('certificate_serials').values({ serial: `LS-${id}-${i}`, person_id: id, donation_id: d, campaign_id: 1, issued_on: '2026-05-20' }));
    }
    w.run(q.insertInto('honours').values({ person_id: id, milestone: 20 }));
    return id;
  });
}

describe('masking', () => {
  it('masks ID numbers and phones keeping only what tells people apart', () => {
    expect(maskId('001090012345')).toBe('001******345');
    expect(maskId('012345678')).toBe('012***678');
    expect(maskId(' 0010 9001 2345 ')).toBe('001******345');
    expect(maskId(null)).toBe('');
    expect(maskPhone('0912345678')).toBe('0912***678');
    expect(maskPhone('+84 912.345.678')).toBe('8491****678');
    expect(maskBirthDate('1990-05-17')).toBe('1990');
    const p = { name: 'Lê Thị Hà', nationalId: '001090012345', phone: '0912345678' };
    expect(maskPersonFields(p)).toEqual({ name: 'Lê Thị Hà', nationalId: '001******345', phone: '0912***678' });
    expect(maskPersonFields(p, { unmasked: true })).toBe(p);
  });
});

describe('privacy requests', () => {
  let ctx: Ctx;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('finds people by name without diacritics, by ID or phone digits, showing numbers masked', async () => {
    const id = seedPerson(ctx, 'Nguyễn Thị Hồng Vân', '001190012345', '0912345678');
    seedPerson(ctx, 'Trần Văn Bình', '002090099999', '0987654321');
    const byName = await findPeople(ctx, 'nguyen thi hong');
    expect(byName.map((p) => p.id)).toEqual([id]);
    expect(byName[0]).toMatchObject({ maskedId: '001******345', maskedPhone: '0912***678', birthYear: '1990', registrations: 1, donations: 2 });
    expect((await findPeople(ctx, '001190012345')).map((p) => p.id)).toEqual([id]);
    expect((await findPeople(ctx, '0912 345 678')).map((p) => p.id)).toEqual([id]);
    expect(await findPeople(ctx, '100%')).toEqual([]);
  });

  it('corrects a person and logs which fields changed, never the values', async () => {
    const id = seedPerson(ctx, 'Nguyễn Thị Hồng Vân', '001190012345', '0912345678');
    const r = await correctPerson(ctx, { id, fullName: 'nguyễn  thị hồng  vân anh', phone: '0912 000 111' });
    expect(r.fullName).toBe('Nguyễn Thị Hồng Vân Anh');
    expect(ctx.conn.sqlite.prepare('SELECT phone, search_key FROM people WHERE id = ?').get(id)).toEqual({ phone: '0912000111', search_key: 'nguyen thi hong van anh 001190012345 0912000111' });
    const log = (await listAudit(ctx, { action: 'person.' })).rows;
    expect(log[0]).toMatchObject({ action: 'person.correct', entityId: id });
    expect(log[0].detail).toMatch(/họ tên, số điện thoại/);
    expect(log[0].detail).not.toMatch(/0912|Vân/);
    await expect(correctPerson(ctx, { id, birthDate: '17/5/1990' })).rejects.toThrow(/năm-tháng-ngày/);
  });

  it('deletes a person with their registrations, donations, honours and merged records; serials stay but point to no one', async () => {
    const a = seedPerson(ctx, 'Nguyễn Thị Hồng Vân', '001190012345', '0912345678');
    const b = seedPerson(ctx, 'Nguyễn Thị Hồng Vân', '001190012345', '0912345679', 1);
    const other = seedPerson(ctx, 'Trần Văn Bình', '002090099999', '0987654321');
    mergePeople(ctx, { survivorId: a, mergedId: b, choices: {} });
    await expect(erasePerson(ctx, b, 'delete')).rejects.toThrow(/đã được gộp/);
    const r = await erasePerson(ctx, a, 'delete');
    expect(r).toEqual({ mode: 'delete', people: 2, registrations: 2, donations: 3 });
    const q = (sql: string) => ctx.conn.sqlite.prepare(sql).pluck().get();
    expect(q('SELECT count(*) FROM people')).toBe(1);
    expect(q(`SELECT count(*) FROM registrations WHERE person_id <> ${other}`)).toBe(0);
    expect(q(`SELECT count(*) FROM donations WHERE person_id <> ${other}`)).toBe(0);
    expect(q('SELECT count(*) FROM person_merges')).toBe(0);
    expect(q('SELECT count(*) FROM certificate_serials WHERE person_id IS NULL AND donation_id IS NULL')).toBe(3);
    expect(ctx.conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Nothing of the person is left anywhere in the file's tables (audit text included).
    ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const all = JSON.stringify(ctx.conn.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map((t) => ctx.conn.sqlite.prepare(`SELECT * FROM "${String(t)}"`).all()));
    expect(all).not.toMatch(/001190012345|0912345678|Hồng Vân/);
    expect(verifyAudit(ctx)).toMatchObject({ ok: true });
  });

  it('anonymises a person so counts stay but nothing identifies them', async () => {
    const a = seedPerson(ctx, 'Nguyễn Thị Hồng Vân', '001190012345', '0912345678');
    const b = seedPerson(ctx, 'Hồng Vân', '001190012345', '0911111111', 1);
    mergePeople(ctx, { survivorId: a, mergedId: b, choices: {} });
    const r = await erasePerson(ctx, a, 'anonymise');
    expect(r).toEqual({ mode: 'anonymise', people: 2, registrations: 2, donations: 3 });
    expect(ctx.conn.sqlite.prepare('SELECT count(*) FROM donations').pluck().get()).toBe(3);
    expect(ctx.conn.sqlite.prepare('SELECT count(*) FROM registrations').pluck().get()).toBe(2);
    ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await ctx.conn.close();
    // Read the whole file as bytes (free pages included, no VACUUM): the numbers and the name are gone.
    const bytes = (await import('node:fs')).readFileSync(ctx.dbPath);
    for (const secret of ['001190012345', '0912345678', '0911111111', 'Hồng Vân']) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    ctx.conn = (await import('../../../electron/db/connection')).openDatabase(ctx.dbPath);
  });

  it('reads the audit log a page at a time and detects a forged entry', async () => {
    for (let i = 0; i < 7; i++) seedPerson(ctx, `Người Số ${i}`, String(1e11 + i), `09000000${i}0`);
    const ids = ctx.conn.sqlite.prepare('SELECT id FROM people').pluck().all() as number[];
    for (const id of ids) await correctPerson(ctx, { id, address: `Địa chỉ mới ${id}` });
    const p1 = await listAudit(ctx, { page: 1, pageSize: 3 });
    const p3 = await listAudit(ctx, { page: 3, pageSize: 3 });
    expect(p1.total).toBe(7);
    expect(p1.rows.map((r) => r.id)).toEqual([7, 6, 5]);
    expect(p3.rows.map((r) => r.id)).toEqual([1]);
    expect(verifyAudit(ctx)).toEqual({ ok: true, brokenAt: null, count: 7 });
    // Someone edits the file behind the app's back (the triggers are dropped first).
    ctx.conn.sqlite.exec('DROP TRIGGER audit_log_no_update');
    ctx.conn.sqlite.prepare("UPDATE audit_log SET detail = 'đã sửa' WHERE id = 4").run();
    expect(verifyAudit(ctx)).toEqual({ ok: false, brokenAt: 4, count: 4 });
  });
});
