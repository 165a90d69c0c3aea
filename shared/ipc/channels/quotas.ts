import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema, fileUploadSchema } from './files';

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

export const quotaImportResultSchema = z.object({
  imported: z.number(),
  unknown: z.array(z.object({ row: z.number(), name: z.string() })),
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
  'quotas:importExcel': channel(campaignRef.extend({ file: fileUploadSchema }), quotaImportResultSchema),
  'quotas:exportExcel': channel(campaignRef, fileDownloadSchema),
};
