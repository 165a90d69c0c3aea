import { z } from 'zod';
import { channel } from '../define';

export const personSummarySchema = z.object({
  id: z.number(),
  fullName: z.string(),
  birthYear: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  maskedId: z.string(),
  maskedPhone: z.string(),
  registrations: z.number(),
  donations: z.number(),
  anonymised: z.boolean(),
});
export type PersonSummary = z.output<typeof personSummarySchema>;

export const personCorrectionSchema = z.object({
  id: z.number().int(),
  fullName: z.string().trim().min(1, 'Họ tên không được để trống.').max(200).optional(),
  gender: z.enum(['M', 'F']).nullable().optional(),
  birthDate: z.string().trim().max(10).nullable().optional(),
  nationalId: z.string().trim().max(20).nullable().optional(),
  phone: z.string().trim().max(20).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  workplace: z.string().trim().max(200).nullable().optional(),
  bloodGroup: z.string().trim().max(10).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type PersonCorrection = z.input<typeof personCorrectionSchema>;

export const eraseResultSchema = z.object({
  mode: z.enum(['delete', 'anonymise']),
  people: z.number(),
  registrations: z.number(),
  donations: z.number(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.number().nullable(),
  detail: z.string(),
});
export type AuditEntryInfo = z.output<typeof auditEntrySchema>;

export const privacyChannels = {
  'privacy:findPeople': channel(z.object({ query: z.string().trim().min(2, 'Hãy nhập ít nhất 2 ký tự để tìm.').max(100) }), z.array(personSummarySchema)),
  'privacy:correctPerson': channel(personCorrectionSchema, personSummarySchema),
  'privacy:erasePerson': channel(z.object({ id: z.number().int(), mode: z.enum(['delete', 'anonymise']) }), eraseResultSchema),
  'audit:list': channel(
    z.object({
      page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50), action: z.string().max(60).optional(),
      /** A group of the screen's filter (shared/domain/audit-labels.ts). */
      category: z.string().max(40).optional(),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    }).default({ page: 1, pageSize: 50 }),
    z.object({ rows: z.array(auditEntrySchema), total: z.number(), page: z.number(), pageSize: z.number() }),
  ),
  /** The clerk saved or printed a produced file (documents with names, lists): logged as an export of personal data. */
  'audit:recordExport': channel(
    z.object({ kind: z.enum(['save', 'print']), fileName: z.string().trim().min(1).max(300), what: z.string().trim().max(200).optional() }),
    z.object({ ok: z.boolean() }),
  ),
  'audit:verify': channel(z.object({}).default({}), z.object({ ok: z.boolean(), brokenAt: z.number().nullable(), count: z.number() })),
};
