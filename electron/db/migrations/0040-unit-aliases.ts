import type { Migration } from './types';

/**
 * Other names of a unit as plans and lists write them ("CATP", "P. Vĩnh Trại", "Thành đoàn"): the
 * clerk's own additions to the shared abbreviation table, and the names a quota table used when the
 * clerk confirmed which unit it meant. Matched by key (accents, case and abbreviations folded).
 */
export const migration0040: Migration = {
  version: 40,
  name: 'unit-aliases',
  up: `
CREATE TABLE unit_aliases (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, alias)
);
CREATE INDEX unit_aliases_unit ON unit_aliases(unit_id);
`,
};
