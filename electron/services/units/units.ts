import { inTransaction, type ServiceContext } from '../context';
import type { Unit, UnitInput } from '../../../shared/ipc/channels/units';
import { unitInputSchema } from '../../../shared/ipc/channels/units';
import { AppError } from '../../../shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { rowToUnit } from './unit-mapper';
import { nfc } from '../../../shared/domain/text';

async function aliasMap(ctx: ServiceContext, unitId?: number): Promise<Map<number, string[]>> {
  let q = ctx.db.selectFrom('unit_aliases').select(['unit_id', 'alias']).orderBy('id');
  if (unitId !== undefined) q = q.where('unit_id', '=', unitId);
  const out = new Map<number, string[]>();
  for (const r of await q.execute()) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.alias]);
  return out;
}

export async function listUnits(ctx: ServiceContext, opts: { includeArchived?: boolean } = {}): Promise<Unit[]> {
  let q = ctx.db.selectFrom('units').selectAll().orderBy('sort_order').orderBy('id');
  if (!opts.includeArchived) q = q.where('archived', '=', 0);
  const aliases = await aliasMap(ctx);
  return (await q.execute()).map((r) => rowToUnit(r, aliases.get(r.id)));
}

export async function getUnit(ctx: ServiceContext, id: number): Promise<Unit> {
  const r = await ctx.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị này. Có thể đơn vị đã bị xoá; hãy tải lại danh sách.');
  return rowToUnit(r, (await aliasMap(ctx, id)).get(id));
}

/** Every unit with all the names it is known by (name, short name, aliases): what name matching compares against. */
export async function unitNameIndex(ctx: ServiceContext, opts: { includeArchived?: boolean } = {}): Promise<{ id: number; name: string; kind: string; parentId: number | null; names: string[] }[]> {
  return (await listUnits(ctx, opts)).map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, names: [u.name, ...(u.shortName ? [u.shortName] : []), ...u.aliases] }));
}

/** Remembers another name of a unit (a quota table's "CATP"); a name the unit already goes by is not added twice. */
export async function addUnitAlias(ctx: ServiceContext, unitId: number, alias: string): Promise<void> {
  const a = nfc(alias.trim().replace(/\s+/g, ' '));
  if (!a || a.length > 200) return;
  const u = await getUnit(ctx, unitId);
  if ([u.name, u.shortName, ...u.aliases].some((n) => n && n === a)) return;
  await ctx.db.insertInto('unit_aliases').values({ unit_id: unitId, alias: a, created_at: ctx.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
}

async function setAliases(ctx: ServiceContext, unitId: number, aliases: string[] | undefined): Promise<void> {
  if (aliases === undefined) return;
  await ctx.db.deleteFrom('unit_aliases').where('unit_id', '=', unitId).execute();
  for (const a of [...new Set(aliases.map((x) => nfc(x.trim())).filter(Boolean))]) {
    await ctx.db.insertInto('unit_aliases').values({ unit_id: unitId, alias: a, created_at: ctx.now().toISOString() }).onConflict((oc) => oc.doNothing()).execute();
  }
}

async function assertParent(ctx: ServiceContext, parentId: number | null, selfId?: number): Promise<void> {
  if (parentId === null) return;
  let cur: number | null = parentId;
  while (cur !== null) {
    if (cur === selfId) throw new AppError('UNIT_CYCLE', 'Không thể đặt một đơn vị vào bên trong chính nó hoặc đơn vị con của nó.');
    const row: { parent_id: number | null } | undefined = await ctx.db.selectFrom('units').select('parent_id').where('id', '=', cur).executeTakeFirst();
    if (!row) throw new AppError('UNIT_NOT_FOUND', 'Đơn vị cấp trên không còn tồn tại. Hãy chọn đơn vị khác.');
    cur = row.parent_id;
  }
}

export async function createUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  const v = unitInputSchema.parse(input);
  await assertParent(ctx, v.parentId);
  const now = ctx.now().toISOString();
  const siblings = await ctx.db
    .selectFrom('units')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('parent_id', v.parentId === null ? 'is' : '=', v.parentId)
    .executeTakeFirst();
  const row = await ctx.db
    .insertInto('units')
    .values({
      name: nfc(v.name),
      short_name: v.shortName ? nfc(v.shortName) : null,
      kind: v.kind,
      grouping: v.grouping ? nfc(v.grouping) : null,
      parent_id: v.parentId,
      sort_order: Number(siblings?.m ?? -1) + 1,
      archived: 0,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  appendAudit(ctx.sqlite, { action: 'unit.create', entity: 'unit', entityId: row.id, detail: row.name });
  await setAliases(ctx, row.id, v.aliases);
  return rowToUnit(row, v.aliases ?? []);
}

export async function updateUnit(ctx: ServiceContext, input: Partial<UnitInput> & { id: number }): Promise<Unit> {
  const before = await getUnit(ctx, input.id);
  if (input.parentId !== undefined) await assertParent(ctx, input.parentId, input.id);
  const patch: Record<string, unknown> = { updated_at: ctx.now().toISOString() };
  if (input.name !== undefined) patch.name = nfc(input.name.trim());
  if (input.shortName !== undefined) patch.short_name = input.shortName ? nfc(input.shortName.trim()) : null;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.grouping !== undefined) patch.grouping = input.grouping ? nfc(input.grouping.trim()) : null;
  if (input.parentId !== undefined) patch.parent_id = input.parentId;
  if (patch.name === '') throw new AppError('VALIDATION', 'Tên đơn vị không được để trống.');
  const row = await ctx.db.updateTable('units').set(patch).where('id', '=', input.id).returningAll().executeTakeFirstOrThrow();
  appendAudit(ctx.sqlite, { action: 'unit.update', entity: 'unit', entityId: row.id, detail: `${before.name} → ${row.name}` });
  await setAliases(ctx, row.id, input.aliases);
  return getUnit(ctx, row.id);
}

/** Puts a unit under a parent at a position among its siblings, renumbering them. */
export async function moveUnit(ctx: ServiceContext, args: { id: number; parentId: number | null; index: number }): Promise<Unit[]> {
  await getUnit(ctx, args.id);
  await assertParent(ctx, args.parentId, args.id);
  await inTransaction(ctx, async (tx) => {
    const siblings = await tx.db
      .selectFrom('units')
      .select('id')
      .where('parent_id', args.parentId === null ? 'is' : '=', args.parentId)
      .where('id', '!=', args.id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    const ids = siblings.map((s) => s.id);
    ids.splice(Math.min(args.index, ids.length), 0, args.id);
    for (let i = 0; i < ids.length; i++) {
      await tx.db.updateTable('units').set({ sort_order: i, parent_id: args.parentId, updated_at: ctx.now().toISOString() }).where('id', '=', ids[i]).execute();
    }
  });
  appendAudit(ctx.sqlite, { action: 'unit.move', entity: 'unit', entityId: args.id });
  return listUnits(ctx, { includeArchived: true });
}

export async function archiveUnit(ctx: ServiceContext, args: { id: number; archived: boolean }): Promise<Unit> {
  await getUnit(ctx, args.id);
  const row = await ctx.db
    .updateTable('units')
    .set({ archived: args.archived ? 1 : 0, updated_at: ctx.now().toISOString() })
    .where('id', '=', args.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  appendAudit(ctx.sqlite, { action: args.archived ? 'unit.archive' : 'unit.unarchive', entity: 'unit', entityId: row.id, detail: row.name });
  return getUnit(ctx, row.id);
}
