import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema, fileUploadSchema } from './files';
import { unitKindValues } from '../../domain/unit-kinds';

const count = z.number().int().min(0).max(10_000_000).nullable();

/** One cell group of the allocation table: a unit's targets for the whole campaign (month 0) or one month. */
export const quotaEntrySchema = z.object({
  unitId: z.number().int(),
  month: z.number().int().min(0).max(12),
  registrants: count,
  bloodUnits: count,
});
export type QuotaEntry = z.output<typeof quotaEntrySchema>;

export const quotaUnitSchema = z.object({ id: z.number(), name: z.string(), kind: z.string(), grouping: z.string().nullable(), archived: z.boolean() });

export const quotaTableSchema = z.object({
  campaignId: z.number(),
  targetRegistrants: z.number().nullable(),
  targetBloodUnits: z.number().nullable(),
  /** Months that have at least one entry (1..12), ascending. */
  months: z.array(z.number()),
  units: z.array(quotaUnitSchema),
  entries: z.array(quotaEntrySchema),
  totals: z.object({ registrants: z.number(), bloodUnits: z.number() }),
  /** Total minus target; null when the campaign has no target of that kind. */
  difference: z.object({ registrants: z.number().nullable(), bloodUnits: z.number().nullable() }),
});
export type QuotaTable = z.output<typeof quotaTableSchema>;

export const quotaProposalSchema = z.object({
  entries: z.array(quotaEntrySchema),
  basis: z.array(z.object({ unitId: z.number(), unitName: z.string(), weight: z.number() })),
  basisTotal: z.number(),
});
export type QuotaProposal = z.output<typeof quotaProposalSchema>;

/** One source row of a quota table or unit list: a unit line, an ignored row (with kind and reason) or an error. */
export const tableLedgerRowSchema = z.object({
  row: z.number(),
  kind: z.enum(['unit', 'title', 'header', 'blank', 'section', 'total', 'footer', 'error']),
  reason: z.string().optional(),
  name: z.string().optional(),
});
export type TableLedgerRow = z.output<typeof tableLedgerRowSchema>;

/** What to do with a name of the table that is not a known unit: the best existing unit, or a new one. */
export const unitSuggestionSchema = z.object({
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** 0..1: how well the name fits the existing unit. */
  score: z.number().nullable(),
  /** The name a new unit would get (abbreviations written out). */
  newName: z.string(),
  newKind: z.enum(unitKindValues),
});
export type UnitSuggestion = z.output<typeof unitSuggestionSchema>;

/** The clerk's answer for one row: an existing unit, a new unit (name, kind), or leave the row out (both null). */
export const unitResolutionSchema = z.object({
  row: z.number().int(),
  unitId: z.number().int().nullable(),
  newName: z.string().trim().min(1).max(200).nullable().default(null),
  newKind: z.enum(unitKindValues).optional(),
});
export type UnitResolution = z.input<typeof unitResolutionSchema>;

export const quotaImportResultSchema = z.object({
  imported: z.number(),
  /** Names not known as units, with a suggestion; their rows were not imported. */
  unknown: z.array(z.object({ row: z.number(), name: z.string(), suggestion: unitSuggestionSchema.optional() })),
  /** Names taken as an existing unit although written differently (kept as the unit's alias). */
  matched: z.array(z.object({ row: z.number(), name: z.string(), unitId: z.number(), unitName: z.string() })).default([]),
  createdUnits: z.array(z.object({ row: z.number(), name: z.string(), unitId: z.number(), unitName: z.string(), kind: z.string() })).default([]),
  /** The table disagrees with itself (a row total, the total row). */
  warnings: z.array(z.string()).default([]),
  ledger: z.array(tableLedgerRowSchema).default([]),
  counts: z.record(z.string(), z.number()).default({}),
  sheet: z.string().default(''),
  /** Sums of the unit lines read, and the table's own total row (null when it has none). */
  fileTotals: z.object({ registrants: z.number(), bloodUnits: z.number() }).optional(),
  statedTotals: z.object({ registrants: z.number().nullable(), bloodUnits: z.number().nullable() }).optional(),
  table: quotaTableSchema,
});
export type QuotaImportResult = z.output<typeof quotaImportResultSchema>;

const campaignRef = z.object({ campaignId: z.number().int() });

export const quotasChannels = {
  'quotas:get': channel(campaignRef, quotaTableSchema),
  /** Upserts the given cells; a cell with both values null is removed. `replace` clears the table first. */
  'quotas:save': channel(campaignRef.extend({ entries: z.array(quotaEntrySchema).max(20_000), replace: z.boolean().default(false) }), quotaTableSchema),
  'quotas:propose': channel(
    campaignRef.extend({ fromCampaignId: z.number().int(), basis: z.enum(['donated', 'registered']).default('donated') }),
    quotaProposalSchema,
  ),
  /** Reads a quota table. Unknown names come back with suggestions; `createUnits` accepts every suggestion, `resolutions` answers them row by row. */
  'quotas:importExcel': channel(
    campaignRef.extend({ file: fileUploadSchema, createUnits: z.boolean().default(false), resolutions: z.array(unitResolutionSchema).max(5000).default([]) }),
    quotaImportResultSchema,
  ),
  'quotas:exportExcel': channel(campaignRef, fileDownloadSchema),
};
