import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { tempContext } from '../../helpers/context';
import { createCampaign } from '../../../electron/services/campaigns/campaigns';
import { createUnit, listUnits } from '../../../electron/services/units/units';
import { importQuotasFromExcel } from '../../../electron/services/quotas/import-quotas';
import { importUnitsFromExcel } from '../../../electron/services/units/import-units';
import { readUnitTable, type UnitTable } from '../../../electron/services/quotas/read-unit-table';

const buf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** A plan's table with the traps of issue 12: units that start like a total, a section, footer rows, formulas without cached values. */
function trickyTable(opts: { statedTotal?: number; rowTotal?: number } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phân bổ');
  ws.addRow(['BIỂU PHÂN BỔ CHỈ TIÊU']);
  ws.addRow([]);
  ws.addRow(['TT', 'Tên đơn vị', 'Số người đăng ký', '', 'Cộng', 'Số đơn vị máu']);
  ws.addRow(['TT', 'Tên đơn vị', 'Tháng 5', 'Tháng 6', 'Cộng', 'Số đơn vị máu']);
  ws.mergeCells('C3:D3');
  ws.addRow(['I', 'Khối lực lượng vũ trang']);
  ws.addRow([1, 'Công an thành phố', 30, 30, { formula: 'SUM(C6:D6)' }, 40]);
  ws.addRow([2, 'Tổng đội Thanh niên xung phong', 10, null, { formula: 'SUM(C7:D7)' }, 5]);
  ws.addRow(['II', 'Khối dân cư']);
  ws.addRow([3, 'Cộng đồng dân cư khối 3', 5, 5, opts.rowTotal ?? { formula: 'SUM(C9:D9)' }, 6]);
  ws.addRow([]);
  ws.addRow(['', 'Tổng cộng', { formula: 'SUM(C6:C10)' }, { formula: 'SUM(D6:D10)' }, opts.statedTotal ?? { formula: 'SUM(E6:E10)' }, { formula: 'SUM(F6:F10)' }]);
  ws.addRow(['', 'Người lập biểu']);
  ws.addRow(['', 'Nguyễn Văn Tổng']);
  return wb;
}

describe('quota tables: every row accounted for, totals by their role', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('keeps "Công an…", "Tổng đội…", "Cộng đồng…" as units and the "Tổng cộng" row as the total, computing =SUM without cached values', async () => {
    const c = await createCampaign(ctx, { name: 'Đợt 1' });
    const r = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', await buf(trickyTable()), { createUnits: true });
    expect(r.ledger.map((l) => [l.row, l.kind])).toEqual([
      [1, 'title'], [2, 'blank'], [3, 'header'], [4, 'header'], [5, 'section'], [6, 'unit'], [7, 'unit'], [8, 'section'], [9, 'unit'], [10, 'blank'], [11, 'total'], [12, 'footer'], [13, 'footer'],
    ]);
    expect(r.createdUnits.map((u) => u.unitName)).toEqual(['Công an thành phố', 'Tổng đội Thanh niên xung phong', 'Cộng đồng dân cư khối 3']);
    expect(r.warnings).toEqual([]);
    expect(r.statedTotals).toEqual({ registrants: 80, bloodUnits: 51 });
    expect(r.table.totals).toEqual({ registrants: 80, bloodUnits: 51 });
    expect(r.table.months).toEqual([5, 6]);
    // Empty month cells are 0, the row total column is only checked, blood units stay whole-campaign.
    const ca = r.createdUnits[1].unitId;
    expect(r.table.entries.filter((e) => e.unitId === ca)).toEqual([
      { unitId: ca, month: 0, registrants: null, bloodUnits: 5 },
      { unitId: ca, month: 5, registrants: 10, bloodUnits: null },
      { unitId: ca, month: 6, registrants: 0, bloodUnits: null },
    ]);
  });

  it('warns when the table disagrees with its own total row or a row total, naming row and column', async () => {
    const c = await createCampaign(ctx, { name: 'Đợt 1' });
    const r = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', await buf(trickyTable({ statedTotal: 90, rowTotal: 12 })), { createUnits: true });
    expect(r.warnings).toEqual([
      'Dòng 9 ("Cộng đồng dân cư khối 3"), cột E ("Cộng"): bảng ghi 12 nhưng cộng các tháng được 10.',
      'Dòng 11 ("Tổng cộng"), cột E ("Cộng"): bảng ghi 90 nhưng cộng các dòng đơn vị được 82.',
    ]);
  });

  it('lists unknown names with the best existing unit or a new one, and takes the clerk’s answers once', async () => {
    const c = await createCampaign(ctx, { name: 'Đợt 1' });
    const ca = await createUnit(ctx, { name: 'Công an thành phố Lạng Sơn', kind: 'armed' });
    const first = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', await buf(trickyTable()));
    expect(first.unknown.map((u) => [u.row, u.name, u.suggestion?.unitId ?? u.suggestion?.newName])).toEqual([
      [6, 'Công an thành phố', ca.id],
      [7, 'Tổng đội Thanh niên xung phong', 'Tổng đội Thanh niên xung phong'],
      [9, 'Cộng đồng dân cư khối 3', 'Cộng đồng dân cư khối 3'],
    ]);
    expect(first.imported).toBe(0);
    const r = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', await buf(trickyTable()), {
      resolutions: [{ row: 6, unitId: ca.id }, { row: 7, unitId: null, newName: 'Tổng đội TNXP', newKind: 'other' }, { row: 9, unitId: null, newName: null }],
    });
    expect(r.unknown).toEqual([]);
    expect(r.matched).toMatchObject([{ row: 6, unitId: ca.id }]);
    expect(r.createdUnits).toMatchObject([{ row: 7, unitName: 'Tổng đội TNXP' }]);
    expect((await listUnits(ctx)).find((u) => u.id === ca.id)!.aliases).toEqual(['Công an thành phố']);
    // Next time the table's name is known.
    const again = await importQuotasFromExcel(ctx, c.id, 'bieu.xlsx', await buf(trickyTable()));
    expect(again.unknown.map((u) => u.row)).toEqual([9]);
  });

  it('a unit written on two rows (one per month, as in seed 001) is one unit with both months', async () => {
    const c = await createCampaign(ctx, { name: 'Chiến dịch hè' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('CT');
    ws.addRow(['Số TT', 'Đơn vị', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8']);
    ws.addRow(['04', 'Bệnh viện Đa khoa tỉnh', 100]);
    ws.addRow(['05', 'Cty Cổ phần Vinpearl - Kiên Giang', null, 350]);
    ws.addRow(['22', 'BV Đa khoa tỉnh', null, null, null, 100]);
    ws.addRow(['', 'Cộng', 100, 350, null, 100]);
    const r = await importQuotasFromExcel(ctx, c.id, 'ct.xlsx', await buf(wb), { createUnits: true });
    expect(r.createdUnits.map((u) => u.unitName)).toEqual(['Bệnh viện Đa khoa tỉnh', 'Công ty Cổ phần Vinpearl - Kiên Giang']);
    const bv = r.createdUnits[0].unitId;
    expect(r.table.entries.filter((e) => e.unitId === bv).map((e) => [e.month, e.bloodUnits])).toEqual([[5, 100], [6, 0], [7, 0], [8, 100]]);
    expect(r.warnings).toEqual([]);
    expect(r.table.totals.bloodUnits).toBe(550);
  });

  it('units import of the same table: no header, section or total row becomes a unit', async () => {
    const r = await importUnitsFromExcel(ctx, 'bieu.xlsx', await buf(trickyTable()));
    expect(r.created).toBe(3);
    expect((await listUnits(ctx)).map((u) => u.name)).toEqual(['Công an thành phố', 'Tổng đội Thanh niên xung phong', 'Cộng đồng dân cư khối 3']);
    expect(r.counts).toMatchObject({ unit: 3, total: 1, header: 2 });
  });
});

const TRICKY = ['Công an thành phố', 'Công an phường Đông Kinh', 'Tổng đội TNXP', 'Cộng đồng khối 4', 'Cộng hòa', 'Tổng công ty Điện lực', 'Phường Vĩnh Trại', 'Hội ND TP', 'CATP', 'Trường THPT Việt Bắc', 'Ký Tên', 'Đơn vị 5'];

describe('quota tables, generated (property)', () => {
  it('units read + ignored + errors = every row; no generated unit ignored; the total checks out', () => {
    const unitRow = fc.record({ name: fc.constantFrom(...TRICKY), suffix: fc.nat(99), m5: fc.option(fc.nat(60), { nil: null }), m6: fc.option(fc.nat(60), { nil: null }), blood: fc.nat(90) });
    const noise = fc.constantFrom('blank', 'section', 'none');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unitRow, noise), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('formula', 'value', 'none'),
        fc.nat(3),
        (rows, twoRowHeader, totalKind, titles) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet('CT');
          for (let i = 0; i < titles; i++) ws.addRow([`KẾ HOẠCH SỐ ${i} — BIỂU CHỈ TIÊU`]);
          if (twoRowHeader) {
            ws.addRow(['STT', 'Đơn vị', 'Người đăng ký', '', 'Đơn vị máu']);
            ws.addRow(['STT', 'Đơn vị', 'Tháng 5', 'Tháng 6', 'Đơn vị máu']);
          } else ws.addRow(['STT', 'Đơn vị', 'Người đăng ký tháng 5', 'Người đăng ký tháng 6', 'Đơn vị máu']);
          const first = ws.rowCount + 1;
          const names: string[] = [];
          let n = 0;
          for (const [u, extra] of rows) {
            if (extra === 'blank') ws.addRow([]);
            if (extra === 'section') ws.addRow(['', `KHỐI ${u.suffix}`]);
            const name = `${u.name} ${u.suffix}`;
            names.push(name);
            ws.addRow([++n, name, u.m5, u.m6, u.blood]);
          }
          const last = ws.rowCount;
          const sum = (k: 'm5' | 'm6' | 'blood') => rows.reduce((a, [u]) => a + (u[k] ?? 0), 0);
          if (totalKind === 'formula') ws.addRow(['', 'Cộng', { formula: `SUM(C${first}:C${last})` }, { formula: `SUM(D${first}:D${last})` }, { formula: `SUM(E${first}:E${last})` }]);
          if (totalKind === 'value') ws.addRow(['', 'Tổng cộng', sum('m5'), sum('m6'), sum('blood')]);
          const t = readUnitTable(ws, 'ct.xlsx', { figures: true }) as UnitTable;
          expect('error' in t).toBe(false);
          // Every row once, in order.
          expect(t.ledger.map((l) => l.row)).toEqual(Array.from({ length: ws.rowCount }, (_, i) => i + 1));
          expect(t.lines.map((l) => l.name)).toEqual(names);
          expect(t.ledger.filter((l) => l.kind === 'error')).toEqual([]);
          expect(t.ledger.filter((l) => l.kind === 'total')).toHaveLength(totalKind === 'none' ? 0 : 1);
          expect(t.warnings).toEqual([]);
          if (totalKind !== 'none') expect(t.statedTotals).toEqual({ registrants: sum('m5') + sum('m6'), bloodUnits: sum('blood') });
        },
      ),
      { numRuns: 60 },
    );
  });
});
