import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { verifyAuditChain } from '../../../electron/services/audit/audit-log';
import { mergePeople } from '../../../electron/services/duplicates/merge';
import { listMerges, undoMerge } from '../../../electron/services/duplicates/undo-merge';
import { setCreditRule } from '../../../electron/services/duplicates/credit';
import { insertCampaign, insertRow, insertUnit } from './fixtures';
import { updatePerson } from '../../../electron/services/people/write-person';

describe('merging two registrations of one person', () => {
  let ctx: ReturnType<typeof tempContext>;
  let campaignId: number;
  let ward: number;
  let youth: number;
  beforeEach(() => {
    ctx = tempContext();
    campaignId = insertCampaign(ctx.data, 'Đợt 1 năm 2026');
    ward = insertUnit(ctx.data, 'Phường Vĩnh Trại');
    youth = insertUnit(ctx.data, 'Thành đoàn');
  });
  afterEach(() => ctx.cleanup());

  const person = (id: number) => ctx.conn.sqlite.prepare('SELECT * FROM people WHERE id = ?').get(id) as Record<string, unknown>;
  const regs = () => ctx.conn.sqlite.prepare('SELECT id, person_id, credited, source_file, source_row FROM registrations ORDER BY id').all() as { id: number; person_id: number; credited: number; source_file: string; source_row: number }[];

  it('moves registrations and donations, applies per-field choices, credits one unit, and undoes exactly — also after a later import', () => {
    const a = insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT.xlsx', sheet: 'DS', row: 5, fullName: 'Hà Văn Hiệp', gender: 'M', birthDate: '2003', phone: '0325164432' });
    const b = insertRow(ctx.data, { campaignId, unitId: youth, file: 'TD.xlsx', sheet: 'Sheet1', row: 9, fullName: 'Ha Văn Hiệp', gender: 'M', birthDate: '2003-02-26', nationalId: '019203165143', phone: '0911111111', bloodGroup: 'O+' });
    ctx.conn.sqlite.prepare("INSERT INTO donations (person_id, donated_on, outcome, volume_ml, created_at) VALUES (?, '2025-06-01', 'donated', 350, 'x')").run(b.personId);
    const before = person(a.personId);

    const r = mergePeople(ctx, { survivorId: a.personId, mergedId: b.personId, choices: { phone: 'merged' } });
    expect(r).toMatchObject({ movedRegistrations: 1, movedDonations: 1 });
    const s = person(a.personId);
    expect(s).toMatchObject({ full_name: 'Hà Văn Hiệp', birth_date: '2003-02-26', national_id: '019203165143', phone: '0911111111', blood_group: 'O+' });
    expect(person(b.personId).merged_into).toBe(a.personId);
    // the merged person's own values are still there, and both sources stay traceable
    expect(person(b.personId)).toMatchObject({ full_name: 'Ha Văn Hiệp', phone: '0911111111' });
    expect(regs().map((x) => [x.person_id, x.source_file, x.source_row, x.credited])).toEqual([
      [a.personId, 'VT.xlsx', 5, 1],
      [a.personId, 'TD.xlsx', 9, 0],
    ]);

    // a later import adds another registration to the survivor's campaign
    const later = insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT bổ sung.xlsx', sheet: 'DS', row: 3, fullName: 'Lê Thị Lan' });
    ctx.conn.sqlite.prepare('UPDATE registrations SET person_id = ? WHERE id = ?').run(a.personId, later.registrationId);

    undoMerge(ctx, r.mergeId);
    expect(person(a.personId)).toMatchObject({ full_name: before.full_name, birth_date: '2003', national_id: null, phone: '0325164432', blood_group: null, search_key: before.search_key });
    expect(person(b.personId).merged_into).toBeNull();
    const after = regs();
    expect(after.find((x) => x.id === b.registrationId)).toMatchObject({ person_id: b.personId, credited: 1 });
    expect(after.find((x) => x.id === a.registrationId)).toMatchObject({ person_id: a.personId, credited: 1 });
    expect(after.find((x) => x.id === later.registrationId)?.person_id).toBe(a.personId);
    expect((ctx.conn.sqlite.prepare('SELECT person_id FROM donations').get() as { person_id: number }).person_id).toBe(b.personId);
    expect(() => undoMerge(ctx, r.mergeId)).toThrow(/đã được hoàn tác/);
    expect(listMerges(ctx, campaignId)[0]).toMatchObject({ id: r.mergeId, survivorName: 'Hà Văn Hiệp' });

    const audit = ctx.conn.sqlite.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as { action: string; detail: string }[];
    expect(audit.map((x) => x.action)).toEqual(['duplicates.merge', 'duplicates.undoMerge']);
    expect(audit.map((x) => x.detail).join(' ')).not.toMatch(/Hiệp|0325164432|019203165143/);
    expect(verifyAuditChain(ctx.data.read).ok).toBe(true);
  });

  it('keeps a correction made after the merge when undoing it', () => {
    const a = insertRow(ctx.data, { campaignId, unitId: ward, file: 'a.xlsx', sheet: 'S', row: 2, fullName: 'Vi Bích Chi', phone: null });
    const b = insertRow(ctx.data, { campaignId, unitId: youth, file: 'b.xlsx', sheet: 'S', row: 2, fullName: 'Vi Bích Chi', phone: '0794195079' });
    const r = mergePeople(ctx, { survivorId: a.personId, mergedId: b.personId });
    ctx.data.write((w) => updatePerson(w, a.personId, { phone: '0900000000' }, '2026-05-02T00:00:00Z')); // a correction
    undoMerge(ctx, r.mergeId);
    expect(person(a.personId).phone).toBe('0900000000');
  });

  it('credits the home unit when the office chooses that rule, or the registration the clerk picks', () => {
    setCreditRule(ctx, 'home_unit');
    const a = insertRow(ctx.data, { campaignId, unitId: youth, file: 'TD.xlsx', sheet: 'S', row: 2, fullName: 'Chu Trung Kiên', homeUnitId: ward });
    const b = insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT.xlsx', sheet: 'S', row: 4, fullName: 'Chu Trung Kiên' });
    mergePeople(ctx, { survivorId: a.personId, mergedId: b.personId });
    expect(regs().map((x) => x.credited)).toEqual([0, 1]);

    const c = insertRow(ctx.data, { campaignId, unitId: ward, file: 'VT.xlsx', sheet: 'S', row: 7, fullName: 'Nông Văn Việt' });
    const d = insertRow(ctx.data, { campaignId, unitId: youth, file: 'TD.xlsx', sheet: 'S', row: 8, fullName: 'Nông Văn Việt' });
    mergePeople(ctx, { survivorId: c.personId, mergedId: d.personId, creditedRegistrationId: d.registrationId });
    expect(regs().slice(2).map((x) => x.credited)).toEqual([0, 1]);
  });

  it('refuses to merge a person with itself or one already merged', () => {
    const a = insertRow(ctx.data, { campaignId, unitId: ward, file: 'a.xlsx', sheet: 'S', row: 2, fullName: 'Lê Văn A' });
    const b = insertRow(ctx.data, { campaignId, unitId: ward, file: 'a.xlsx', sheet: 'S', row: 3, fullName: 'Lê Văn A' });
    expect(() => mergePeople(ctx, { survivorId: a.personId, mergedId: a.personId })).toThrow(/chính người đó/);
    mergePeople(ctx, { survivorId: a.personId, mergedId: b.personId });
    expect(() => mergePeople(ctx, { survivorId: b.personId, mergedId: a.personId })).toThrow(/đã được gộp/);
  });
});
