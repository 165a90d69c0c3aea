import type { Migration } from './types';

/** The whole domain as known at the start. Never edit once shipped: add a new numbered file. */
export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES units(id),
  name TEXT NOT NULL,
  short_name TEXT,
  kind TEXT NOT NULL DEFAULT 'other',
  grouping TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX units_parent ON units(parent_id, sort_order);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  slogan TEXT,
  plan_number TEXT,
  legal_bases TEXT NOT NULL DEFAULT '',
  registration_deadline TEXT,
  donation_dates TEXT NOT NULL DEFAULT '[]',
  donation_time TEXT,
  place TEXT,
  blood_facility TEXT,
  target_registrants INTEGER,
  target_blood_units INTEGER,
  age_min_male INTEGER NOT NULL DEFAULT 18,
  age_max_male INTEGER NOT NULL DEFAULT 60,
  age_min_female INTEGER NOT NULL DEFAULT 18,
  age_max_female INTEGER NOT NULL DEFAULT 60,
  min_interval_days INTEGER NOT NULL DEFAULT 84,
  support TEXT NOT NULL DEFAULT '{}',
  archived INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- month 0 = whole campaign; 1..12 = that month
CREATE TABLE quotas (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  month INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
  registrants INTEGER,
  blood_units INTEGER,
  UNIQUE (campaign_id, unit_id, month)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  search_key TEXT NOT NULL,
  gender TEXT CHECK (gender IN ('M','F')),
  birth_date TEXT,
  national_id TEXT,
  phone TEXT,
  address TEXT,
  workplace TEXT,
  blood_group TEXT,
  prior_donations INTEGER,
  note TEXT,
  home_unit_id INTEGER REFERENCES units(id),
  merged_into INTEGER REFERENCES people(id),
  deleted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX people_national_id ON people(national_id);
CREATE INDEX people_phone ON people(phone);
CREATE INDEX people_search ON people(search_key);

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  unit_id INTEGER REFERENCES units(id),
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  file_size INTEGER NOT NULL DEFAULT 0,
  sheets TEXT NOT NULL DEFAULT '[]',
  mapping TEXT NOT NULL DEFAULT '{}',
  row_count INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','undone','replaced')),
  created_at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX import_batches_hash ON import_batches(campaign_id, file_hash);

CREATE TABLE registrations (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
  unit_id INTEGER REFERENCES units(id),
  batch_id INTEGER REFERENCES import_batches(id),
  source_file TEXT,
  source_sheet TEXT,
  source_row INTEGER,
  raw TEXT NOT NULL DEFAULT '{}',
  issues TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','excluded','removed')),
  credited INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX registrations_campaign ON registrations(campaign_id, unit_id);
CREATE INDEX registrations_person ON registrations(person_id);
CREATE INDEX registrations_batch ON registrations(batch_id);

CREATE TABLE donations (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  campaign_id INTEGER REFERENCES campaigns(id),
  registration_id INTEGER REFERENCES registrations(id),
  donated_on TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('donated','deferred')),
  volume_ml INTEGER CHECK (volume_ml IN (250,350,450)),
  facility TEXT,
  source_file TEXT,
  source_row INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX donations_person ON donations(person_id, donated_on);
CREATE INDEX donations_campaign ON donations(campaign_id);

CREATE TABLE deferrals (
  id INTEGER PRIMARY KEY,
  donation_id INTEGER NOT NULL REFERENCES donations(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  until_date TEXT
);

CREATE TABLE certificate_serials (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL UNIQUE,
  person_id INTEGER REFERENCES people(id),
  donation_id INTEGER REFERENCES donations(id),
  campaign_id INTEGER REFERENCES campaigns(id),
  status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued','void')),
  issued_on TEXT NOT NULL,
  void_reason TEXT,
  reissue_of INTEGER REFERENCES certificate_serials(id)
);

CREATE TABLE issued_documents (
  id INTEGER PRIMARY KEY,
  doc_type TEXT NOT NULL,
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  number_text TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  campaign_id INTEGER REFERENCES campaigns(id),
  title TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (doc_type, year, number)
);

CREATE TABLE honours (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  milestone INTEGER NOT NULL,
  proposed_on TEXT,
  awarded_on TEXT,
  UNIQUE (person_id, milestone)
);

CREATE TABLE person_merges (
  id INTEGER PRIMARY KEY,
  survivor_id INTEGER NOT NULL REFERENCES people(id),
  merged_id INTEGER NOT NULL REFERENCES people(id),
  survivor_before TEXT NOT NULL,
  field_choices TEXT NOT NULL DEFAULT '{}',
  moved_registrations TEXT NOT NULL DEFAULT '[]',
  moved_donations TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  undone_at TEXT
);

CREATE TABLE duplicate_decisions (
  person_a INTEGER NOT NULL REFERENCES people(id),
  person_b INTEGER NOT NULL REFERENCES people(id),
  decision TEXT NOT NULL CHECK (decision IN ('not_same','deferred')),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
);

CREATE TABLE column_mappings (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER REFERENCES units(id),
  header_signature TEXT NOT NULL,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX column_mappings_sig ON column_mappings(header_signature);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL DEFAULT 'clerk',
  action TEXT NOT NULL,
  entity TEXT,
  entity_id INTEGER,
  detail TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
