import type { Migration } from './types';

/**
 * What the app decides on its own, kept so the clerk can see and undo it:
 * - merge_batches: one bulk merge = one batch, undone as a whole or merge by merge; each merge says
 *   which rule decided it;
 * - donations.match_rule: how a result-list row was linked to its person;
 * - result_reviews: result-list rows left for the clerk, kept until resolved (not only on screen).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'decisions',
  up: `
CREATE TABLE merge_batches (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
  merged INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  undone_at TEXT
);

ALTER TABLE person_merges ADD COLUMN batch_id INTEGER REFERENCES merge_batches(id);
ALTER TABLE person_merges ADD COLUMN rule TEXT;
CREATE INDEX person_merges_batch ON person_merges(batch_id);

ALTER TABLE donations ADD COLUMN match_rule TEXT;

CREATE TABLE result_reviews (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  file TEXT NOT NULL,
  row INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ambiguous', 'no_identity', 'difference')),
  data TEXT NOT NULL,
  problem TEXT NOT NULL,
  candidate_ids TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  UNIQUE (campaign_id, file, row)
);
`,
};
