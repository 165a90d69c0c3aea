import type { Migration } from './types';

/**
 * Who arrived on the donation day before an outcome was recorded ("đã đến"): a table of its own
 * instead of one JSON setting per campaign, so a restore, a merge or a crash can't leave it stale.
 * Rows kept so far under settings 'donationDay.arrivals.<campaign>' are moved over.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'donation-arrivals',
  up: `
CREATE TABLE donation_arrivals (
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  arrived_at TEXT NOT NULL,
  PRIMARY KEY (campaign_id, person_id)
);

INSERT OR IGNORE INTO donation_arrivals (campaign_id, person_id, arrived_at)
SELECT CAST(substr(s.key, length('donationDay.arrivals.') + 1) AS INTEGER), CAST(j.key AS INTEGER), j.value
FROM settings s, json_each(s.value) j
WHERE s.key LIKE 'donationDay.arrivals.%'
  AND EXISTS (SELECT 1 FROM campaigns c WHERE c.id = CAST(substr(s.key, length('donationDay.arrivals.') + 1) AS INTEGER))
  AND EXISTS (SELECT 1 FROM people p WHERE p.id = CAST(j.key AS INTEGER));

DELETE FROM settings WHERE key LIKE 'donationDay.arrivals.%';
`,
};
