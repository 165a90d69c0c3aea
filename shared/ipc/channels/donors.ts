import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema } from './files';
import { personCoreSchema } from './person';

export const donorSummarySchema = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  bloodGroup: z.string().nullable(),
  unitName: z.string().nullable(),
  donationCount: z.number(),
  lastDonation: z.string().nullable(),
  nextEligible: z.string().nullable(),
  reserve: z.boolean(),
});
export type DonorSummary = z.output<typeof donorSummarySchema>;

export const donorQuerySchema = z.object({
  q: z.string().max(100).default(''),
  bloodGroup: z.string().max(10).nullable().default(null),
  rhNegative: z.boolean().default(false),
  reserve: z.boolean().default(false),
  unitId: z.number().int().nullable().default(null),
  minDonations: z.number().int().min(0).default(0),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type DonorQuery = z.input<typeof donorQuerySchema>;

export const personPageSchema = personCoreSchema.extend({
  priorDonations: z.number().nullable(),
  reserve: z.boolean(),
  mergedIds: z.array(z.number()),
  units: z.array(z.object({ unitId: z.number().nullable(), unitName: z.string(), campaignId: z.number(), campaignName: z.string(), credited: z.boolean() })),
  donations: z.array(z.object({
    id: z.number(), date: z.string(), campaignName: z.string().nullable(), outcome: z.enum(['donated', 'deferred']),
    volumeMl: z.number().nullable(), facility: z.string().nullable(), deferralReason: z.string().nullable(),
  })),
  certificates: z.array(z.object({ serial: z.string(), issuedOn: z.string(), status: z.enum(['issued', 'void']), campaignName: z.string().nullable() })),
  honours: z.array(z.object({ milestone: z.number(), proposedOn: z.string().nullable(), awardedOn: z.string().nullable() })),
  donationCount: z.number(),
  /** How the count adds up: declared on a list before a date + recorded here since (shared/domain/donation-count.ts). */
  countExplained: z.string().default(''),
  lastDonation: z.string().nullable(),
  nextEligible: z.string().nullable(),
});
export type PersonPage = z.output<typeof personPageSchema>;

export const milestoneItemSchema = donorSummarySchema.extend({
  milestone: z.number(),
  /** Already proposed for this milestone (still listed until awarded). */
  proposedOn: z.string().nullable().default(null),
  awardedOn: z.string().nullable().default(null),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Hãy nhập một ngày có thật (ngày/tháng/năm).');
const eligibleArgs = z.object({
  campaignId: z.number().int(),
  unitId: z.number().int().nullable().default(null),
  /** "Đủ điều kiện hiến lại tính đến ngày": set by the clerk; default today, or the campaign's next donation day. */
  asOf: isoDay.nullable().default(null),
});

export const donorsChannels = {
  'donors:search': channel(donorQuerySchema, z.object({ total: z.number(), items: z.array(donorSummarySchema) })),
  'donors:get': channel(z.object({ id: z.number().int() }), personPageSchema),
  'donors:eligible': channel(eligibleArgs, z.object({ asOf: z.string(), items: z.array(donorSummarySchema) })),
  'donors:exportEligible': channel(eligibleArgs, fileDownloadSchema),
  'donors:rare': channel(z.object({}).default({}), z.object({ items: z.array(donorSummarySchema) })),
  'donors:setReserve': channel(z.object({ personId: z.number().int(), reserve: z.boolean() }), z.object({ reserve: z.boolean() })),
  'donors:milestones': channel(
    z.object({ asOf: isoDay.nullable().default(null) }).default({ asOf: null }),
    z.object({ milestones: z.array(z.number()), items: z.array(milestoneItemSchema), asOf: z.string().default('') }),
  ),
  'donors:setMilestones': channel(z.object({ milestones: z.array(z.number().int().min(1).max(500)).min(1).max(30) }), z.object({ milestones: z.array(z.number()) })),
  'donors:markHonoured': channel(
    z.object({ personId: z.number().int(), milestone: z.number().int(), awarded: z.boolean().default(false) }),
    z.object({ personId: z.number(), milestone: z.number() }),
  ),
};
