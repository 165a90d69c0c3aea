import type Database from 'better-sqlite3';

interface MergeMap {
  signature: string;
  parent: Map<number, number>;
  children: Map<number, number[]>;
}

const cache = new Map<Database.Database, MergeMap>();

function signature(sqlite: Database.Database): string {
  const t = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${t}:${sqlite.pragma('data_version', { simple: true })}`;
}

/** Who was merged into whom (people.merged_into), read once per change of the database. */
function mergeMap(sqlite: Database.Database): MergeMap {
  const sig = signature(sqlite);
  const cur = cache.get(sqlite);
  if (cur && cur.signature === sig) return cur;
  const parent = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const r of sqlite.prepare('SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL').iterate() as IterableIterator<{ id: number; merged_into: number }>) {
    parent.set(r.id, r.merged_into);
    const list = children.get(r.merged_into);
    if (list) list.push(r.id);
    else children.set(r.merged_into, [r.id]);
  }
  const fresh = { signature: sig, parent, children };
  cache.set(sqlite, fresh);
  return fresh;
}

/**
 * Merged people point to their survivor (people.merged_into), possibly through a chain.
 * Returns a resolver from any person id to the surviving one.
 */
export function loadRootResolver(sqlite: Database.Database): (id: number) => number {
  return mergeSnapshot(sqlite).resolve;
}

/** Resolver and family lookup over the merges as they are now, for a batch that does not merge anyone. */
export function mergeSnapshot(sqlite: Database.Database): { resolve(id: number): number; family(root: number): number[] } {
  const { parent, children } = mergeMap(sqlite);
  const family = (root: number) => {
    const out = [root];
    for (let i = 0; i < out.length && out.length < 1000; i++) for (const c of children.get(out[i]) ?? []) if (!out.includes(c)) out.push(c);
    return out;
  };
  const resolve = (id: number) => {
    let cur = id;
    for (let guard = 0; guard < 100 && parent.has(cur); guard++) cur = parent.get(cur)!;
    return cur;
  };
  return { resolve, family };
}

/** Ids of every person merged (directly or through a chain) into `root`, root included. */
export function mergedFamily(sqlite: Database.Database, root: number): number[] {
  return mergeSnapshot(sqlite).family(root);
}
