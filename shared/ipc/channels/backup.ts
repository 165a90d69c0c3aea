import { z } from 'zod';
import { channel } from '../define';

export const backupFileSchema = z.object({
  file: z.string(),
  name: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  size: z.number(),
});
export type BackupFileInfo = z.output<typeof backupFileSchema>;

export const fileCheckSchema = z.object({
  ok: z.boolean(),
  messages: z.array(z.string()),
  schemaVersion: z.number(),
  counts: z.object({ people: z.number(), registrations: z.number(), donations: z.number(), campaigns: z.number() }),
});

export const backupResultSchema = z.object({
  file: z.string(),
  size: z.number(),
  check: fileCheckSchema,
  pruned: z.array(z.string()),
});
export type BackupResultInfo = z.output<typeof backupResultSchema>;

export const healthReportSchema = z.object({
  state: z.enum(['ok', 'corrupt', 'missing']),
  message: z.string(),
  details: z.array(z.string()),
  checkedAt: z.string(),
  newestGoodBackup: backupFileSchema.nullable(),
});
export type HealthReportInfo = z.output<typeof healthReportSchema>;

export const restoreResultSchema = z.object({
  restoredFrom: z.string(),
  savedCurrent: z.string().nullable(),
  movedAside: z.array(z.string()),
});

const pathSchema = (msg: string) => z.string().trim().min(1, msg).max(1000);

export const backupChannels = {
  'backup:list': channel(z.object({}).default({}), z.object({ folder: z.string(), items: z.array(backupFileSchema) })),
  'backup:toFolder': channel(z.object({ folder: pathSchema('Hãy chọn hoặc nhập thư mục để lưu bản sao.') }), backupResultSchema),
  'backup:now': channel(z.object({}).default({}), backupResultSchema),
  'backup:restore': channel(z.object({ file: pathSchema('Hãy chọn tệp sao lưu để khôi phục.') }), restoreResultSchema),
  'backup:check': channel(z.object({}).default({}), healthReportSchema),
  'backup:verifyFile': channel(z.object({ file: pathSchema('Hãy chọn tệp sao lưu.') }), fileCheckSchema),
};
