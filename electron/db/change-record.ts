/**
 * What a transaction changed, counted as its statements run (data.ts): the table and kind of each
 * writing statement, read once from its SQL text, and the rows SQLite says it changed. The action
 * policy writes the audit entry from it (electron/services/policy/actions.ts).
 */

/** Rows one transaction changed in one table, by kind. */
export interface TableChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  rows: number;
}

/** The table a statement changes, and the key its count goes under. */
export interface Target {
  table: string;
  op: TableChange['op'];
  key: string;
}

const TARGET = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|replace|update|delete)\s+(?:or\s+\w+\s+)?(?:into\s+|from\s+)?["`]?(\w+)/i;

/** Statement text → the table it changes ("INSERT INTO x", "UPDATE x", "DELETE FROM x"), or null. */
export function targetOf(sql: string): Target | null {
  const m = TARGET.exec(sql);
  if (!m) return null;
  const verb = m[1].toLowerCase();
  const op: TableChange['op'] = verb === 'update' ? 'update' : verb === 'delete' ? 'delete' : 'insert';
  const table = m[2].toLowerCase();
  return { table, op, key: `${op} ${table}` };
}

/** The changes of one transaction (shared by its savepoints). */
export class TxRecord {
  readonly counts = new Map<string, TableChange>();
  audited = false;
  add(t: Target, rows: number): void {
    if (rows <= 0) return;
    if (t.table === 'audit_log') {
      this.audited = true;
      return;
    }
    const c = this.counts.get(t.key);
    if (c) c.rows += rows;
    else this.counts.set(t.key, { table: t.table, op: t.op, rows });
  }
}
