import type { Generated } from 'kysely';

/** Row types of every table, as SQLite stores them (booleans 0/1, dates ISO text, JSON as text). */
export interface SettingRow { key: string; value: string }

export interface UnitRow {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  kind: Generated<string>;
  grouping: string | null;
  sort_order: Generated<number>;
  archived: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CampaignRow {
  id: Generated<number>;
  name: string;
  slogan: string | null;
  plan_number: string | null;
  legal_bases: Generated<string>;
  registration_deadline: string | null;
  donation_dates: Generated<string>;
  donation_time: string | null;
  place: string | null;
  blood_facility: string | null;
  target_registrants: number | null;
  target_blood_units: number | null;
  age_min_male: Generated<number>;
  age_max_male: Generated<number>;
  age_min_female: Generated<number>;
  age_max_female: Generated<number>;
  min_interval_days: Generated<number>;
  support: Generated<string>;
  archived: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface QuotaRow {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number;
  month: Generated<number>;
  registrants: number | null;
  blood_units: number | null;
}

export interface PersonRow {
  id: Generated<number>;
  full_name: string;
  search_key: string;
  gender: 'M' | 'F' | null;
  birth_date: string | null;
  national_id: string | null;
  phone: string | null;
  address: string | null;
  workplace: string | null;
  blood_group: string | null;
  prior_donations: number | null;
  note: string | null;
  home_unit_id: number | null;
  merged_into: number | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportBatchRow {
  id: Generated<number>;
  campaign_id: number;
  unit_id: number | null;
  file_name: string;
  file_hash: string;
  file_size: Generated<number>;
  sheets: Generated<string>;
  mapping: Generated<string>;
  row_count: Generated<number>;
  status: Generated<'committed' | 'undone' | 'replaced'>;
  created_at: string;
  undone_at: string | null;
  /** The list's own date (received/sent), ISO; the import day when not given (migration 0050). */
  list_date: string | null;
}

export interface RegistrationRow {
  id: Generated<number>;
  person_id: number;
  campaign_id: number;
  unit_id: number | null;
  batch_id: number | null;
  source_file: string | null;
  source_sheet: string | null;
  source_row: number | null;
  raw: Generated<string>;
  issues: Generated<string>;
  status: Generated<'active' | 'excluded' | 'removed'>;
  credited: Generated<number>;
  created_at: string;
  /** The clerk chose this person's credited registration by hand (kept when the rule changes). */
  credit_manual: Generated<number>;
}

export interface DonationRow {
  id: Generated<number>;
  person_id: number;
  campaign_id: number | null;
  registration_id: number | null;
  donated_on: string;
  outcome: 'donated' | 'deferred';
  volume_ml: 250 | 350 | 450 | null;
  facility: string | null;
  source_file: string | null;
  source_row: number | null;
  created_at: string;
  match_rule: string | null;
}

export interface DeferralRow {
  id: Generated<number>;
  donation_id: number;
  reason: string;
  until_date: string | null;
}

export interface CertificateSerialRow {
  id: Generated<number>;
  serial: string;
  person_id: number | null;
  donation_id: number | null;
  campaign_id: number | null;
  status: Generated<'issued' | 'void'>;
  issued_on: string;
  void_reason: string | null;
  reissue_of: number | null;
}

export interface IssuedDocumentRow {
  id: Generated<number>;
  doc_type: string;
  year: number;
  number: number;
  number_text: string;
  issued_on: string;
  campaign_id: number | null;
  title: Generated<string>;
  created_at: string;
}

export interface HonourRow {
  id: Generated<number>;
  person_id: number;
  milestone: number;
  proposed_on: string | null;
  awarded_on: string | null;
}

export interface PersonMergeRow {
  id: Generated<number>;
  survivor_id: number;
  merged_id: number;
  survivor_before: string;
  field_choices: Generated<string>;
  moved_registrations: Generated<string>;
  moved_donations: Generated<string>;
  created_at: string;
  undone_at: string | null;
  batch_id: number | null;
  rule: string | null;
}

export interface MergeBatchRow {
  id: Generated<number>;
  campaign_id: number | null;
  merged: Generated<number>;
  created_at: string;
  undone_at: string | null;
}

export interface ResultReviewRow {
  id: Generated<number>;
  campaign_id: number;
  file: string;
  row: number;
  kind: 'ambiguous' | 'no_identity' | 'difference';
  data: string;
  problem: string;
  candidate_ids: Generated<string>;
  created_at: string;
  resolved_at: string | null;
}

export interface DuplicateDecisionRow {
  person_a: number;
  person_b: number;
  decision: 'not_same' | 'deferred';
  decided_at: string;
}

export interface ColumnMappingRow {
  id: Generated<number>;
  unit_id: number | null;
  header_signature: string;
  mapping: string;
  updated_at: string;
}

export interface AuditLogRow {
  id: Generated<number>;
  at: string;
  actor: Generated<string>;
  action: string;
  entity: string | null;
  entity_id: number | null;
  detail: Generated<string>;
  prev_hash: string;
  hash: string;
}

export interface DonationArrivalRow { campaign_id: number; person_id: number; arrived_at: string }

export interface UnitAliasRow { id: Generated<number>; unit_id: number; alias: string; created_at: string }

export interface SchemaMigrationRow { version: number; name: string; applied_at: string }

export interface DB {
  settings: SettingRow;
  units: UnitRow;
  campaigns: CampaignRow;
  quotas: QuotaRow;
  people: PersonRow;
  import_batches: ImportBatchRow;
  registrations: RegistrationRow;
  donations: DonationRow;
  deferrals: DeferralRow;
  certificate_serials: CertificateSerialRow;
  issued_documents: IssuedDocumentRow;
  honours: HonourRow;
  person_merges: PersonMergeRow;
  duplicate_decisions: DuplicateDecisionRow;
  column_mappings: ColumnMappingRow;
  audit_log: AuditLogRow;
  donation_arrivals: DonationArrivalRow;
  merge_batches: MergeBatchRow;
  result_reviews: ResultReviewRow;
  unit_aliases: UnitAliasRow;
  schema_migrations: SchemaMigrationRow;
}
