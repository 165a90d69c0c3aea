import type { Reader } from '../../db/data';
import { q } from '../../db/query';
import { DEFAULT_THRESHOLD } from '../../../shared/domain/matching';
import { loadDecisions, type PairDecision } from './decisions';
import type { CampaignMatch, ScoredPair } from './match-types';

export interface OpenPair extends ScoredPair {
  decision: PairDecision | null;
}

/**
 * Where each no-longer-active person went: merged people map to the person they were merged into
 * (following chains), deleted people to null.
 */
export function personRoots(r: Reader): Map<number, number | null> {
  const rows = r.all(q.selectFrom('people').select(['id', 'merged_into', 'deleted_at']).where((eb) => eb.or([eb('merged_into', 'is not', null), eb('deleted_at', 'is not', null)])));
  const direct = new Map<number, number | null>(rows.map((r) => [r.id, r.deleted_at !== null ? null : r.merged_into]));
  const roots = new Map<number, number | null>();
  for (const id of direct.keys()) {
    let cur: number | null = id;
    for (let i = 0; i < 100 && cur !== null && direct.has(cur); i++) cur = direct.get(cur)!;
    roots.set(id, cur);
  }
  return roots;
}

/**
 * The pairs still open in a match: each side taken to where it now lives (a pair with a person
 * merged since shows the survivor), pairs inside one person or with a deleted person dropped, and
 * pairs marked "không phải cùng một người" dropped. Deferred pairs stay, flagged.
 */
export function openPairs(r: Reader, match: CampaignMatch, minScore = 0): OpenPair[] {
  const roots = personRoots(r);
  const decisions = loadDecisions(r);
  const byKey = new Map<string, OpenPair>();
  for (const p of match.pairs) {
    if (p.score < minScore) continue;
    const ra = roots.has(p.a) ? roots.get(p.a)! : p.a;
    const rb = roots.has(p.b) ? roots.get(p.b)! : p.b;
    if (ra === null || rb === null || ra === rb) continue;
    const [a, b] = ra < rb ? [ra, rb] : [rb, ra];
    const key = `${a}-${b}`;
    const d = decisions.get(key) ?? decisions.get(`${p.a}-${p.b}`) ?? null;
    if (d === 'not_same') continue;
    const prev = byKey.get(key);
    if (!prev || prev.score < p.score) byKey.set(key, { ...p, a, b, decision: d });
  }
  return [...byKey.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/** Proposed as one person in exports and feedback: above the default threshold. */
export function proposedPairs(r: Reader, match: CampaignMatch): OpenPair[] {
  return openPairs(r, match, DEFAULT_THRESHOLD);
}
