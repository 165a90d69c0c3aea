import type { ServiceContext } from '../context';
import { appendAudit } from './audit-log';

/**
 * Every file of personal data that leaves the app is in the audit log: the services that build an
 * export log it themselves (donors.export-eligible, duplicates.exportFeedback…); a document the
 * clerk previewed and then saves or prints (signature list, unit lists, honour list, certificates)
 * is logged here when the screen saves or prints it. The detail holds the file name only.
 */
export function recordExport(ctx: ServiceContext, args: { kind: 'save' | 'print'; fileName: string; what?: string }): { ok: boolean } {
  const verb = args.kind === 'print' ? 'In' : 'Lưu tệp';
  const name = args.fileName.replace(/[\r\n\t]+/g, ' ').slice(0, 200);
  ctx.data.write((w) => appendAudit(
    w,
    { action: args.kind === 'print' ? 'export.print' : 'export.save', entity: 'file', detail: `${verb} “${name}”${args.what ? ` (${args.what})` : ''}` },
    ctx.now().toISOString(),
  ));
  return { ok: true };
}
