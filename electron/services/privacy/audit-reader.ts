import { q, sql } from '../../db/query';
import type { AuditEntryInfo } from '../../../shared/ipc/channels/privacy';
import type { ServiceContext } from '../context';
import { verifyAuditChain } from '../audit/audit-log';
import { auditCategory } from '../../../shared/domain/audit-labels';

export interface AuditPage {
  rows: AuditEntryInfo[];
  total: number;
  page: number;
  pageSize: number;
}

const likePrefix = (p: string) => `${p.replace(/[%_\\]/g, '')}%`;

/**
 * The audit log, newest first, a page at a time; `category` filters by one group of the screen
 * (shared/domain/audit-labels.ts), `action` by a code prefix ("person." …), `from`/`to` by day.
 */
export async function listAudit(ctx: ServiceContext, args: { page?: number; pageSize?: number; action?: string; category?: string; from?: string; to?: string } = {}): Promise<AuditPage> {
  const page = Math.max(1, args.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, args.pageSize ?? 50));
  let sel = q.selectFrom('audit_log');
  if (args.action) sel = sel.where('action', 'like', likePrefix(args.action));
  const cat = auditCategory(args.category);
  if (cat) sel = sel.where((eb) => eb.or(cat.prefixes.map((p) => eb('action', 'like', likePrefix(p)))));
  // `at` is an ISO instant (UTC); a day filter compares its local date
  if (args.from) sel = sel.where(sql<string>`date(at, 'localtime')`, '>=', args.from);
  if (args.to) sel = sel.where(sql<string>`date(at, 'localtime')`, '<=', args.to);
  const total = Number(ctx.data.read.value(sel.select((eb) => eb.fn.countAll<number>().as('n'))));
  const rows = ctx.data.read.all(sel.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize));
  return {
    rows: rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, detail: r.detail })),
    total,
    page,
    pageSize,
  };
}

export function verifyAudit(ctx: ServiceContext): { ok: boolean; brokenAt: number | null; count: number } {
  return verifyAuditChain(ctx.data.read);
}
