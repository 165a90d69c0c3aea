import type { ServiceContext } from '../context';
import { cachedOrFreshMatch } from './run-match';
import { proposedPairs } from './current-view';
import { groupPeople } from './group-people';
import { loadPeopleByIds } from './load-records';
import { sql } from '../../db/query';

export interface SourceRef {
  file: string;
  sheet: string;
  row: number;
  /** 1, 2… when one printed row holds several people (left and right blocks). */
  part?: number;
}

interface RegRef {
  id: number;
  person_id: number;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  part: number | null;
}

/**
 * Groups of registrations of the same person in a campaign, from the app's current view: people
 * with several registrations (confirmed merges) and automatically proposed pairs above the default
 * threshold (minus "không phải cùng một người"). Also used by the per-unit feedback export.
 */
export async function registrationGroups(ctx: ServiceContext, campaignId: number): Promise<RegRef[][]> {
  const match = await cachedOrFreshMatch(ctx, campaignId);
  const read = ctx.data.read;
  const pairs = proposedPairs(read, match);
  const records = new Map(loadPeopleByIds(read, pairs.flatMap((p) => [p.a, p.b])).map((r) => [r.id, r]));
  const regs = read.all(
    sql<RegRef>`SELECT id, person_id, source_file, source_sheet, source_row, CASE WHEN json_valid(raw) THEN json_extract(raw, '$.part') END AS part FROM registrations WHERE campaign_id = ${campaignId} AND status = 'active' ORDER BY id`,
  );
  const byPerson = new Map<number, RegRef[]>();
  for (const r of regs) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r]);
  const groups: RegRef[][] = [];
  const grouped = new Set<number>();
  for (const people of groupPeople(pairs, records)) {
    const g = people.flatMap((id) => byPerson.get(id) ?? []);
    people.forEach((id) => grouped.add(id));
    if (g.length > 1) groups.push(g);
  }
  for (const [person, rs] of byPerson) if (!grouped.has(person) && rs.length > 1) groups.push(rs);
  return groups;
}

/**
 * The duplicate groups of a campaign as the interchange export writes them: one list of source rows
 * per person registered more than once. Owned by the duplicates capability.
 */
export async function duplicateGroupsForExport(ctx: ServiceContext, campaignId: number): Promise<SourceRef[][]> {
  const groups = await registrationGroups(ctx, campaignId);
  return groups
    .map((g) =>
      g
        .filter((r) => r.source_file !== null && r.source_row !== null)
        .map((r) => ({ file: r.source_file!, sheet: r.source_sheet ?? '', row: r.source_row!, ...(typeof r.part === 'number' ? { part: r.part } : {}) })),
    )
    .filter((g) => g.length > 1);
}
