import type { PairScore } from '../../../shared/domain/matching';

/** One scored pair of people (a < b by id). */
export interface ScoredPair extends PairScore {
  a: number;
  b: number;
}

export interface CampaignMatch {
  campaignId: number;
  pairs: ScoredPair[];
  peopleCompared: number;
  oversizedBlocks: number;
  computedAt: string;
  /** Highest people.id when computed: a later import makes the match stale. */
  maxPersonId: number;
}
