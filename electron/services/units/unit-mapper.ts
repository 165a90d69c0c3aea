import type { Selectable } from 'kysely';
import type { UnitRow } from '../../db/schema';
import type { Unit } from '../../../shared/ipc/channels/units';
import type { UnitKind } from '../../../shared/domain/unit-kinds';

export function rowToUnit(r: Selectable<UnitRow>, aliases: string[] = []): Unit {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind as UnitKind,
    grouping: r.grouping,
    sortOrder: r.sort_order,
    archived: r.archived === 1,
    aliases,
  };
}
