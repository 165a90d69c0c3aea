import type Database from 'better-sqlite3';
import { writerOver, type Writer } from './data';

/**
 * While services move to the data layer, the shared write helpers (people, audit) accept the old raw
 * handle too: it is wrapped in a Writer over the same connection, writing into the caller's open
 * transaction. Deleted with the last raw caller.
 */
export type WriterLike = Writer | Database.Database;

const wrapped = new WeakMap<Database.Database, Writer>();

export function asWriter(target: WriterLike): Writer {
  if (!('pragma' in target)) return target;
  let w = wrapped.get(target);
  if (!w) {
    w = writerOver(target);
    wrapped.set(target, w);
  }
  return w;
}
