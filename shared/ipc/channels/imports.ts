import { z } from 'zod';
import { channel } from '../define';
import { fileUploadSchema } from './files';
import { FIELD_KEYS } from '../../domain/import/types';

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

export const previewRowSchema = z.object({
  key: z.string(),
  sheet: z.string(),
  row: z.number(),
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
});

export const importPreviewSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  kind: z.enum(['xlsx', 'xls', 'csv']),
  campaignId: z.number(),
  unit: z.object({ unitId: z.number().nullable(), proposedName: z.string().nullable(), reason: z.string() }),
  duplicateOf: z.object({ batchId: z.number(), createdAt: z.string(), rowCount: z.number() }).nullable(),
  sheets: z.array(previewSheetSchema),
  /** One page of rows (all of them in the service; the screen asks page by page). */
  rows: z.array(previewRowSchema),
  page: z.object({ offset: z.number(), total: z.number(), onlyIssues: z.boolean() }).optional(),
  counts: z.object({ rows: z.number(), errors: z.number(), warnings: z.number(), rowsWithIssues: z.number() }),
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

export const importsChannels = {
  'imports:parse': channel(z.object({ campaignId: z.number().int().nullable().default(null), files: z.array(fileUploadSchema).min(1).max(50) }), z.object({ jobId: z.string() })),
  'imports:preview': channel(previewPageArgs, importPreviewSchema),
  'imports:remap': channel(z.object({ previewId: z.string(), sheet: z.string(), mapping: z.record(z.string(), fieldOrIgnore) }), z.object({ ok: z.boolean() })),
  'imports:commit': channel(commitArgsSchema, commitResultSchema),
  'imports:discard': channel(z.object({ previewId: z.string() }), z.object({ ok: z.boolean() })),
  'imports:batches': channel(z.object({ campaignId: z.number().int().nullable().default(null) }), z.array(batchSchema)),
  'imports:undo': channel(z.object({ batchId: z.number().int() }), batchSchema),
};
