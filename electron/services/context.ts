import type { Data } from '../db/data';
import type { DataCaches } from './caches';
import type { JobRunner } from './jobs/job-runner';

/**
 * What every service function receives first: the database through its one way in (`data`: a Reader,
 * and `data.write(w => …)` for one synchronous transaction; electron/db/data.ts), the job runner for
 * long work, the caches derived from the data, and the clock.
 */
export interface ServiceContext {
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
}
