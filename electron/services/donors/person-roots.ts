import type Database from 'better-sqlite3';

/**
 * Merged people point to their survivor (people.merged_into), possibly through a chain.
 * Returns a resolver from any person id to the surviving one.
 */
export function loadRootResolver(sqlite: Database.Database): (id: number) => number {
  const parent = new Map<number, number>();
  for (const r of sqlite.prepare('SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL').iterate() as IterableIterator<{ id: number; merged_into: number }>) {
    parent.set(r.id, r.merged_into);
  }
  const cache = new Map<number, number>();
  return (id: number) => {
    if (parent.size === 0) return id;
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    let cur = id;
    for (let guard = 0; guard < 100 && parent.has(cur); guard++) cur = parent.get(cur)!;
    cache.set(id, cur);
    return cur;
  };
}

/** Ids of every person merged (directly or through a chain) into `root`, root included. */
export function mergedFamily(sqlite: Database.Database, root: number): number[] {
  const rows = sqlite
    .prepare(`WITH RECURSIVE fam(id) AS (SELECT ? UNION SELECT p.id FROM people p JOIN fam ON p.merged_into = fam.id) SELECT id FROM fam`)
    .all(root) as { id: number }[];
  return rows.map((r) => r.id);
}
