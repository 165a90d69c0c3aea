import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One writer at a time on a connection. kysely serialises its own queries, but a service that writes
 * through the raw better-sqlite3 handle while another flow holds a kysely transaction open across an
 * await would write INTO that transaction (and be rolled back with it). Every IPC handler and every
 * transaction takes this lock; a flow that already holds it (nested calls) goes straight through.
 */
const holder = new AsyncLocalStorage<object>();
const tails = new WeakMap<object, Promise<void>>();

export async function withWriteLock<T>(connection: object, fn: () => Promise<T> | T): Promise<T> {
  if (holder.getStore() === connection) return fn();
  const before = tails.get(connection) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  tails.set(connection, before.then(() => mine));
  await before;
  try {
    return await holder.run(connection, fn);
  } finally {
    release();
  }
}

/** Runs `fn` (a background job) outside the caller's lock: it takes the lock itself when it writes. */
export function detachedFromWriteLock<T>(fn: () => T): T {
  return holder.exit(fn);
}
