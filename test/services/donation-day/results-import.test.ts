import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit } from '../../../electron/services/units/units';
import { importResults, resolveResultRow } from '../../../electron/services/donation-day/import-results';
import { exportDonationsInterchange } from '../../../electron/services/donation-day/export-donations';
import { getPersonPage } from '../../../electron/services/donors/person-page';
import { addPerson, addRegistration } from '../progress/seed';

async function resultList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  ws.addRow(['BỆNH VIỆN ĐA KHOA TỈNH']);
  ws.addRow(['DANH SÁCH NGƯỜI HIẾN MÁU NGÀY 17/6/2026']);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Số điện thoại', 'Thể tích (ml)', 'Kết quả', 'Lý do hoãn', 'Số GCN']);
  ws.addRow([1, 'Nguyễn Thị Hồng Vân', 1990, 1190012345, null, 350, 'Đạt', null, 'GCN-1']); // row 4: CCCD lost its zeros
  ws.addRow([2, 'NGUYỄN VĂN AN', null, null, '987.000.111', '450 ml', null, null, null]); // row 5: phone + name
  ws.addRow([3, 'Dang Van Duc', 1995, null, null, null, 'Hoãn', 'Hb thấp', null]); // row 6: name + year, deferred
  ws.addRow([4, 'Lý Thị Mới', 2001, '012301000777', null, 250, 'Đạt', null, null]); // row 7: walk-in
  ws.addRow([5, 'Phạm Văn Tùng', 1990, null, null, 350, null, null, null]); // row 8: two registrations match
  ws.addRow([6, 'Hoàng Văn Không', null, null, null, 350, null, null, null]); // row 9: name only
  ws.addRow([7, 'Trần Văn Sai', 1980, null, null, 300, null, null, null]); // row 10: impossible volume
  ws.addRow([8, 'Huỳnh Văn Tuấn', null, null, '0901111222', 350, null, null, null]); // row 11: Hoàng/Huỳnh, same phone
  ws.addRow(['', 'Tổng cộng: 8 người']);
  ws.addRow(['', 'Người lập biểu']);
  ws.addRow(['', 'Nguyễn Văn Ký']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('blood facility result list', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-06-17T01:00:00Z')));
  afterEach(() => ctx.cleanup());

  async function setup() {
    const c = await createCampaign(ctx, { name: 'Hành trình đỏ 2026', donationDates: ['2026-06-17'] });
    const u1 = await createUnit(ctx, { name: 'Phòng Giáo dục và Đào tạo', kind: 'agency' });
    const u2 = await createUnit(ctx, { name: 'Đoàn thanh niên', kind: 'mass_org' });
    const reg = (name: string, p: Parameters<typeof addPerson>[1], unitId: number, file: string, row: number) => {
      const id = addPerson(ctx, { ...p, name });
      return { id, reg: addRegistration(ctx, { personId: id, campaignId: c.id, unitId, file, sheet: 'DS', row }) };
    };
    const van = reg('Nguyễn Thị Hồng Vân', { name: '', nid: '001190012345', birth: '1990-03-04' }, u1.id, 'gd.xlsx', 5);
    const an = reg('Nguyễn Văn An', { name: '', phone: '0987000111' }, u1.id, 'gd.xlsx', 6);
    const duc = reg('Đặng Văn Đức', { name: '', birth: '1995' }, u2.id, 'doan.xlsx', 4);
    const tung1 = reg('Phạm Văn Tùng', { name: '', birth: '1990-01-01' }, u1.id, 'gd.xlsx', 7);
    const tung2 = reg('Phạm Văn Tùng', { name: '', birth: '1990-09-09' }, u2.id, 'doan.xlsx', 5);
    const tuan = reg('Hoàng Văn Tuấn', { name: '', birth: '1992-02-02', phone: '0901111222' }, u2.id, 'doan.xlsx', 6);
    // Vân registered again by the youth union, not merged yet: her result goes to her first registration.
    reg('Nguyễn Thị Hồng Vân', { name: '', nid: '001190012345' }, u2.id, 'doan.xlsx', 9);
    return { c, van, an, duc, tung1, tung2, tuan };
  }

  it('matches by CCCD, phone + name, name + birth year; records walk-ins; lists the rest for review', async () => {
    const s = await setup();
    const r = await importResults(ctx, s.c.id, 'ket-qua.xlsx', await resultList());
    expect(r).toMatchObject({ rows: 7, matched: 4 });
    expect(r.skipped.map((x) => x.row)).toEqual([10]);
    expect(r.walkIns.map((w) => [w.row, w.fullName])).toEqual([[7, 'Lý Thị Mới']]);
    expect(r.unmatched.map((u) => u.row)).toEqual([8, 9]);
    expect(r.unmatched[0].candidates.map((h) => h.personId).sort()).toEqual([s.tung1.id, s.tung2.id].sort());
    const out = await exportDonationsInterchange(ctx, s.c.id);
    expect(out.donations).toEqual([
      { file: 'ket-qua.xlsx', row: 4, person_ref: { file: 'gd.xlsx', sheet: 'DS', row: 5 }, outcome: 'donated', volume_ml: 350 },
      { file: 'ket-qua.xlsx', row: 5, person_ref: { file: 'gd.xlsx', sheet: 'DS', row: 6 }, outcome: 'donated', volume_ml: 450 },
      { file: 'ket-qua.xlsx', row: 6, person_ref: { file: 'doan.xlsx', sheet: 'DS', row: 4 }, outcome: 'deferred', volume_ml: null },
      { file: 'ket-qua.xlsx', row: 7, person_ref: null, outcome: 'donated', volume_ml: 250 },
      { file: 'ket-qua.xlsx', row: 11, person_ref: { file: 'doan.xlsx', sheet: 'DS', row: 6 }, outcome: 'donated', volume_ml: 350 },
    ]);
    expect(ctx.conn.sqlite.prepare("SELECT serial, person_id FROM certificate_serials").all()).toEqual([{ serial: 'GCN-1', person_id: s.van.id }]);
    expect(ctx.conn.sqlite.prepare('SELECT reason FROM deferrals').all()).toEqual([{ reason: 'Hb thấp' }]);

    // Importing the same list again changes nothing.
    const again = await importResults(ctx, s.c.id, 'ket-qua.xlsx', await resultList());
    // the walk-in row finds the walk-in it made the first time: no second person
    expect(again).toMatchObject({ matched: 4 });
    expect(again.walkIns.map((w) => [w.row, w.personId])).toEqual([[7, r.walkIns[0].personId]]);
    expect(ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM donations').get()).toEqual({ n: 5 });
    expect(ctx.conn.sqlite.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 8 });
    expect((await exportDonationsInterchange(ctx, s.c.id)).donations).toEqual(out.donations);

    // The clerk settles the two review rows.
    await resolveResultRow(ctx, { campaignId: s.c.id, file: 'ket-qua.xlsx', row: r.unmatched[0], registrationId: s.tung2.reg });
    const walk = await resolveResultRow(ctx, { campaignId: s.c.id, file: 'ket-qua.xlsx', row: r.unmatched[1], registrationId: null });
    expect(walk).toMatchObject({ fullName: 'Hoàng Văn Không', outcome: 'donated', volumeMl: 350, walkIn: true });
    const final = (await exportDonationsInterchange(ctx, s.c.id)).donations;
    expect(final.slice(4, 6)).toEqual([
      { file: 'ket-qua.xlsx', row: 8, person_ref: { file: 'doan.xlsx', sheet: 'DS', row: 5 }, outcome: 'donated', volume_ml: 350 },
      { file: 'ket-qua.xlsx', row: 9, person_ref: null, outcome: 'donated', volume_ml: 350 },
    ]);
    // A walk-in row later linked to the right registration moves there; the walk-in registration goes away.
    const linked = await resolveResultRow(ctx, { campaignId: s.c.id, file: 'ket-qua.xlsx', row: { ...r.unmatched[1], row: 9 }, registrationId: s.tung1.reg });
    expect(linked.personId).toBe(s.tung1.id);
    expect((await exportDonationsInterchange(ctx, s.c.id)).donations[5].person_ref).toEqual({ file: 'gd.xlsx', sheet: 'DS', row: 7 });
    const third = await importResults(ctx, s.c.id, 'ket-qua.xlsx', await resultList());
    expect(third).toMatchObject({ matched: 6, unmatched: [] });
    expect(third.walkIns.map((w) => w.row)).toEqual([7]);
    expect((await exportDonationsInterchange(ctx, s.c.id)).donations).toHaveLength(7);
    expect(getPersonPage(ctx, s.van.id)).toMatchObject({ donationCount: 1, lastDonation: '2026-06-17', certificates: [{ serial: 'GCN-1', status: 'issued' }] });
  });

  it('names the file when the header cannot be found', async () => {
    const s = await setup();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['Không có tiêu đề', 1, 2]);
    await expect(importResults(ctx, s.c.id, 'la.xlsx', Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toThrow(/Họ và tên.*"la.xlsx"/);
  });
});
