import { z } from 'zod';
import { channel } from '../define';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng năm-tháng-ngày.');

export const supportSchema = z.object({
  gift: z.object({ 250: z.number().int().min(0), 350: z.number().int().min(0), 450: z.number().int().min(0) }),
  travel: z.number().int().min(0),
  meal: z.number().int().min(0),
});

export const campaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  slogan: z.string().nullable(),
  planNumber: z.string().nullable(),
  legalBases: z.array(z.string()),
  registrationDeadline: isoDate.nullable(),
  donationDates: z.array(isoDate),
  donationTime: z.string().nullable(),
  place: z.string().nullable(),
  bloodFacility: z.string().nullable(),
  targetRegistrants: z.number().nullable(),
  targetBloodUnits: z.number().nullable(),
  ageMinMale: z.number(),
  ageMaxMale: z.number(),
  ageMinFemale: z.number(),
  ageMaxFemale: z.number(),
  minIntervalDays: z.number(),
  support: supportSchema,
  archived: z.boolean(),
  createdAt: z.string(),
});
export type Campaign = z.output<typeof campaignSchema>;

export const campaignInputSchema = z.object({
  name: z.string().trim().min(1, 'Hãy đặt tên cho đợt hiến máu.').max(200),
  slogan: z.string().trim().max(300).nullable().optional(),
  planNumber: z.string().trim().max(50).nullable().optional(),
  legalBases: z.array(z.string().trim().max(1000)).optional(),
  registrationDeadline: isoDate.nullable().optional(),
  donationDates: z.array(isoDate).optional(),
  donationTime: z.string().trim().max(100).nullable().optional(),
  place: z.string().trim().max(300).nullable().optional(),
  bloodFacility: z.string().trim().max(300).nullable().optional(),
  targetRegistrants: z.number().int().min(0).nullable().optional(),
  targetBloodUnits: z.number().int().min(0).nullable().optional(),
  ageMinMale: z.number().int().min(16).max(70).optional(),
  ageMaxMale: z.number().int().min(16).max(70).optional(),
  ageMinFemale: z.number().int().min(16).max(70).optional(),
  ageMaxFemale: z.number().int().min(16).max(70).optional(),
  minIntervalDays: z.number().int().min(0).max(365).optional(),
  support: supportSchema.optional(),
});
export type CampaignInput = z.input<typeof campaignInputSchema>;

export const campaignsChannels = {
  'campaigns:list': channel(z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }), z.array(campaignSchema)),
  'campaigns:get': channel(z.object({ id: z.number().int() }), campaignSchema),
  'campaigns:create': channel(campaignInputSchema, campaignSchema),
  'campaigns:update': channel(campaignInputSchema.partial().extend({ id: z.number().int() }), campaignSchema),
  'campaigns:copy': channel(z.object({ id: z.number().int(), name: z.string().trim().min(1).max(200) }), campaignSchema),
};
