import type { ChannelName } from '../../../shared/ipc/api-types';
import { runInActionScope, type TableChange, type Writer } from '../../db/data';
import { appendAudit } from '../audit/audit-log';
import { backupBeforeChange, type BackupReason } from '../backup/auto-backup';
import type { ServiceContext } from '../context';

/**
 * The cross-cutting policy of every action a clerk can take, declared once, applied by the one place
 * that runs actions (`runAction`: the IPC dispatcher and the command line), not by each handler:
 *
 * - `backup`: an automatic, verified backup before a change a clerk cannot easily take back.
 *   (Restores and migrations keep their own copy of the file as part of the operation itself.)
 * - `audit`: the audit code of the action. Every transaction the action commits is in the audit log:
 *   a service that writes its own, more detailed entry (appendAudit) keeps it; a transaction that
 *   changed data without one gets an entry under this code, written inside that transaction before it
 *   commits (electron/db/data.ts, ActionScope), naming what changed. No change escapes the log, and
 *   no entry survives a change that was rolled back.
 * - `null`: a read. (The app lock is checked for every channel in the dispatcher: app-lock.ts.)
 */
export interface ChangePolicy {
  audit: string;
  backup?: BackupReason;
}

export const ACTION_POLICIES: Record<ChannelName, ChangePolicy | null> = {
  'app:info': null,
  'settings:getOffice': null,
  'settings:saveOffice': { audit: 'settings.office' },
  'jobs:status': null,
  'jobs:cancel': null,
  'backup:list': null,
  'backup:chooseFolder': null,
  'backup:chooseFile': null,
  'backup:toFolder': { audit: 'backup.manual' },
  'backup:now': { audit: 'backup.manual' },
  'backup:restore': { audit: 'backup.restore' },
  'backup:check': null,
  'backup:verifyFile': null,
  'campaigns:list': null,
  'campaigns:get': null,
  'campaigns:create': { audit: 'campaign.create' },
  'campaigns:update': { audit: 'campaign.update' },
  'campaigns:copy': { audit: 'campaign.copy' },
  'documents:templates': null,
  'documents:saveTemplates': { audit: 'documents.templates' },
  'documents:defaults': null,
  'documents:generate': { audit: 'documents.print' },
  'documents:printers': null,
  'documents:certificateLayout': null,
  'documents:saveCertificateLayout': { audit: 'documents.certificateLayout' },
  'documents:serials': null,
  'documents:voidSerial': { audit: 'certificates.void' },
  'documents:issued': null,
  'donationDay:search': null,
  'donationDay:record': { audit: 'donation.record' },
  'donationDay:walkIn': { audit: 'registration.walk-in' },
  'donationDay:importResults': { audit: 'results.import', backup: 'import' },
  'donationDay:resolveRow': { audit: 'results.resolve' },
  'donationDay:stats': null,
  'donationDay:reviews': null,
  'donationDay:keepDesk': { audit: 'results.keepDesk' },
  'donationDay:reviewCount': null,
  'donationDay:confirmSingles': { audit: 'results.confirmSingles' },
  'donors:search': null,
  'donors:get': null,
  'donors:eligible': null,
  'donors:exportEligible': { audit: 'donors.export-eligible' },
  'donors:rare': null,
  'donors:setReserve': { audit: 'donor.reserve' },
  'donors:milestones': null,
  'donors:setMilestones': { audit: 'settings.milestones' },
  'donors:markHonoured': { audit: 'honour.propose' },
  'duplicates:match': { audit: 'duplicates.match' },
  'duplicates:list': null,
  'duplicates:merge': { audit: 'duplicates.merge', backup: 'merge' },
  'duplicates:undoMerge': { audit: 'duplicates.undoMerge' },
  'duplicates:merges': null,
  'duplicates:decide': { audit: 'duplicates.decide' },
  'duplicates:setCredited': { audit: 'duplicates.credit' },
  'duplicates:getCreditRule': null,
  'duplicates:setCreditRule': { audit: 'duplicates.creditRule' },
  'duplicates:bulkSummary': null,
  'duplicates:bulkMerge': { audit: 'duplicates.bulkMerge', backup: 'merge' },
  'duplicates:undoBulkMerge': { audit: 'duplicates.undoBulkMerge' },
  'duplicates:units': null,
  'duplicates:exportFeedback': { audit: 'duplicates.exportFeedback' },
  'imports:parse': null,
  'imports:preview': null,
  'imports:remap': null,
  'imports:commit': { audit: 'import.commit', backup: 'import' },
  'imports:pending': null,
  'imports:saveDraft': null,
  'imports:restoreRow': null,
  'imports:discard': null,
  'imports:batches': null,
  'imports:undo': { audit: 'import.undo' },
  'privacy:findPeople': null,
  'privacy:correctPerson': { audit: 'person.correct' },
  'privacy:erasePerson': { audit: 'person.erase' },
  'audit:list': null,
  'audit:recordExport': { audit: 'export.save' },
  'audit:verify': null,
  'progress:get': null,
  'progress:exportExcel': { audit: 'progress.export' },
  'quotas:get': null,
  'quotas:save': { audit: 'quotas.save' },
  'quotas:propose': null,
  'quotas:importExcel': { audit: 'quotas.import', backup: 'import' },
  'quotas:exportExcel': { audit: 'quotas.export' },
  'security:lockStatus': null,
  'security:setPassword': { audit: 'lock.change' },
  'security:unlock': null,
  'security:lock': null,
  'security:activity': null,
  'security:clearPassword': { audit: 'lock.disable' },
  'units:list': null,
  'units:create': { audit: 'unit.create' },
  'units:update': { audit: 'unit.update' },
  'units:move': { audit: 'unit.move' },
  'units:archive': { audit: 'unit.archive' },
  'units:importExcel': { audit: 'unit.import', backup: 'import' },
};

const TABLE_WORDS: Record<string, string> = {
  people: 'người',
  registrations: 'đăng ký',
  donations: 'lần hiến',
  units: 'đơn vị',
  unit_aliases: 'tên gọi khác của đơn vị',
  campaigns: 'đợt hiến máu',
  quotas: 'ô chỉ tiêu',
  import_batches: 'lần nhập',
  person_merges: 'lần gộp',
  merge_batches: 'lần gộp hàng loạt',
  duplicate_decisions: 'quyết định về cặp nghi trùng',
  result_reviews: 'dòng kết quả chờ xem',
  issued_documents: 'số văn bản',
  certificate_serials: 'số phôi',
  honours: 'vinh danh',
  settings: 'cài đặt',
};
const OP_WORDS: Record<TableChange['op'], string> = { insert: 'thêm', update: 'sửa', delete: 'xoá' };

/** "thêm 120 đăng ký; sửa 1 lần nhập": what a transaction changed, in the clerk's words, without personal data. */
export function describeChanges(changes: readonly TableChange[]): string {
  return changes.map((c) => `${OP_WORDS[c.op]} ${c.rows} ${TABLE_WORDS[c.table] ?? c.table}`).join('; ');
}

/**
 * Runs one action under its policy: the backup first, then `run`, every transaction of which is
 * audited before it commits. `name` is the IPC channel, or the channel whose work a CLI command does;
 * an action nobody declared (a CLI command that only reads) is audited under `change.<name>` if it
 * ever writes.
 */
export async function runAction<T>(ctx: ServiceContext, name: string, run: () => Promise<T> | T): Promise<T> {
  const policy = Object.hasOwn(ACTION_POLICIES, name) ? ACTION_POLICIES[name as ChannelName] : null;
  if (policy?.backup) backupBeforeChange(ctx, policy.backup);
  const code = policy?.audit ?? `change.${name}`;
  const scope = {
    beforeCommit(w: Writer, changes: TableChange[], audited: boolean) {
      if (!audited) appendAudit(w, { action: code, detail: describeChanges(changes) }, ctx.now().toISOString());
    },
  };
  return runInActionScope(scope, async () => run());
}
