import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Reader, Writer } from '../../db/data';
import { q, sql, statement } from '../../db/query';
import type { AuditLogRow } from '../../db/schema';

const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  entity?: string | null;
  entityId?: number | null;
  /** Human text without ID numbers or phones in clear. */
  detail?: string;
  actor?: string;
}

function entryHash(prev: string, at: string, actor: string, action: string, entity: string | null, entityId: number | null, detail: string): string {
  return createHash('sha256').update(JSON.stringify([prev, at, actor, action, entity, entityId, detail])).digest('hex');
}

const lastHash = statement<void, { hash: string }>(() => q.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(sql.lit(1)));
type Insert = Required<Omit<Insertable<AuditLogRow>, 'id'>>;
const insertEntry = statement<Insert>((p) =>
  q.insertInto('audit_log').values({ at: p.at, actor: p.actor, action: p.action, entity: p.entity, entity_id: p.entity_id, detail: p.detail, prev_hash: p.prev_hash, hash: p.hash }),
);

/** Appends one hash-chained entry. Call inside the transaction that makes the change. */
export function appendAudit(w: Writer, e: AuditEntry, at = new Date().toISOString()): void {
  const prev = w.value(lastHash) ?? GENESIS;
  const actor = e.actor ?? 'clerk';
  const entity = e.entity ?? null;
  const entityId = e.entityId ?? null;
  const detail = e.detail ?? '';
  const hash = entryHash(prev, at, actor, e.action, entity, entityId, detail);
  w.run(insertEntry, { at, actor, action: e.action, entity, entity_id: entityId, detail, prev_hash: prev, hash });
}

/** Walks the chain; returns the id of the first broken entry, or null when it verifies. */
export function verifyAuditChain(read: Reader): { ok: boolean; brokenAt: number | null; count: number } {
  let prev = GENESIS;
  let count = 0;
  for (const r of read.iterate(q.selectFrom('audit_log').selectAll().orderBy('id'))) {
    count++;
    if (r.prev_hash !== prev || entryHash(prev, r.at, r.actor, r.action, r.entity, r.entity_id, r.detail) !== r.hash) {
      return { ok: false, brokenAt: r.id, count };
    }
    prev = r.hash;
  }
  return { ok: true, brokenAt: null, count };
}
