import type { AuditEntryInfo } from '../../../shared/ipc/channels/privacy';
import type { ServiceContext } from '../context';
import { verifyAuditChain } from '../audit/audit-log';

export interface AuditPage {
  rows: AuditEntryInfo[];
  total: number;
  page: number;
  pageSize: number;
}

/** The audit log, newest first, a page at a time; `action` filters by prefix ("person." …). */
export async function listAudit(ctx: ServiceContext, args: { page?: number; pageSize?: number; action?: string } = {}): Promise<AuditPage> {
  const page = Math.max(1, args.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, args.pageSize ?? 50));
  let q = ctx.db.selectFrom('audit_log');
  if (args.action) q = q.where('action', 'like', `${args.action.replace(/[%_]/g, '')}%`);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
  return {
    rows: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail })),
    total,
    page,
    pageSize,
  };
}

export function verifyAudit(ctx: ServiceContext): { ok: boolean; brokenAt: number | null; count: number } {
  return verifyAuditChain(ctx.sqlite);
}
