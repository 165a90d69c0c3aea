import type { ServiceContext } from '../context';
import { guessUnitKind } from '../../../shared/domain/unit-kinds';
import { foldVietnamese } from '../../../shared/domain/text';
import { expandUnitName, rankUnitMatches } from '../../../shared/domain/units/unit-names';
import { readTableFromFile } from '../quotas/import-quotas';
import { ledgerCounts } from '../quotas/read-unit-table';
import { changeUnit, insertUnit, unitNameIndex } from './units';

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
 * Reads the office's unit list (or a plan's quota table used as one): a header row with "Tên đơn vị"
 * and optional "Loại", "Thuộc", "Cụm", "Tên viết tắt". Title, header, total ("Tổng cộng") and blank
 * rows are accounted for in the ledger and never become units. A name already known (same key:
 * accents, case and abbreviations folded, aliases included) updates that unit instead of doubling it;
 * a new unit gets its name written out ("P. Vĩnh Trại" → "Phường Vĩnh Trại"), the written form kept as alias.
 */
export async function importUnitsFromExcel(ctx: ServiceContext, fileName: string, data: Buffer) {
  const table = await readTableFromFile(fileName, data, {
    figures: false,
    nameHeader: (h) => fieldOf(h) === 'name',
    extraColumns: { kind: (h) => fieldOf(h) === 'kind', parent: (h) => fieldOf(h) === 'parent', grouping: (h) => fieldOf(h) === 'grouping', short: (h) => fieldOf(h) === 'short' },
  });
  const result = { created: 0, updated: 0, skipped: [] as { row: number; reason: string }[], ledger: table.ledger.map((l) => ({ ...l })), counts: {} as Record<string, number> };
  for (const l of table.ledger) if (l.kind === 'error') result.skipped.push({ row: l.row, reason: l.reason ?? `Dòng ${l.row}: không đọc được.` });
  const now = ctx.now().toISOString();
  ctx.data.write((w) => {
    const units = unitNameIndex(w, { includeArchived: true });
    const find = (name: string) => {
      const r = rankUnitMatches(name, units);
      return r[0] && r[0].score === 1 && (r.length < 2 || r[1].score < 1) ? r[0].unit : undefined;
    };
    for (const line of table.lines) {
      const r = line.row;
      const get = (f: string) => line.extra[f] ?? '';
      const ledgerRow = result.ledger.find((l) => l.row === r)!;
      const parentName = get('parent');
      const parent = parentName ? find(parentName) : undefined;
      if (parentName && !parent) {
        const reason = `Dòng ${r} (trang "${table.sheet}", tệp "${fileName}"): không tìm thấy đơn vị cấp trên "${parentName}"; hãy đặt đơn vị cấp trên ở dòng phía trên.`;
        result.skipped.push({ row: r, reason });
        Object.assign(ledgerRow, { kind: 'error', reason });
        continue;
      }
      const same = find(line.name);
      const name = same ? line.name : expandUnitName(line.name);
      const input = {
        name,
        kind: get('kind') ? guessUnitKind(get('kind')) : guessUnitKind(name),
        grouping: get('grouping') || null,
        shortName: get('short') || null,
        parentId: parent?.id ?? null,
      };
      if (same) {
        const u = changeUnit(w, { id: same.id, ...input, name: same.name }, now);
        same.names.splice(0, same.names.length, u.name, ...(u.shortName ? [u.shortName] : []), ...u.aliases);
        result.updated++;
      } else {
        const u = insertUnit(w, { ...input, aliases: name !== line.name ? [line.name] : [] }, now);
        units.push({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, names: [u.name, ...(u.shortName ? [u.shortName] : []), ...u.aliases] });
        result.created++;
      }
    }
  });
  result.counts = ledgerCounts(result.ledger as never);
  return result;
}
