import type { Unit } from '../../../shared/ipc/channels/units';

export interface TreeRow {
  unit: Unit;
  depth: number;
  index: number;
  siblings: number;
}

/** Flattens the unit tree depth-first in sibling order, for an indented table. */
export function flattenUnits(units: Unit[]): TreeRow[] {
  const byParent = new Map<number | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId !== null && units.some((p) => p.id === u.parentId) ? u.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), u]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const out: TreeRow[] = [];
  const walk = (parent: number | null, depth: number) => {
    const kids = byParent.get(parent) ?? [];
    kids.forEach((unit, index) => {
      out.push({ unit, depth, index, siblings: kids.length });
      walk(unit.id, depth + 1);
    });
  };
  walk(null, 0);
  return out;
}

/** Units a unit may be moved under: not itself, not its descendants. */
export function allowedParents(units: Unit[], id: number | null): Unit[] {
  if (id === null) return units;
  const banned = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && banned.has(u.parentId) && !banned.has(u.id)) {
        banned.add(u.id);
        grew = true;
      }
    }
  }
  return units.filter((u) => !banned.has(u.id));
}
