import { z } from 'zod';
import { channel } from '../define';
import { fileDownloadSchema } from './files';
import { personCoreSchema } from './person';

const verdict = z.enum(['same', 'similar', 'different', 'unknown']);

export const duplicateRegistrationSchema = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaignName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  file: z.string().nullable(),
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  credited: z.boolean(),
  inCampaign: z.boolean(),
});
export type DuplicateRegistration = z.output<typeof duplicateRegistrationSchema>;

export const duplicatePersonSchema = personCoreSchema.extend({
  homeUnitId: z.number().nullable(),
  donations: z.number(),
  registrations: z.array(duplicateRegistrationSchema),
});
export type DuplicatePerson = z.output<typeof duplicatePersonSchema>;

export const candidateSchema = z.object({
  key: z.string(),
  a: duplicatePersonSchema,
  b: duplicatePersonSchema,
  score: z.number(),
  reasons: z.array(z.string()),
  fields: z.object({ fullName: verdict, gender: verdict, birthDate: verdict, nationalId: verdict, phone: verdict }),
  obvious: z.boolean(),
  deferred: z.boolean(),
  /** One of the two is known only from earlier campaigns (a returning donor). */
  fromRegistry: z.boolean(),
});
export type Candidate = z.output<typeof candidateSchema>;

export const candidateListSchema = z.object({
  state: z.enum(['ready', 'not_run']),
  computedAt: z.string().nullable(),
  /** People were imported after the last whole-campaign match. */
  stale: z.boolean(),
  total: z.number(),
  obviousCount: z.number(),
  threshold: z.number(),
  items: z.array(candidateSchema),
});
export type CandidateList = z.output<typeof candidateListSchema>;

export const mergeFieldNames = ['fullName', 'gender', 'birthDate', 'nationalId', 'phone', 'address', 'workplace', 'bloodGroup', 'homeUnitId'] as const;
export type MergeField = (typeof mergeFieldNames)[number];

export const mergeInputSchema = z.object({
  survivorId: z.number().int(),
  mergedId: z.number().int(),
  /** Per field, whose value survives; a field not named keeps the survivor's value (or the other's when the survivor has none). */
  choices: z.partialRecord(z.enum(mergeFieldNames), z.enum(['survivor', 'merged'])).default({}),
  /** The registration credited for the quota; default by the office's rule. */
  creditedRegistrationId: z.number().int().nullable().default(null),
});
export type MergeInput = z.input<typeof mergeInputSchema>;

export const mergeResultSchema = z.object({
  mergeId: z.number(),
  survivorId: z.number(),
  mergedId: z.number(),
  movedRegistrations: z.number(),
  movedDonations: z.number(),
});

export const mergeRecordSchema = z.object({
  id: z.number(),
  survivorId: z.number(),
  survivorName: z.string(),
  mergedId: z.number(),
  mergedName: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  /** The bulk merge it belonged to, and the rule that decided it; null for a merge the clerk made. */
  batchId: z.number().nullable().default(null),
  rule: z.string().nullable().default(null),
});
export type MergeRecord = z.output<typeof mergeRecordSchema>;

export const creditRuleSchema = z.enum(['first_list', 'home_unit', 'both_units']);
export type CreditRule = z.output<typeof creditRuleSchema>;

export const bulkSummarySchema = z.object({
  pairs: z.number(),
  people: z.number(),
  /** How many pairs each rule decides, in the words shown before merging. */
  rules: z.array(z.object({ rule: z.string(), pairs: z.number() })).default([]),
  examples: z.array(z.object({ a: z.string(), b: z.string(), reasons: z.array(z.string()), rule: z.string().default('') })),
  /** Pairs still left for the clerk after this bulk merge. */
  remaining: z.number().default(0),
});

export const unitDuplicateCountSchema = z.object({ unitId: z.number(), unitName: z.string(), registrations: z.number(), duplicates: z.number() });

/** What the whole-campaign matching job (duplicates:match) hands back. */
export const matchJobResultSchema = z.object({ pairs: z.number(), proposed: z.number(), people: z.number() });
export type MatchJobResult = z.output<typeof matchJobResultSchema>;

const campaignArg = z.object({ campaignId: z.number().int() });

export const duplicatesChannels = {
  'duplicates:match': channel(campaignArg, z.object({ jobId: z.string() })),
  /** Matching as a list arrives: the people of one committed import batch against everyone known. */
  'duplicates:list': channel(
    campaignArg.extend({
      minScore: z.number().min(0).max(1).optional(),
      includeDeferred: z.boolean().default(true),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    candidateListSchema,
  ),
  'duplicates:merge': channel(mergeInputSchema, mergeResultSchema),
  'duplicates:undoMerge': channel(z.object({ mergeId: z.number().int() }), z.object({ ok: z.boolean() })),
  'duplicates:merges': channel(campaignArg, z.array(mergeRecordSchema)),
  'duplicates:decide': channel(z.object({ a: z.number().int(), b: z.number().int(), decision: z.enum(['not_same', 'deferred', 'clear']) }), z.object({ ok: z.boolean() })),
  'duplicates:setCredited': channel(z.object({ registrationId: z.number().int() }), z.object({ ok: z.boolean() })),
  'duplicates:getCreditRule': channel(z.object({}).default({}), z.object({ rule: creditRuleSchema })),
  'duplicates:setCreditRule': channel(z.object({ rule: creditRuleSchema }), z.object({ rule: creditRuleSchema })),
  'duplicates:bulkSummary': channel(campaignArg, bulkSummarySchema),
  'duplicates:bulkMerge': channel(campaignArg, z.object({ merged: z.number(), skipped: z.number(), batchId: z.number().nullable().default(null) })),
  /** Undoes every merge of one bulk merge that is not undone yet. */
  'duplicates:undoBulkMerge': channel(z.object({ batchId: z.number().int() }), z.object({ undone: z.number() })),
  'duplicates:units': channel(campaignArg, z.array(unitDuplicateCountSchema)),
  'duplicates:exportFeedback': channel(campaignArg.extend({ unitId: z.number().int() }), fileDownloadSchema),
};
