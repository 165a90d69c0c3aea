import type { Migration } from './types';

/**
 * A result list is matched back to its own rows (campaign, file, row) once per row when it is
 * imported or imported again: without an index each lookup read every donation of the campaign.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'donation-source-index',
  up: `
CREATE INDEX IF NOT EXISTS donations_source ON donations(campaign_id, source_file, source_row);
`,
};
