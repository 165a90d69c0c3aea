import type { ServiceContext } from './context';
import type { Reader } from '../db/data';
import { q, sql } from '../db/query';
import { getOffice } from './settings/office';
import { schemaVersionOf } from '../db/maintenance';

function count(r: Reader, table: 'units' | 'campaigns' | 'people' | 'registrations'): number {
  return Number(r.value(q.selectFrom(table).select(sql<number>`count(*)`.as('n'))));
}

export async function getAppInfo(ctx: ServiceContext) {
  const office = await getOffice(ctx);
  const r = ctx.data.read;
  return {
    version: ctx.appVersion,
    dbPath: ctx.dbPath,
    schemaVersion: schemaVersionOf(ctx.data),
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
