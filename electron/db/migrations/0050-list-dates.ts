import type { Migration } from './types';

/**
 * Issue 15, quota credit by the list's own date: each imported list keeps the date it was received
 * or sent (asked at import, by default the file's date); "the unit that sent its list first" is the
 * earliest list date, not the earliest import. Existing lists take the day they were imported.
 * A registration the clerk credited by hand keeps that choice when the office changes its rule.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'list-dates',
  up: `
ALTER TABLE import_batches ADD COLUMN list_date TEXT;
UPDATE import_batches SET list_date = substr(created_at, 1, 10) WHERE list_date IS NULL;
ALTER TABLE registrations ADD COLUMN credit_manual INTEGER NOT NULL DEFAULT 0;
`,
};
