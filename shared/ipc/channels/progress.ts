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
  /** afterDuplicates / quotaRegistrants × 100, null without a quota. */
  percentRegistrants: z.number().nullable(),
  /** donated / quotaBloodUnits × 100, null without a quota. */
  percentBloodUnits: z.number().nullable(),
});
export type ProgressFigures = z.output<typeof progressFiguresSchema>;

export const progressRowSchema = progressFiguresSchema.extend({
  unitId: z.number().nullable(),
  unitName: z.string(),
  kind: z.string().nullable(),
  grouping: z.string().nullable(),
  listReceived: z.boolean(),
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
