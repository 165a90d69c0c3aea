import type { ServiceContext } from '../context';
import type { Reader, Writer } from '../../db/data';
import { q } from '../../db/query';
import type { Unit, UnitInput } from '../../../shared/ipc/channels/units';
import { unitInputSchema } from '../../../shared/ipc/channels/units';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { rowToUnit } from './unit-mapper';
import { nfc } from '../../../shared/domain/text';
import { unitKey } from '../../../shared/domain/units/unit-names';

function aliasMap(r: Reader, unitId?: number): Map<number, string[]> {
  let query = q.selectFrom('unit_aliases').select(['unit_id', 'alias']).orderBy('id');
  if (unitId !== undefined) query = query.where('unit_id', '=', unitId);
  const out = new Map<number, string[]>();
  for (const row of r.all(query)) out.set(row.unit_id, [...(out.get(row.unit_id) ?? []), row.alias]);
  return out;
}

/** Every unit (archived ones on request) with its aliases, in the office's order. */
export function unitsIn(r: Reader, opts: { includeArchived?: boolean } = {}): Unit[] {
  let query = q.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id');
  if (!opts.includeArchived) query = query.where('archived', '=', 0);
  const aliases = aliasMap(r);
  return r.all(query).map((row) => rowToUnit(row, aliases.get(row.id)));
}

export async function listUnits(ctx: ServiceContext, opts: { includeArchived?: boolean } = {}): Promise<Unit[]> {
  return unitsIn(ctx.data.read, opts);
}

/** A unit by id through any handle (inside a write too); the clerk's message when it is gone. */
export function unitById(r: Reader, id: number): Unit {
  const row = r.get(q.selectFrom('units').selectAll().where('id', '=', id));
  if (!row) throw new AppError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị này. Có thể đơn vị đã bị xoá; hãy tải lại danh sách.');
  return rowToUnit(row, aliasMap(r, id).get(id));
}

export async function getUnit(ctx: ServiceContext, id: number): Promise<Unit> {
  return unitById(ctx.data.read, id);
}

/** A unit with all the names it is known by (name, short name, aliases): what name matching compares against. */
export type IndexedUnit = { id: number; name: string; kind: string; parentId: number | null; names: string[] };

/** Every unit with all the names it is known by, through any handle (inside a write too). */
export function unitNameIndex(r: Reader, opts: { includeArchived?: boolean } = {}): IndexedUnit[] {
  return unitsIn(r, opts).map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, names: [u.name, ...(u.shortName ? [u.shortName] : []), ...u.aliases] }));
}

/** Another unit already known by this name (its name, short name or an alias, compared by unit key), if any. */
function unitKnownAs(r: Reader, alias: string, exceptId: number): IndexedUnit | null {
  const key = unitKey(alias);
  if (!key) return null;
  return unitNameIndex(r).find((u) => u.id !== exceptId && u.names.some((n) => unitKey(n) === key)) ?? null;
}

/**
 * Remembers another name of a unit inside the caller's write; a name the unit already goes by is not
 * added twice, and a name another unit goes by is not taken (it would make lists land on either).
 */
export function addAliasIn(w: Writer, unitId: number, alias: string, now: string): void {
  const a = nfc(alias.trim().replace(/\s+/g, ' '));
  if (!a || a.length > 200) return;
  const u = unitById(w, unitId);
  if ([u.name, u.shortName, ...u.aliases].some((n) => n && n === a)) return;
  if (unitKnownAs(w, a, unitId)) return;
  w.run(q.insertInto('unit_aliases').values({ unit_id: unitId, alias: a, created_at: now }).onConflict((oc) => oc.doNothing()));
}

/** Remembers another name of a unit (a quota table's "CATP"); a name the unit already goes by is not added twice. */
export async function addUnitAlias(ctx: ServiceContext, unitId: number, alias: string): Promise<void> {
  const now = ctx.now().toISOString();
  ctx.data.write((w) => addAliasIn(w, unitId, alias, now));
}

function setAliases(w: Writer, unitId: number, aliases: string[] | undefined, now: string): void {
  if (aliases === undefined) return;
  w.run(q.deleteFrom('unit_aliases').where('unit_id', '=', unitId));
  for (const a of [...new Set(aliases.map((x) => nfc(x.trim())).filter(Boolean))]) {
    const other = unitKnownAs(w, a, unitId);
    if (other) {
      throw new AppError('UNIT_ALIAS_TAKEN', `Tên gọi khác "${a}" đã là tên của đơn vị "${other.name}". Một tên chỉ dùng cho một đơn vị, nếu không danh sách gửi đến có thể bị xếp nhầm đơn vị. Hãy bỏ tên này, hoặc sửa đơn vị "${other.name}" trước.`);
    }
    w.run(q.insertInto('unit_aliases').values({ unit_id: unitId, alias: a, created_at: now }).onConflict((oc) => oc.doNothing()));
  }
}

function assertParent(r: Reader, parentId: number | null, selfId?: number): void {
  if (parentId === null) return;
  let cur: number | null = parentId;
  while (cur !== null) {
    if (cur === selfId) throw new AppError('UNIT_CYCLE', 'Không thể đặt một đơn vị vào bên trong chính nó hoặc đơn vị con của nó.');
    const row: { parent_id: number | null } | undefined = r.get(q.selectFrom('units').select('parent_id').where('id', '=', cur));
    if (!row) throw new AppError('UNIT_NOT_FOUND', 'Đơn vị cấp trên không còn tồn tại. Hãy chọn đơn vị khác.');
    cur = row.parent_id;
  }
}

/** Adds a unit (audited, aliases kept) inside the caller's write. */
export function insertUnit(w: Writer, input: UnitInput, now: string): Unit {
  const v = unitInputSchema.parse(input);
  assertParent(w, v.parentId);
  const last = w.value(q.selectFrom('units').select((eb) => eb.fn.max('sort_order').as('m')).where('parent_id', v.parentId === null ? 'is' : '=', v.parentId));
  const row = w.get(
    q
      .insertInto('units')
      .values({
        name: nfc(v.name),
        short_name: v.shortName ? nfc(v.shortName) : null,
        kind: v.kind,
        grouping: v.grouping ? nfc(v.grouping) : null,
        parent_id: v.parentId,
        sort_order: Number(last ?? -1) + 1,
        archived: 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll(),
  )!;
  appendAudit(w, { action: 'unit.create', entity: 'unit', entityId: row.id, detail: row.name });
  setAliases(w, row.id, v.aliases, now);
  return rowToUnit(row, v.aliases ?? []);
}

export async function createUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => insertUnit(w, input, now));
}

/** Changes a unit (audited; aliases replaced when given) inside the caller's write. */
export function changeUnit(w: Writer, input: Partial<UnitInput> & { id: number }, now: string): Unit {
  const before = unitById(w, input.id);
  if (input.parentId !== undefined) assertParent(w, input.parentId, input.id);
  const patch: Record<string, unknown> = { updated_at: now };
  if (input.name !== undefined) patch.name = nfc(input.name.trim());
  if (input.shortName !== undefined) patch.short_name = input.shortName ? nfc(input.shortName.trim()) : null;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.grouping !== undefined) patch.grouping = input.grouping ? nfc(input.grouping.trim()) : null;
  if (input.parentId !== undefined) patch.parent_id = input.parentId;
  if (patch.name === '') throw new AppError('VALIDATION', 'Tên đơn vị không được để trống.');
  const row = w.get(q.updateTable('units').set(patch).where('id', '=', input.id).returningAll())!;
  appendAudit(w, { action: 'unit.update', entity: 'unit', entityId: row.id, detail: `${before.name} → ${row.name}` });
  setAliases(w, row.id, input.aliases, now);
  return unitById(w, row.id);
}

export async function updateUnit(ctx: ServiceContext, input: Partial<UnitInput> & { id: number }): Promise<Unit> {
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => changeUnit(w, input, now));
}

/** Puts a unit under a parent at a position among its siblings, renumbering them. */
export async function moveUnit(ctx: ServiceContext, args: { id: number; parentId: number | null; index: number }): Promise<Unit[]> {
  const now = ctx.now().toISOString();
  ctx.data.write((w) => {
    unitById(w, args.id);
    assertParent(w, args.parentId, args.id);
    const ids = w.column(
      q
        .selectFrom('units')
        .select('id')
        .where('parent_id', args.parentId === null ? 'is' : '=', args.parentId)
        .where('id', '!=', args.id)
        .orderBy('sort_order')
        .orderBy('id'),
    );
    ids.splice(Math.min(args.index, ids.length), 0, args.id);
    for (let i = 0; i < ids.length; i++) {
      w.run(q.updateTable('units').set({ sort_order: i, parent_id: args.parentId, updated_at: now }).where('id', '=', ids[i]));
    }
    appendAudit(w, { action: 'unit.move', entity: 'unit', entityId: args.id });
  });
  return listUnits(ctx, { includeArchived: true });
}

export async function archiveUnit(ctx: ServiceContext, args: { id: number; archived: boolean }): Promise<Unit> {
  const now = ctx.now().toISOString();
  return ctx.data.write((w) => {
    unitById(w, args.id);
    const row = w.get(q.updateTable('units').set({ archived: args.archived ? 1 : 0, updated_at: now }).where('id', '=', args.id).returningAll())!;
    appendAudit(w, { action: args.archived ? 'unit.archive' : 'unit.unarchive', entity: 'unit', entityId: row.id, detail: row.name });
    return unitById(w, row.id);
  });
}
