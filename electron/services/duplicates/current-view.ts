import type Database from 'better-sqlite3';
import { DEFAULT_THRESHOLD } from '../../../shared/domain/matching';
import { loadDecisions, type PairDecision } from './decisions';
import type { CampaignMatch, ScoredPair } from './match-types';

export interface OpenPair extends ScoredPair {
  decision: PairDecision | null;
}

/** People no longer matchable: merged into someone or deleted. */
export function inactivePeople(sqlite: Database.Database): Set<number> {
  const rows = sqlite.prepare('SELECT id FROM people WHERE merged_into IS NOT NULL OR deleted_at IS NOT NULL').pluck().all() as number[];
  return new Set(rows);
}

/**
 * The pairs still open in a match: both people still active, not marked "không phải cùng một
 * người". Deferred pairs stay, flagged.
 */
export function openPairs(sqlite: Database.Database, match: CampaignMatch, minScore = 0): OpenPair[] {
  const inactive = inactivePeople(sqlite);
  const decisions = loadDecisions(sqlite);
  const out: OpenPair[] = [];
  for (const p of match.pairs) {
    if (p.score < minScore || inactive.has(p.a) || inactive.has(p.b)) continue;
    const d = decisions.get(`${p.a}-${p.b}`) ?? null;
    if (d === 'not_same') continue;
    out.push({ ...p, decision: d });
  }
  return out;
}

/** Proposed as one person in exports and feedback: above the default threshold, not deferred away. */
export function proposedPairs(sqlite: Database.Database, match: CampaignMatch): OpenPair[] {
  return openPairs(sqlite, match, DEFAULT_THRESHOLD);
}
