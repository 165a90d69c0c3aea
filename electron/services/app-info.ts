import { sql } from 'kysely';
import type { ServiceContext } from './context';
import { schemaVersion } from '../db/migrate';
import { getOffice } from './settings/office';

async function count(ctx: ServiceContext, table: 'units' | 'campaigns' | 'people' | 'registrations'): Promise<number> {
  const r = await ctx.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getAppInfo(ctx: ServiceContext) {
  const office = await getOffice(ctx);
  return {
    version: ctx.appVersion,
    dbPath: ctx.dbPath,
    schemaVersion: schemaVersion(ctx.sqlite),
    firstRun: office === null,
    office,
    counts: {
      units: await count(ctx, 'units'),
      campaigns: await count(ctx, 'campaigns'),
      people: await count(ctx, 'people'),
      registrations: await count(ctx, 'registrations'),
    },
  };
}
