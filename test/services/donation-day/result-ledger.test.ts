import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResultList } from '../../../electron/services/donation-day/read-results';

/** Names drawn partly from words that look like totals, footers and headers. */
const tricky = ['Công', 'Cồng', 'Tổng', 'Cộng', 'Trương', 'Ký', 'Tên', 'Ghi', 'Lập', 'Hồ', 'Xác'];
const common = ['Nguyễn', 'Lê', 'Vi', 'Thị', 'Văn', 'Lan', 'An', 'Hùng', 'Mai'];
const word = fc.oneof(fc.constantFrom(...tricky), fc.constantFrom(...common));
const person = fc.record({
  name: fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
  year: fc.option(fc.integer({ min: 1960, max: 2008 }), { nil: null }),
  nid: fc.option(fc.integer({ min: 10_000_000_000, max: 99_999_999_999 }).map((n) => '0' + n), { nil: null }),
  outcome: fc.constantFrom('Đạt', 'Hoãn hiến (huyết áp thấp)'),
});

async function sheet(people: { name: string; year: number | null; nid: string | null; outcome: string }[], titles: number, blanksInside: number[]): Promise<{ data: Buffer; nonEmpty: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KQ');
  let nonEmpty = 0;
  const add = (r: unknown[]) => {
    ws.addRow(r);
    if (r.some((v) => v !== null && v !== '')) nonEmpty++;
  };
  for (let i = 0; i < titles; i++) add([i === 0 ? 'BỆNH VIỆN ĐA KHOA TỈNH' : `Danh sách người hiến máu, trang ${i}`]);
  add(['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Lượng máu (ml)', 'Kết quả']);
  people.forEach((p, i) => {
    if (blanksInside.includes(i)) add([]);
    add([i + 1, p.name, p.year, p.nid, p.outcome === 'Đạt' ? 350 : null, p.outcome]);
  });
  add([null, `Tổng số người: ${people.length}`]);
  add([null, 'Người lập danh sách']);
  add([null, '(Ký, ghi rõ họ tên)']);
  add([null, 'Nguyễn Văn Ký']);
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), nonEmpty };
}

describe('the result list reader accounts for every row', () => {
  it('people + ignored + problems = every non-empty row, and no generated person is ignored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.nat(24), { maxLength: 3 }), async (people, titles, blanks) => {
        const { data, nonEmpty } = await sheet(people, titles, blanks);
        const r = await readResultList('kq.xlsx', data);
        expect(r.rows.map((x) => x.fullName.normalize('NFC'))).toEqual(people.map((p) => p.name.normalize('NFC')));
        expect(r.rows.length + r.ignored.length + r.skipped.length).toBe(nonEmpty);
        expect(r.ignored.filter((i) => i.kind === 'total')).toHaveLength(1);
      }),
      { numRuns: 25 },
    );
  });

  it('a row with an ID but no name is reported, never dropped in silence', async () => {
    const { data } = await sheet([{ name: 'Lê Văn An', year: 1990, nid: '001090012345', outcome: 'Đạt' }], 1, []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    wb.worksheets[0].spliceRows(4, 0, [2, null, 1985, '001085012345', 350, 'Đạt']);
    const r = await readResultList('kq.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.skipped.map((s) => s.row)).toEqual([4]);
    expect(r.skipped[0].problem).toMatch(/Dòng 4: có số CCCD/);
  });
});
