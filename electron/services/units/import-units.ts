import { inTransaction, type ServiceContext } from '../context';
import { AppError } from '../../../shared/errors/app-error';
import { guessUnitKind } from '../../../shared/domain/unit-kinds';
import { collapseSpaces, foldVietnamese, nfc } from '../../../shared/domain/text';
import { cellText, loadXlsx } from '../spreadsheet/load-xlsx';
import { createUnit, listUnits, updateUnit } from './units';

type Field = 'name' | 'kind' | 'parent' | 'grouping' | 'short';

const HEADER_WORDS: Record<Field, string[]> = {
  name: ['ten don vi', 'don vi', 'ten'],
  kind: ['loai', 'loai don vi'],
  parent: ['thuoc', 'don vi cap tren', 'cap tren', 'truc thuoc'],
  grouping: ['cum', 'nhom', 'cum/nhom'],
  short: ['ten viet tat', 'viet tat', 'ky hieu'],
};

function fieldOf(header: string): Field | null {
  const h = foldVietnamese(header);
  for (const f of ['short', 'parent', 'kind', 'grouping', 'name'] as Field[]) {
    if (HEADER_WORDS[f].some((w) => h === w || h.startsWith(w + ' ') || (f !== 'name' && h.includes(w)))) return f;
  }
  return null;
}


/**
 * Reads the office's unit list from the first sheet: a header row with "Tên đơn vị" and optional
 * "Loại", "Thuộc", "Cụm", "Tên viết tắt". Units already present (same name) are updated, not doubled.
 */
export async function importUnitsFromExcel(ctx: ServiceContext, fileName: string, data: Buffer) {
  const wb = await loadXlsx(fileName, data);
  const ws = wb.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0);
  if (!ws) throw new AppError('EMPTY', `Tệp "${fileName}" không có trang tính nào chứa dữ liệu.`);
  let headerRow = 0;
  let cols: Partial<Record<Field, number>> = {};
  for (let r = 1; r <= Math.min(ws.rowCount, 15) && !headerRow; r++) {
    const found: Partial<Record<Field, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const f = fieldOf(cellText(cell));
      if (f && found[f] === undefined) found[f] = c;
    });
    if (found.name !== undefined) {
      headerRow = r;
      cols = found;
    }
  }
  if (!headerRow) {
    throw new AppError('NO_HEADER', `Không tìm thấy cột "Tên đơn vị" trong 15 dòng đầu của trang "${ws.name}" (tệp "${fileName}"). Hãy thêm dòng tiêu đề có cột "Tên đơn vị".`);
  }
  const existing = await listUnits(ctx, { includeArchived: true });
  const byName = new Map(existing.map((u) => [foldVietnamese(u.name), u]));
  const result = { created: 0, updated: 0, skipped: [] as { row: number; reason: string }[] };
  const rows = Math.min(ws.rowCount, headerRow + 5000);
  await inTransaction(ctx, async (tx) => {
    for (let r = headerRow + 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const get = (f: Field) => (cols[f] ? nfc(collapseSpaces(cellText(row.getCell(cols[f]!)))) : '');
      const name = get('name');
      if (!name) continue;
      if (name.length > 200) {
        result.skipped.push({ row: r, reason: `Dòng ${r}: tên đơn vị quá dài (trên 200 ký tự).` });
        continue;
      }
      const parentName = get('parent');
      const parent = parentName ? byName.get(foldVietnamese(parentName)) : undefined;
      if (parentName && !parent) {
        result.skipped.push({ row: r, reason: `Dòng ${r}: không tìm thấy đơn vị cấp trên "${parentName}"; hãy đặt đơn vị cấp trên ở dòng phía trên.` });
        continue;
      }
      const input = {
        name,
        kind: get('kind') ? guessUnitKind(get('kind')) : guessUnitKind(name),
        grouping: get('grouping') || null,
        shortName: get('short') || null,
        parentId: parent?.id ?? null,
      };
      const same = byName.get(foldVietnamese(name));
      if (same) {
        byName.set(foldVietnamese(name), await updateUnit(tx, { id: same.id, ...input }));
        result.updated++;
      } else {
        byName.set(foldVietnamese(name), await createUnit(tx, input));
        result.created++;
      }
    }
  });
  return result;
}
