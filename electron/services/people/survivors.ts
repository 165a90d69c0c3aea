import { cacheScope, type ScopeSource } from '../caches';
import { dataOf } from '../../db/data';
import { q } from '../../db/query';

interface MergeMap {
  parent: Map<number, number>;
  children: Map<number, number[]>;
}

/** Who was merged into whom (people.merged_into), read once per change of the people (ctx.caches). */
function mergeMap(source: ScopeSource): MergeMap {
  const { handle, caches } = cacheScope(source);
  return caches.get(handle, 'merge-map', ['people'], () => {
    const parent = new Map<number, number>();
    const children = new Map<number, number[]>();
    const rows = dataOf(handle).read.iterate(q.selectFrom('people').select(['id', 'merged_into']).where('merged_into', 'is not', null).$narrowType<{ merged_into: number }>());
    for (const r of rows) {
      parent.set(r.id, r.merged_into);
      const list = children.get(r.merged_into);
      if (list) list.push(r.id);
      else children.set(r.merged_into, [r.id]);
    }
    return { parent, children };
  });
}

/**
 * Merged people point to their survivor (people.merged_into), possibly through a chain.
 * Returns a resolver from any person id to the surviving one.
 */
export function loadRootResolver(source: ScopeSource): (id: number) => number {
  return mergeSnapshot(source).resolve;
}

/** Resolver and family lookup over the merges as they are now, for a batch that does not merge anyone. */
export function mergeSnapshot(source: ScopeSource): { resolve(id: number): number; family(root: number): number[] } {
  const { parent, children } = mergeMap(source);
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
export function mergedFamily(source: ScopeSource, root: number): number[] {
  return mergeSnapshot(source).family(root);
}
