import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema } from './files';

export const progressFiguresSchema = z.object({
  quotaRegistrants: z.number().nullable(),
  quotaBloodUnits: z.number().nullable(),
  /** Active registration rows received. */
  registered: z.number(),
  /** Distinct people after duplicates (merged people followed to the survivor, credited registrations only). */
  afterDuplicates: z.number(),
  donated: z.number(),
  deferred: z.number(),
  /** Millilitres donated (the result report's figure). */
  volumeMl: z.number().default(0),
  /** afterDuplicates / quotaRegistrants × 100, null without a quota. */
  percentRegistrants: z.number().nullable(),
  /** donated / quotaBloodUnits × 100, null without a quota. */
  percentBloodUnits: z.number().nullable(),
});
export type ProgressFigures = z.output<typeof progressFiguresSchema>;

/** One month of a unit (or of the total): the month's quotas and what came in that month. */
export const progressMonthSchema = z.object({
  /** 1–12. */
  month: z.number(),
  quotaRegistrants: z.number().nullable(),
  quotaBloodUnits: z.number().nullable(),
  /** Registration rows for that month: received before a donation day of that month (else received in it). */
  registered: z.number(),
  /** Donated / deferred on donation days of that month. */
  donated: z.number(),
  deferred: z.number(),
});
export type ProgressMonth = z.output<typeof progressMonthSchema>;

export const progressRowSchema = progressFiguresSchema.extend({
  unitId: z.number().nullable(),
  unitName: z.string(),
  kind: z.string().nullable(),
  grouping: z.string().nullable(),
  listReceived: z.boolean(),
  /** The month split (one entry per month of `ProgressReport.months`); empty when the quotas have no months. */
  months: z.array(progressMonthSchema).default([]),
});
export type ProgressRow = z.output<typeof progressRowSchema>;

export const progressReportSchema = z.object({
  campaignId: z.number(),
  campaignName: z.string(),
  deadline: z.string().nullable(),
  /** Whole days from today to the deadline (0 = today, negative = passed). */
  daysRemaining: z.number().nullable(),
  targetRegistrants: z.number().nullable(),
  targetBloodUnits: z.number().nullable(),
  rows: z.array(progressRowSchema),
  total: progressFiguresSchema,
  unitsWithoutList: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
  byDay: z.array(z.object({ date: z.string(), count: z.number() })),
  groups: z.array(progressFiguresSchema.extend({ key: z.string(), label: z.string() })),
  kinds: z.array(z.string()),
  groupings: z.array(z.string()),
  /** Months of the quota table (1–12); empty when the quotas are not split by month. */
  months: z.array(z.number()).default([]),
  /** The total of every unit per month. */
  monthTotals: z.array(progressMonthSchema).default([]),
});
export type ProgressReport = z.output<typeof progressReportSchema>;

export const progressQuerySchema = z.object({
  campaignId: z.number().int(),
  kind: z.string().max(50).nullable().default(null),
  grouping: z.string().max(100).nullable().default(null),
  groupBy: z.enum(['none', 'kind', 'grouping']).default('none'),
});
export type ProgressQuery = z.input<typeof progressQuerySchema>;

export const progressChannels = {
  'progress:get': channel(progressQuerySchema, progressReportSchema),
  'progress:exportExcel': channel(progressQuerySchema, fileDownloadSchema),
};
