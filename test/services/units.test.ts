import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { archiveUnit, createUnit, listUnits, moveUnit, updateUnit } from '../../electron/services/units/units';
import { importUnitsFromExcel } from '../../electron/services/units/import-units';
import { verifyAuditChain } from '../../electron/services/audit/audit-log';
import { tempContext } from '../helpers/context';

describe('units service', () => {
  let ctx: ReturnType<typeof tempContext>;
  beforeEach(() => (ctx = tempContext()));
  afterEach(() => ctx.cleanup());

  it('creates, nests, reorders, renames and archives units', async () => {
    const ward = await createUnit(ctx, { name: 'phường  Vĩnh Trại', kind: 'commune' });
    const a = await createUnit(ctx, { name: 'Khối 1', kind: 'village', parentId: ward.id });
    const b = await createUnit(ctx, { name: 'Khối 2', kind: 'village', parentId: ward.id });
    expect([a.sortOrder, b.sortOrder]).toEqual([0, 1]);
    await moveUnit(ctx, { id: b.id, parentId: ward.id, index: 0 });
    const kids = (await listUnits(ctx)).filter((u) => u.parentId === ward.id);
    expect(kids.map((u) => u.name)).toEqual(['Khối 2', 'Khối 1']);
    await expect(moveUnit(ctx, { id: ward.id, parentId: a.id, index: 0 })).rejects.toThrow(/bên trong chính nó/);
    await updateUnit(ctx, { id: a.id, grouping: 'Cụm 1' });
    await archiveUnit(ctx, { id: b.id, archived: true });
    expect((await listUnits(ctx)).map((u) => u.name)).not.toContain('Khối 2');
    expect((await listUnits(ctx, { includeArchived: true })).length).toBe(3);
    expect(verifyAuditChain(ctx.data.read)).toMatchObject({ ok: true, count: 6 });
  });

  it('refuses an alias another unit already goes by (by its unit key), and changes nothing', async () => {
    const police = await createUnit(ctx, { name: 'Công an thành phố Lạng Sơn', kind: 'armed', aliases: ['CATP'] });
    const ward = await createUnit(ctx, { name: 'Phường Chi Lăng', kind: 'commune' });
    await expect(updateUnit(ctx, { id: ward.id, aliases: ['Catp'] })).rejects.toMatchObject({ code: 'UNIT_ALIAS_TAKEN' });
    await expect(updateUnit(ctx, { id: ward.id, aliases: ['P. Chi Lăng', 'Công an TP Lạng Sơn'] })).rejects.toThrow(/Công an thành phố Lạng Sơn/);
    await expect(createUnit(ctx, { name: 'Đoàn phường', kind: 'mass_org', aliases: ['catp'] })).rejects.toThrow(/đã là tên của đơn vị/);
    const units = await listUnits(ctx);
    expect(units.map((u) => [u.name, u.aliases])).toEqual([['Công an thành phố Lạng Sơn', ['CATP']], ['Phường Chi Lăng', []]]);
    // its own names, and a name nobody has, are fine
    expect((await updateUnit(ctx, { id: police.id, aliases: ['CATP', 'Công an TP'] })).aliases).toEqual(['CATP', 'Công an TP']);
    expect((await updateUnit(ctx, { id: ward.id, aliases: ['P. Chi Lăng'] })).aliases).toEqual(['P. Chi Lăng']);
  });

  it('imports a unit list from Excel with parents, kinds and groupings, without doubling on re-import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['DANH SÁCH ĐƠN VỊ']);
    ws.addRow([]);
    ws.addRow(['STT', 'Tên đơn vị', 'Loại', 'Thuộc', 'Cụm']);
    ws.addRow([1, 'Phường Chi Lăng', 'Xã/Phường', '', 'Cụm Thành phố']);
    ws.addRow([2, 'Khối 3', '', 'Phường Chi Lăng', '']);
    ws.addRow([3, 'Trường THPT Hoàng Văn Thụ', '', '', '']);
    ws.addRow([4, 'Tổ 9', '', 'Không có', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await importUnitsFromExcel(ctx, 'don-vi.xlsx', buf);
    expect(r.created).toBe(3);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0].reason).toMatch(/Dòng 7.*Không có/);
    const units = await listUnits(ctx);
    const ward = units.find((u) => u.name === 'Phường Chi Lăng')!;
    expect(ward).toMatchObject({ kind: 'commune', grouping: 'Cụm Thành phố' });
    expect(units.find((u) => u.name === 'Khối 3')).toMatchObject({ parentId: ward.id, kind: 'village' });
    expect(units.find((u) => u.name.startsWith('Trường'))!.kind).toBe('school');
    const again = await importUnitsFromExcel(ctx, 'don-vi.xlsx', buf);
    expect(again).toMatchObject({ created: 0, updated: 3 });
    expect(await listUnits(ctx)).toHaveLength(3);
  });

  it('rejects a file that is not a spreadsheet with a message naming it', async () => {
    await expect(importUnitsFromExcel(ctx, 'ghi-chu.txt', Buffer.from('hello'))).rejects.toThrow(/"ghi-chu.txt" không phải là bảng tính/);
    expect(await listUnits(ctx)).toHaveLength(0);
  });
});
