import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

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

/** Appends one hash-chained entry. Call inside the transaction that makes the change. */
export function appendAudit(sqlite: Database.Database, e: AuditEntry, at = new Date().toISOString()): void {
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const prev = last?.hash ?? GENESIS;
  const actor = e.actor ?? 'clerk';
  const entity = e.entity ?? null;
  const entityId = e.entityId ?? null;
  const detail = e.detail ?? '';
  const hash = entryHash(prev, at, actor, e.action, entity, entityId, detail);
  sqlite
    .prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)')
    .run(at, actor, e.action, entity, entityId, detail, prev, hash);
}

/** Walks the chain; returns the id of the first broken entry, or null when it verifies. */
export function verifyAuditChain(sqlite: Database.Database): { ok: boolean; brokenAt: number | null; count: number } {
  let prev = GENESIS;
  let count = 0;
  for (const r of sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<{
    id: number; at: string; actor: string; action: string; entity: string | null; entity_id: number | null; detail: string; prev_hash: string; hash: string;
  }>) {
    count++;
    if (r.prev_hash !== prev || entryHash(prev, r.at, r.actor, r.action, r.entity, r.entity_id, r.detail) !== r.hash) {
      return { ok: false, brokenAt: r.id, count };
    }
    prev = r.hash;
  }
  return { ok: true, brokenAt: null, count };
}
