import { z } from 'zod';
import { channel } from '../define';

export const officeProfileSchema = z.object({
  officeName: z.string().trim().min(1, 'Hãy nhập tên cơ quan ban hành.').max(200),
  parentBody: z.string().trim().max(200).default(''),
  placeName: z.string().trim().min(1, 'Hãy nhập địa danh (ví dụ: Lạng Sơn).').max(100),
  signerName: z.string().trim().max(100).default(''),
  signerTitle: z.string().trim().max(100).default(''),
  signerAuthority: z.enum(['', 'TM.', 'KT.', 'TL.', 'Q.', 'TUQ.']).default(''),
  docSuffix: z.string().trim().max(30).default('BCĐ'),
});
export type OfficeProfile = z.output<typeof officeProfileSchema>;

export const appInfoSchema = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number(),
  firstRun: z.boolean(),
  office: officeProfileSchema.nullable(),
  counts: z.object({ units: z.number(), campaigns: z.number(), people: z.number(), registrations: z.number() }),
});

export const jobStatusSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z.number().min(0).max(1),
  message: z.string(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobStatus = z.output<typeof jobStatusSchema>;

export const appChannels = {
  'app:info': channel(z.object({}).default({}), appInfoSchema),
  'settings:getOffice': channel(z.object({}).default({}), officeProfileSchema.nullable()),
  'settings:saveOffice': channel(officeProfileSchema, officeProfileSchema),
  'jobs:status': channel(z.object({ id: z.string() }), jobStatusSchema),
  'jobs:cancel': channel(z.object({ id: z.string() }), z.object({ cancelled: z.boolean() })),
};
