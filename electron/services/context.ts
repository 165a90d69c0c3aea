import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Data } from '../db/data';
import type { DataCaches } from './caches';
import type { JobRunner } from './jobs/job-runner';
import { withWriteLock } from './write-lock';

/** What every service function receives first: the database (and the job runner for long work). */
export interface ServiceContext {
  db: Kysely<DB>;
  sqlite: Database.Database;
  /** The one way into the database: `data.read`, and `data.write(w => …)` for one transaction. */
  data: Data;
  dbPath: string;
  jobs: JobRunner;
  /** Data derived from the database and kept in memory (check-in indexes, merges, matches): caches.ts. */
  caches: DataCaches;
  appVersion: string;
  /** Today's date for rules that depend on it (overridable in tests). */
  now(): Date;
  /** Encryption key of the database file (64 hex digits); every backup copy and check uses it. None = plain. */
  dbKey?: string;
  /** Set inside inTransaction: nested calls join the open transaction. */
  inTx?: boolean;
}

/**
 * Runs `fn` in one SQLite transaction. Services called inside must use the ctx they are given
 * (its db is the transaction), so a nested inTransaction simply joins it.
 */
export async function inTransaction<T>(ctx: ServiceContext, fn: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.inTx) return fn(ctx);
  // The connection's write lock: no other flow's raw write can land inside this transaction.
  try {
    return await withWriteLock(ctx.data, () => ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx, inTx: true })));
  } catch (e) {
    // A cache built inside the transaction may hold rows the rollback took back.
    ctx.caches.invalidate('all');
    throw e;
  }
}
