import { z } from 'zod';
import { channel } from '../define';

/**
 * An opaque id main hands out for a backup file or a folder (a random token mapped in main to a path
 * it listed or the clerk chose in main's own dialog). The renderer never sends a path: anything that
 * is not a token (a path, a drive letter, a separator) fails validation.
 */
export const backupIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Hãy chọn tệp hoặc thư mục sao lưu bằng nút chọn.');

export const backupFileSchema = z.object({
  id: backupIdSchema,
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

/** A folder the clerk chose in main's dialog: its id and a label to show (null: the dialog was cancelled). */
export const chosenFolderSchema = z.object({ id: backupIdSchema, label: z.string() }).nullable();
/** A backup file the clerk chose in main's dialog (null: cancelled). */
export const chosenFileSchema = z.object({ id: backupIdSchema, name: z.string() }).nullable();

// Strict: an extra key (e.g. a `file` or `folder` path as older renderers sent) is refused, not ignored.
export const backupChannels = {
  'backup:list': channel(z.object({}).default({}), z.object({ folder: z.string(), items: z.array(backupFileSchema) })),
  'backup:chooseFolder': channel(z.object({}).strict().default({}), chosenFolderSchema),
  'backup:chooseFile': channel(z.object({}).strict().default({}), chosenFileSchema),
  'backup:toFolder': channel(z.object({ folderId: backupIdSchema }).strict(), backupResultSchema),
  'backup:now': channel(z.object({}).default({}), backupResultSchema),
  'backup:restore': channel(z.object({ id: backupIdSchema }).strict(), restoreResultSchema),
  'backup:check': channel(z.object({}).default({}), healthReportSchema),
  'backup:verifyFile': channel(z.object({ id: backupIdSchema }).strict(), fileCheckSchema),
};
