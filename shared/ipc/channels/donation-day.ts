import { z } from 'zod';
import { channel } from '../define';
import { fileUploadSchema } from './files';

const volume = z.union([z.literal(250), z.literal(350), z.literal(450)]);

export const checkinHitSchema = z.object({
  registrationId: z.number().nullable(),
  personId: z.number(),
  fullName: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  nationalId: z.string().nullable(),
  unitName: z.string().nullable(),
  walkIn: z.boolean(),
  /** What happened today: arrived only, donated, deferred; null = not seen yet. */
  outcome: z.enum(['came', 'donated', 'deferred']).nullable(),
  volumeMl: volume.nullable(),
  deferralReason: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  donationCount: z.number(),
  lastDonation: z.string().nullable(),
  nextEligible: z.string().nullable(),
});
export type CheckinHit = z.output<typeof checkinHitSchema>;

export const recordOutcomeSchema = z.object({
  campaignId: z.number().int(),
  personId: z.number().int(),
  registrationId: z.number().int().nullable().default(null),
  outcome: z.enum(['came', 'donated', 'deferred', 'clear']),
  volumeMl: volume.nullable().default(null),
  reason: z.string().trim().max(300).nullable().default(null),
  certificateSerial: z.string().trim().max(50).nullable().default(null),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type RecordOutcomeInput = z.input<typeof recordOutcomeSchema>;

export const walkInSchema = z.object({
  campaignId: z.number().int(),
  fullName: z.string().trim().min(1, 'Hãy nhập họ tên người hiến máu.').max(100),
  gender: z.enum(['M', 'F']).nullable().default(null),
  birthDate: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày sinh phải có dạng năm-tháng-ngày hoặc chỉ năm.').nullable().default(null),
  phone: z.string().trim().max(20).nullable().default(null),
  nationalId: z.string().trim().max(20).nullable().default(null),
  address: z.string().trim().max(300).nullable().default(null),
  bloodGroup: z.string().trim().max(10).nullable().default(null),
  unitId: z.number().int().nullable().default(null),
  /** The clerk chose this existing person among the candidates. */
  usePersonId: z.number().int().nullable().default(null),
  /** The clerk confirmed none of the candidates is this person. */
  createNew: z.boolean().default(false),
});
export type WalkInInput = z.input<typeof walkInSchema>;

export const walkInResultSchema = z.object({
  status: z.enum(['created', 'matches']),
  hit: checkinHitSchema.nullable(),
  candidates: z.array(checkinHitSchema),
});

export const resultRowSchema = z.object({
  row: z.number(),
  fullName: z.string(),
  birthYear: z.number().nullable(),
  phone: z.string().nullable(),
  nationalId: z.string().nullable(),
  outcome: z.enum(['donated', 'deferred']),
  volumeMl: volume.nullable(),
  reason: z.string().nullable(),
  certificateSerial: z.string().nullable(),
  /** What the facility wrote of the person: sex, tested blood group, their unit or address. */
  gender: z.enum(['M', 'F']).nullable().default(null),
  bloodGroup: z.string().nullable().default(null),
  unitText: z.string().nullable().default(null),
});
export type ResultRow = z.output<typeof resultRowSchema>;

export const resultImportSchema = z.object({
  file: z.string(),
  rows: z.number(),
  matched: z.number(),
  /** Rows matching no registration: recorded as walk-ins, listed for review. */
  walkIns: z.array(resultRowSchema.extend({ personId: z.number() })),
  /** Rows matching several registrations: not recorded until the clerk chooses. */
  unmatched: z.array(
    resultRowSchema.extend({
      reason: z.string().nullable(),
      problem: z.string(),
      candidates: z.array(checkinHitSchema),
      /** ambiguous: two people could share the row; no_identity: a name only; difference: the desk recorded otherwise. */
      kind: z.enum(['ambiguous', 'no_identity', 'difference']).default('ambiguous'),
    }),
  ),
  skipped: z.array(z.object({ row: z.number(), problem: z.string() })),
  /** Rows of the sheet that are not people, each with its kind and why (title, header, total, footer, no name). */
  ignored: z.array(z.object({ row: z.number(), kind: z.enum(['title', 'header', 'stt_only', 'total', 'footer']), reason: z.string() })).default([]),
  /** How many rows each rule decided (cùng CCCD, cùng SĐT và họ tên, cùng họ tên và năm sinh…). */
  rules: z.record(z.string(), z.number()).optional(),
});
export type ResultImport = z.output<typeof resultImportSchema>;

export const dayStatsSchema = z.object({
  registered: z.number(),
  came: z.number(),
  donated: z.number(),
  deferred: z.number(),
  walkIns: z.number(),
  byVolume: z.object({ 250: z.number(), 350: z.number(), 450: z.number() }),
});

export const donationDayChannels = {
  'donationDay:search': channel(
    z.object({ campaignId: z.number().int(), q: z.string().max(100), limit: z.number().int().min(1).max(200).default(20) }),
    z.object({ hits: z.array(checkinHitSchema), total: z.number(), tookMs: z.number() }),
  ),
  'donationDay:record': channel(recordOutcomeSchema, checkinHitSchema),
  'donationDay:walkIn': channel(walkInSchema, walkInResultSchema),
  'donationDay:importResults': channel(z.object({ campaignId: z.number().int(), file: fileUploadSchema }), resultImportSchema),
  /** Settles a reviewed result row: link it to a registration, or record it as a walk-in (registrationId null). */
  'donationDay:resolveRow': channel(
    z.object({ campaignId: z.number().int(), file: z.string().min(1).max(255), row: resultRowSchema, registrationId: z.number().int().nullable() }),
    checkinHitSchema,
  ),
  'donationDay:stats': channel(z.object({ campaignId: z.number().int() }), dayStatsSchema),
  /** Result rows waiting for the clerk (kept in the database until resolved). */
  'donationDay:reviews': channel(z.object({ campaignId: z.number().int() }), z.array(resultImportSchema.shape.unmatched.element.extend({ file: z.string() }))),
  /** Keeps the outcome entered at the desk for a row the facility's list records otherwise. */
  'donationDay:keepDesk': channel(z.object({ campaignId: z.number().int(), file: z.string().min(1).max(255), row: z.number().int() }), z.object({ ok: z.boolean() })),
  /** How many result rows wait for the clerk (the count on the menu). */
  'donationDay:reviewCount': channel(z.object({ campaignId: z.number().int() }), z.object({ count: z.number() })),
  /** Confirms every waiting row that has exactly one candidate. */
  'donationDay:confirmSingles': channel(z.object({ campaignId: z.number().int() }), z.object({ confirmed: z.number() })),
};
