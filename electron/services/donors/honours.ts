import type { ServiceContext } from '../context';
import { q, sql, statement } from '../../db/query';
import type { DonorSummary } from '../../../shared/ipc/channels/donors';
import { getSetting } from '../settings/settings';
import { compareVietnameseNames } from '../../../shared/domain/text';
import { registry, toSummary } from './registry-index';
import { localDate } from './dates';

/** The usual milestones (a setting: "Các mốc vinh danh"). */
export const DEFAULT_MILESTONES = [5, 10, 15, 20, 30, 40, 50, 100];

/**
 * The office's milestones: the setting of the milestones tab ('honours.milestones'), else the one the
 * documents used to read ('honours' → { milestones }), else the defaults. One list for both screens.
 */
export async function honourMilestoneSetting(ctx: ServiceContext): Promise<number[]> {
  const own = getSetting<number[]>(ctx.data.read, 'honours.milestones');
  const legacy = getSetting<{ milestones?: number[] }>(ctx.data.read, 'honours')?.milestones;
  const m = (own ?? legacy ?? []).filter((n) => Number.isInteger(n) && n > 0);
  return m.length ? [...new Set(m)].sort((a, b) => a - b) : DEFAULT_MILESTONES;
}

const allHonours = statement<void, { person_id: number; milestone: number; proposed_on: string | null; awarded_on: string | null }>(() =>
  q.selectFrom('honours').select(['person_id', 'milestone', 'proposed_on', 'awarded_on']),
);
const addressOf = statement<{ id: number }, { address: string | null }>((p) => q.selectFrom('people').select('address').where('id', '=', p.id));

/** The highest milestone a count has reached, or null. */
export function milestoneReached(count: number, milestones: readonly number[]): number | null {
  let best: number | null = null;
  for (const m of milestones) if (m <= count && (best === null || m > best)) best = m;
  return best;
}

export interface HonourCandidate extends DonorSummary {
  /** = id; the name the documents' MilestonePerson uses. */
  personId: number;
  address: string | null;
  /** Donations in total by the one counting rule (shared/domain/donation-count.ts). */
  total: number;
  milestone: number;
  proposedOn: string | null;
  awardedOn: string | null;
}

/**
 * THE honour rule (issue 15, item 9), used by the "Mốc vinh danh" tab and by the printed honour
 * list and certificates: everyone whose donation count — declared + recorded, counted as on the
 * person's page — has reached a milestone, at the highest milestone reached, until the award for
 * that milestone (or a higher one) is recorded. Being proposed keeps a person on the list (the list
 * is the proposal); `asOf` counts only donations up to that day (default today).
 * Sorted by milestone (highest first), then the Vietnamese way by name.
 */
export async function honourCandidates(ctx: ServiceContext, opts: { asOf?: string | null } = {}): Promise<{ milestones: number[]; asOf: string; items: HonourCandidate[] }> {
  const milestones = await honourMilestoneSetting(ctx);
  const asOf = opts.asOf ?? localDate(ctx.now());
  const honours = ctx.data.read.all(allHonours);
  const byPerson = new Map<number, typeof honours>();
  for (const h of honours) byPerson.set(h.person_id, [...(byPerson.get(h.person_id) ?? []), h]);
  const late = opts.asOf ? laterDonations(ctx, asOf) : new Map<number, number>();
  const items: HonourCandidate[] = [];
  for (const p of registry(ctx)) {
    const total = p.donationCount - (late.get(p.id) ?? 0);
    const m = milestoneReached(total, milestones);
    if (m === null) continue;
    const mine = byPerson.get(p.id) ?? [];
    if (mine.some((h) => h.awarded_on && h.milestone >= m)) continue;
    const here = mine.find((h) => h.milestone === m);
    items.push({ ...toSummary(p), personId: p.id, address: null, total, milestone: m, proposedOn: here?.proposed_on ?? null, awardedOn: null });
  }
  for (const it of items) it.address = ctx.data.read.value(addressOf, { id: it.id }) ?? null;
  items.sort((a, b) => b.milestone - a.milestone || compareVietnameseNames(a.fullName, b.fullName));
  return { milestones, asOf, items };
}

/** Recorded donations after a day, per surviving person (to count "as of" an earlier day). */
function laterDonations(ctx: ServiceContext, asOf: string): Map<number, number> {
  const out = new Map<number, number>();
  const rows = ctx.data.read.all(sql<{ root: number; n: number }>`WITH RECURSIVE up(id, root) AS (SELECT id, id FROM people WHERE merged_into IS NULL
         UNION ALL SELECT p.id, up.root FROM people p JOIN up ON p.merged_into = up.id)
       SELECT up.root AS root, COUNT(*) AS n FROM donations d JOIN up ON up.id = d.person_id
       WHERE d.outcome = 'donated' AND d.donated_on > ${asOf} GROUP BY up.root`);
  for (const r of rows) out.set(r.root, r.n);
  return out;
}

/**
 * The same list in the shape the honour documents print (documents/data/milestones.ts's
 * MilestonePerson): what "Danh sách đề nghị khen thưởng" and the certificates of honour should use.
 */
export async function honourPeople(ctx: ServiceContext, opts: { asOf?: string | null } = {}): Promise<{
  personId: number; fullName: string; gender: 'M' | 'F' | null; birthDate: string | null; address: string | null; unitName: string; total: number; milestone: number;
}[]> {
  const { items } = await honourCandidates(ctx, opts);
  return items.map((p) => ({ personId: p.id, fullName: p.fullName, gender: p.gender, birthDate: p.birthDate, address: p.address, unitName: p.unitName ?? '', total: p.total, milestone: p.milestone }));
}
