import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempContext } from '../../helpers/context';
import { runCli } from '../../../electron/cli';
import { createAppContext } from '../../../electron/services/create-context';
import { importResults } from '../../../electron/services/donation-day/import-results';
import { confirmSingleCandidates, keepDeskOutcome, listResultReviews } from '../../../electron/services/donation-day/review-actions';
import { resolveResultRow } from '../../../electron/services/donation-day/import-results';
import { recordOutcome } from '../../../electron/services/donation-day/record-outcome';

async function xlsx(file: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** A registration list as a ward sends it, imported through the real CLI. */
async function importList(dir: string, db: string) {
  const file = path.join(dir, 'Phuong Dong Kinh.xlsx');
  await xlsx(file, [
    ['UBND PHƯỜNG ĐÔNG KINH'],
    ['DANH SÁCH ĐĂNG KÝ HIẾN MÁU TÌNH NGUYỆN'],
    ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Số điện thoại', 'Địa chỉ'],
    [1, 'Trần Văn Bình', 'Nam', '01/01/1990', null, null, 'Khối 1'],
    [2, 'Trần Văn Bình', 'Nam', '05/05/1990', null, null, 'Khối 3'],
    [3, 'Lê Thị Hoa', 'Nữ', '02/02/1985', '020185001122', '0912000111', 'Khối 2'],
    [4, 'Nông Văn Khải', 'Nam', '03/03/1992', null, '0987000222', 'Khối 4'],
  ]);
  const io = { out: () => {}, err: () => {} };
  expect(await runCli(['campaigns', 'create', 'Đợt 1 năm 2026', '--date', '2026-05-28', '--db', db], io)).toBe(0);
  expect(await runCli(['import', '--db', db, '--campaign', '1', file], io)).toBe(0);
}

async function resultList(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KQ');
  ws.addRow(['DANH SÁCH NGƯỜI HIẾN MÁU']);
  ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Địa chỉ / Đơn vị', 'Số CCCD', 'Số điện thoại', 'Nhóm máu', 'Lượng máu (ml)', 'Kết quả']);
  ws.addRow([1, 'Trần Văn Bình', 1990, 'Nam', 'Khối 3', null, null, 'O Rh+', 350, 'Đạt']); // row 3: two namesakes
  ws.addRow([2, 'Lê Thị Hoa', 1985, 'Nữ', 'Khối 2', '020185001122', null, 'A Rh-', 250, 'Đạt']); // row 4: desk said 350
  ws.addRow([3, 'NÔNG VĂN KHẢI', 1992, 'Nam', 'Khối 4', null, '0987.000.222', 'B Rh+', 450, 'Đạt']); // row 5: phone + name
  ws.addRow([4, 'Hà Văn Tài', 2001, 'Nam', 'Thôn Nà Lầu', '020201088543', null, 'AB Rh+', null, 'Hoãn hiến (huyết áp thấp)']); // row 6: walk-in
  ws.addRow(['', 'Tổng số: 4 người']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('result rows left for the clerk', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-05-28T09:00:00Z')));
  afterEach(() => ctx.cleanup());

  it('are kept in the database until resolved; desk entries are never overwritten; the data decides the rest', async () => {
    await importList(ctx.dir, ctx.dbPath);
    const hoa = ctx.conn.sqlite.prepare("SELECT id FROM people WHERE full_name = 'Lê Thị Hoa'").pluck().get() as number;
    await recordOutcome(ctx, { campaignId: 1, personId: hoa, outcome: 'donated', volumeMl: 350 });

    const r = await importResults(ctx, 1, 'KQ.xlsx', await resultList());
    expect(r.rows).toBe(4);
    expect(r.rules).toEqual({ 'phone+name': 1 });
    expect(r.walkIns.map((w) => [w.row, w.gender, w.unitText, w.bloodGroup])).toEqual([[6, 'M', 'Thôn Nà Lầu', 'AB+']]);
    expect(r.unmatched.map((u) => [u.row, u.kind, u.candidates.length])).toEqual([[3, 'ambiguous', 2], [4, 'difference', 1]]);
    // the facility's tested blood group is the person's
    expect(ctx.conn.sqlite.prepare("SELECT blood_group FROM people WHERE full_name = 'Nông Văn Khải'").pluck().get()).toBe('B+');
    // the walk-in keeps what the facility wrote
    expect(ctx.conn.sqlite.prepare("SELECT gender, birth_date, address, blood_group FROM people WHERE full_name = 'Hà Văn Tài'").get()).toEqual({ gender: 'M', birth_date: '2001', address: 'Thôn Nà Lầu', blood_group: 'AB+' });
    // the desk's 350 ml stands until the clerk chooses
    expect(ctx.conn.sqlite.prepare('SELECT volume_ml FROM donations WHERE person_id = ?').pluck().get(hoa)).toBe(350);

    // leaving the screen (another connection, as after a restart) loses nothing
    const reopened = createAppContext(ctx.dbPath);
    try {
      const waiting = await listResultReviews(reopened, 1);
      expect(waiting.map((w) => [w.file, w.row, w.kind])).toEqual([['KQ.xlsx', 3, 'ambiguous'], ['KQ.xlsx', 4, 'difference']]);
      expect(waiting[0]).toMatchObject({ gender: 'M', unitText: 'Khối 3' });
      expect(await confirmSingleCandidates(reopened, 1)).toEqual({ confirmed: 0 }); // two namesakes: never one click
    } finally {
      await reopened.conn.close();
    }

    await keepDeskOutcome(ctx, { campaignId: 1, file: 'KQ.xlsx', row: 4 });
    const binh = r.unmatched[0].candidates.find((c) => c.birthDate === '1990-05-05')!;
    await resolveResultRow(ctx, { campaignId: 1, file: 'KQ.xlsx', row: r.unmatched[0], registrationId: binh.registrationId });
    expect(await listResultReviews(ctx, 1)).toEqual([]);

    // importing the list again asks nothing again and changes nothing the clerk decided
    const again = await importResults(ctx, 1, 'KQ.xlsx', await resultList());
    expect(again.unmatched).toEqual([]);
    expect(ctx.conn.sqlite.prepare('SELECT volume_ml FROM donations WHERE person_id = ?').pluck().get(hoa)).toBe(350);
    expect(ctx.conn.sqlite.prepare('SELECT COUNT(*) FROM donations').pluck().get()).toBe(4);
    expect(ctx.conn.sqlite.prepare("SELECT match_rule FROM donations WHERE source_row = 3").pluck().get()).toBe('clerk');
    expect(ctx.conn.sqlite.prepare("SELECT match_rule FROM donations WHERE source_row = 5").pluck().get()).toBe('phone+name');
    expect(fs.existsSync(ctx.dbPath)).toBe(true);
  });
});

describe('a walk-in at the desk', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext('2026-05-28T09:00:00Z')));
  afterEach(() => ctx.cleanup());

  it('with the name and phone (or name and birth year) of an imported person is offered that person, not made twice', async () => {
    await importList(ctx.dir, ctx.dbPath);
    const { addWalkIn } = await import('../../../electron/services/donation-day/walk-in');
    const byPhone = await addWalkIn(ctx, { campaignId: 1, fullName: 'nông văn khải', phone: '+84 987 000 222' });
    expect(byPhone.status).toBe('matches');
    expect(byPhone.candidates.map((c) => c.fullName)).toEqual(['Nông Văn Khải']);
    const byYear = await addWalkIn(ctx, { campaignId: 1, fullName: 'LÊ THỊ HOA', birthDate: '1985' });
    expect(byYear.candidates.map((c) => c.fullName)).toEqual(['Lê Thị Hoa']);
    // a family member sharing the phone is someone else
    const other = await addWalkIn(ctx, { campaignId: 1, fullName: 'Nông Thị Mai', phone: '0987000222', birthDate: '1994' });
    expect(other.status).toBe('created');
    expect(ctx.conn.sqlite.prepare("SELECT COUNT(*) FROM people WHERE full_name = 'Nông Văn Khải'").pluck().get()).toBe(1);
  });
});
