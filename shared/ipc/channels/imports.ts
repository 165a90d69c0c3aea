import { z } from 'zod';
import { channel } from '../define';
import { fileUploadSchema } from './files';
import { FIELD_KEYS, LEDGER_KINDS } from '../../domain/import/types';

const fieldOrIgnore = z.enum([...FIELD_KEYS, 'ignore']);

export const personValuesSchema = z.object({
  full_name: z.string().nullable(),
  gender: z.enum(['M', 'F']).nullable(),
  birth_date: z.string().nullable(),
  national_id: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  workplace: z.string().nullable(),
  blood_group: z.string().nullable(),
  prior_donations: z.number().nullable(),
  note: z.string().nullable(),
});

export const rowIssueSchema = z.object({
  field: z.string(),
  col: z.number().optional(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
});

/** One source row in the row ledger (people are the preview's rows; this lists the others). */
export const ledgerEntrySchema = z.object({
  row: z.number(),
  part: z.number().optional(),
  kind: z.enum(LEDGER_KINDS),
  reason: z.string(),
  text: z.string().optional(),
  warning: z.string().optional(),
  col: z.number().optional(),
});
export type LedgerEntryOut = z.output<typeof ledgerEntrySchema>;
const ledgerCountsSchema = z.record(z.string(), z.number());

export const previewRowSchema = z.object({
  key: z.string(),
  sheet: z.string(),
  row: z.number(),
  /** 1, 2… when one printed row holds several people. */
  part: z.number().optional(),
  /** The rules ignored this row; the clerk turned it back into a person. */
  restored: z.boolean().optional(),
  values: personValuesSchema,
  issues: z.array(rowIssueSchema),
  cells: z.record(z.string(), z.string()),
  eligible: z.boolean().nullable(),
});
export type PreviewRow = z.output<typeof previewRowSchema>;

export const previewSheetSchema = z.object({
  sheet: z.string(),
  hidden: z.boolean(),
  skipped: z.enum(['hidden', 'empty', 'no_header', 'no_rows']).nullable(),
  headerRows: z.array(z.number()),
  headers: z.array(z.string().nullable()),
  mapping: z.record(z.string(), fieldOrIgnore),
  titleRows: z.array(z.string()),
  ignored: z.array(z.object({ row: z.number(), kind: z.string(), text: z.string() })),
  samples: z.record(z.string(), z.array(z.string())),
  personCount: z.number(),
  /** No header was recognised: the columns were guessed from their values and must be confirmed. */
  needsMapping: z.boolean().optional(),
  /** People per printed row (two for a form with a left and a right block). */
  blocks: z.number().optional(),
  /** Every source row counted by kind; the rows that are not people, with their reasons. */
  ledger: z.object({ counts: ledgerCountsSchema, entries: z.array(ledgerEntrySchema) }).optional(),
});

/** The clerk's pending choices on a preview (unit, duplicates, exclusions, cell edits), kept until commit or discard. */
export const importDraftSchema = z.object({
  unitChoice: z.string().max(40),
  newUnitName: z.string().max(200),
  onDuplicate: z.enum(['replace', 'skip']),
  excluded: z.array(z.string()).max(200_000),
  edits: z.record(z.string(), z.record(z.string(), z.string().max(500).nullable())),
});
export type ImportDraft = z.output<typeof importDraftSchema>;

export const importPreviewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  kind: z.enum(['xlsx', 'xls', 'csv']),
  campaignId: z.number(),
  unit: z.object({
    unitId: z.number().nullable(),
    proposedName: z.string().nullable(),
    reason: z.string(),
    /** 0..1: how sure the guess is (title, sheet and file names, addresses, earlier imports). */
    confidence: z.number().default(1),
    candidates: z.array(z.object({ unitId: z.number(), unitName: z.string(), score: z.number() })).default([]),
  }),
  duplicateOf: z.object({ batchId: z.number(), createdAt: z.string(), rowCount: z.number() }).nullable(),
  sheets: z.array(previewSheetSchema),
  /** One page of rows (all of them in the service; the screen asks page by page). */
  rows: z.array(previewRowSchema),
  page: z.object({ offset: z.number(), total: z.number(), onlyIssues: z.boolean() }).optional(),
  counts: z.object({ rows: z.number(), errors: z.number(), warnings: z.number(), rowsWithIssues: z.number() }),
  /** Source rows of the whole file by ledger kind (person, error, title, header, blank, footer, total…). */
  ledgerCounts: ledgerCountsSchema.optional(),
  /** Ignored rows that carry an ID, a phone or a birth date: the clerk must see them. */
  ledgerWarnings: z.array(z.object({ sheet: z.string(), row: z.number(), message: z.string() })).optional(),
  /** The clerk's pending choices, when some were saved. */
  draft: importDraftSchema.nullable().optional(),
});
export const previewPageArgs = z.object({
  previewId: z.string(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(2000).default(300),
  onlyIssues: z.boolean().default(false),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const commitArgsSchema = z.object({
  previewId: z.string(),
  unitId: z.number().int().nullable(),
  newUnitName: z.string().trim().max(200).nullable().default(null),
  onDuplicate: z.enum(['replace', 'skip', 'refuse']).default('refuse'),
  excluded: z.array(z.string()).default([]),
  edits: z.array(z.object({ key: z.string(), field: z.enum(['full_name', 'gender', 'birth_date', 'national_id', 'phone', 'address', 'workplace', 'blood_group', 'note']), value: z.string().nullable() })).default([]),
  /**
   * The list's own date (received or sent, ISO): decides which unit sent its list first for the
   * quota credit. The import screen asks it, proposing the file's date; null = the import day.
   */
  listDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày của danh sách phải là một ngày có thật (ngày/tháng/năm).').nullable().default(null),
});
export type CommitArgs = z.input<typeof commitArgsSchema>;

export const commitResultSchema = z.object({
  batchId: z.number().nullable(),
  imported: z.number(),
  skipped: z.boolean(),
  replacedBatchId: z.number().nullable(),
  unitId: z.number().nullable(),
  /** Matching of the new list against the campaign and the registry, run right after the commit. */
  arrived: z.object({ people: z.number(), pairs: z.number(), proposed: z.number() }).nullable().optional(),
});
export type CommitResult = z.output<typeof commitResultSchema>;

export const batchSchema = z.object({
  id: z.number(),
  campaignId: z.number(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  fileName: z.string(),
  rowCount: z.number(),
  status: z.enum(['committed', 'undone', 'replaced']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.output<typeof batchSchema>;

/** What the list-reading job (imports:parse) hands back: one entry per file, a preview or the reason it could not be read. */
export const importParseJobResultSchema = z.object({
  campaignId: z.number(),
  files: z.array(z.object({ fileName: z.string(), previewId: z.string().nullable(), error: z.string().nullable(), rows: z.number() })),
});
export type ImportParseJobResult = z.output<typeof importParseJobResultSchema>;

export const importsChannels = {
  'imports:parse': channel(z.object({ campaignId: z.number().int().nullable().default(null), files: z.array(fileUploadSchema).min(1).max(50) }), z.object({ jobId: z.string() })),
  'imports:preview': channel(previewPageArgs, importPreviewSchema),
  'imports:remap': channel(z.object({ previewId: z.string(), sheet: z.string(), mapping: z.record(z.string(), fieldOrIgnore) }), z.object({ ok: z.boolean() })),
  'imports:commit': channel(commitArgsSchema, commitResultSchema),
  /** Previews read but neither committed nor discarded (they survive tab switches, screen changes and reloads). */
  'imports:pending': channel(z.object({}).default({}), z.array(z.object({ previewId: z.string(), fileName: z.string(), rows: z.number(), campaignId: z.number() }))),
  'imports:saveDraft': channel(z.object({ previewId: z.string(), draft: importDraftSchema }), z.object({ ok: z.boolean() })),
  /** Turns an ignored row back into a person (or back again), re-reading the sheet. */
  'imports:restoreRow': channel(z.object({ previewId: z.string(), sheet: z.string(), row: z.number().int().min(1), restore: z.boolean().default(true) }), z.object({ ok: z.boolean() })),
  'imports:discard': channel(z.object({ previewId: z.string() }), z.object({ ok: z.boolean() })),
  'imports:batches': channel(z.object({ campaignId: z.number().int().nullable().default(null) }), z.array(batchSchema)),
  'imports:undo': channel(z.object({ batchId: z.number().int() }), batchSchema),
};
