import { describe, expect, it } from 'vitest';
import { applyPaste, columnsFor, entriesFrom, parseCell, unitTotal } from '../../../renderer/features/quotas/grid-model';
import type { QuotaTable } from '../../../shared/ipc/channels/quotas';

const units = [{ id: 1, name: 'Phòng Giáo dục và Đào tạo' }, { id: 2, name: 'Đoàn thanh niên' }, { id: 3, name: 'Công an quận' }];
const cols = columnsFor([5, 6]);
const table: QuotaTable = {
  campaignId: 1, targetRegistrants: null, targetBloodUnits: null, months: [5, 6],
  units: units.map((u) => ({ ...u, kind: 'other', grouping: null, archived: false })),
  entries: [{ unitId: 3, month: 0, registrants: 9, bloodUnits: 9 }], totals: { registrants: 9, bloodUnits: 9 }, difference: { registrants: null, bloodUnits: null },
};

describe('quota grid: paste from Excel and totals', () => {
  it('fills a block from the chosen cell, row by row', () => {
    const { draft } = applyPaste(new Map(), '300\t160\r\n200\t150\r\n', units, cols, 0, 0);
    expect([...draft]).toEqual([['1:0:registrants', '300'], ['1:0:bloodUnits', '160'], ['2:0:registrants', '200'], ['2:0:bloodUnits', '150']]);
  });

  it('places lines by unit name when the first pasted column holds names, reporting unknown names', () => {
    const { draft, unknown } = applyPaste(new Map(), 'CONG AN QUAN\t40\nHội Nông dân\t7\ndoan thanh nien\t1.200', units, cols, 0, 1);
    expect(draft.get('3:0:bloodUnits')).toBe('40');
    expect(draft.get('2:0:bloodUnits')).toBe('1.200');
    expect(unknown).toEqual(['Hội Nông dân']);
    expect(parseCell('1.200')).toBe(1200);
    expect(Number.isNaN(parseCell('12a'))).toBe(true);
  });

  it('knows a pasted name by the unit’s aliases and the abbreviations plans write', () => {
    const named = [{ id: 1, name: 'Phòng Giáo dục và Đào tạo' }, { id: 3, name: 'Công an thành phố', names: ['CATP'] }, { id: 4, name: 'Phường Vĩnh Trại' }];
    const { draft, unknown } = applyPaste(new Map(), 'catp\t40\nP. Vĩnh Trại\t30\nPhòng GD&ĐT\t20\nHội ND TP\t9', named, cols, 0, 1);
    expect([draft.get('3:0:bloodUnits'), draft.get('4:0:bloodUnits'), draft.get('1:0:bloodUnits')]).toEqual(['40', '30', '20']);
    expect(unknown).toEqual(['Hội ND TP']);
  });

  it('totals a unit from its months when it has no whole-campaign figure, and turns the draft into entries', () => {
    const { draft } = applyPaste(new Map(), '50\t60', units, cols, 1, 2);
    expect(unitTotal(draft, 2, 'bloodUnits', [5, 6])).toBe(110);
    draft.set('3:0:registrants', '');
    draft.set('3:0:bloodUnits', '');
    expect(entriesFrom(draft, table, [1, 2, 3]).sort((a, b) => a.unitId - b.unitId || a.month - b.month)).toEqual([
      { unitId: 2, month: 5, registrants: null, bloodUnits: 50 },
      { unitId: 2, month: 6, registrants: null, bloodUnits: 60 },
      { unitId: 3, month: 0, registrants: null, bloodUnits: null },
    ]);
  });
});
