import { z } from 'zod';
import { channel } from '../define';
import { jobStatusSchema } from './jobs';

export const officeProfileSchema = z.object({
  officeName: z.string().trim().min(1, 'Hãy nhập tên cơ quan ban hành.').max(200),
  parentBody: z.string().trim().max(200).default(''),
  placeName: z.string().trim().min(1, 'Hãy nhập địa danh (ví dụ: Lạng Sơn).').max(100),
  signerName: z.string().trim().max(100).default(''),
  signerTitle: z.string().trim().max(100).default(''),
  signerAuthority: z.enum(['', 'TM.', 'KT.', 'TL.', 'Q.', 'TUQ.']).default(''),
  /** The issuing body's code in document numbers ("15/KH-HCTĐ"): asked at first run. */
  docSuffix: z.string().trim().max(30).default('BCĐ'),
  /** The steering committee's standing body, named in plans ("Hội Chữ thập đỏ thành phố"); '' = the issuing body itself. */
  standingBody: z.string().trim().max(200).default(''),
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

/** A job's status: a union on the job's kind, each with its own typed result (channels/jobs.ts). */
export { jobStatusSchema, type JobStatus } from './jobs';

export const appChannels = {
  'app:info': channel(z.object({}).default({}), appInfoSchema),
  'settings:getOffice': channel(z.object({}).default({}), officeProfileSchema.nullable()),
  'settings:saveOffice': channel(officeProfileSchema, officeProfileSchema),
  'jobs:status': channel(z.object({ id: z.string() }), jobStatusSchema),
  'jobs:cancel': channel(z.object({ id: z.string() }), z.object({ cancelled: z.boolean() })),
};
