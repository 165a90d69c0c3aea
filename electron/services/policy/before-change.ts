import type { ServiceContext } from '../context';
import { backupBeforeChange, type BackupReason } from '../backup/auto-backup';

/**
 * What happens before a change a clerk cannot easily take back, declared once per action instead of
 * wired by hand in each service: the IPC dispatcher applies it to the channel of the same name, the
 * command line to the command that does the same work. (Restores and migrations keep their own copy
 * of the file as part of the operation itself: electron/services/backup/restore.ts, migration-backup.ts.)
 */
export const CHANGE_POLICIES = {
  'imports:commit': { backup: 'import' },
  'donationDay:importResults': { backup: 'import' },
  'duplicates:merge': { backup: 'merge' },
  'duplicates:bulkMerge': { backup: 'merge' },
  'quotas:importExcel': { backup: 'import' },
  'units:importExcel': { backup: 'import' },
} as const satisfies Record<string, { backup: BackupReason }>;

export type PolicyAction = keyof typeof CHANGE_POLICIES;

export function hasPolicy(action: string): action is PolicyAction {
  return Object.hasOwn(CHANGE_POLICIES, action);
}

/** Applies the action's policy (an automatic, verified backup when there is data to lose). */
export function beforeChange(ctx: ServiceContext, action: PolicyAction): void {
  backupBeforeChange(ctx, CHANGE_POLICIES[action].backup);
}
