import type { ServiceContext } from './context';
import type { Reader } from '../db/data';
import { q, sql } from '../db/query';
import { getOffice } from './settings/office';

function count(r: Reader, table: 'units' | 'campaigns' | 'people' | 'registrations'): number {
  return Number(r.value(q.selectFrom(table).select(sql<number>`count(*)`.as('n'))));
}

/** The database's schema version (what migrate.ts's schemaVersion reads: SQLite's user_version). */
function schemaVersionOf(r: Reader): number {
  return Number(r.value(sql<{ user_version: number }>`SELECT user_version FROM pragma_user_version`));
}

export async function getAppInfo(ctx: ServiceContext) {
  const office = await getOffice(ctx);
  const r = ctx.data.read;
  return {
    version: ctx.appVersion,
    dbPath: ctx.dbPath,
    schemaVersion: schemaVersionOf(r),
    firstRun: office === null,
    office,
    counts: {
      units: count(r, 'units'),
      campaigns: count(r, 'campaigns'),
      people: count(r, 'people'),
      registrations: count(r, 'registrations'),
    },
  };
}
