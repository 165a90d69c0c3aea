import { openDatabase, type Connection } from '../db/connection';
import { createCaches } from './caches';
import type { ServiceContext } from './context';
import { JobRunner } from './jobs/job-runner';
import { APP_VERSION } from '../version';

export interface AppContext extends ServiceContext {
  conn: Connection;
}

/** Opens (and migrates) the database and builds the context all hosts share. */
export function createAppContext(dbPath: string, opts: { now?: () => Date; key?: string } = {}): AppContext {
  const conn = openDatabase(dbPath, { key: opts.key });
  return {
    conn,
    data: conn.data,
    dbPath,
    jobs: new JobRunner(),
    caches: createCaches(conn.data),
    appVersion: APP_VERSION,
    now: opts.now ?? (() => new Date()),
    ...(opts.key ? { dbKey: opts.key } : {}),
  };
}
