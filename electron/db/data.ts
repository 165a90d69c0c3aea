import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import { Param, Statement, q, sql, statement, type Query } from './query';
import { TxRecord, targetOf, type TableChange, type Target } from './change-record';

export type { TableChange };

/**
 * The one way into the database. Every service reads through a `Reader` and writes through a `Writer`
 * it is handed by `Data.write`, which is one synchronous SQLite transaction: a write cannot land in
 * another flow's transaction, and a writer kept after its transaction refuses to run. Queries are built
 * with kysely (`q`, typed from schema.ts) or its `sql` template (query.ts), compiled once and run by
 * better-sqlite3 synchronously: kysely's own executor is asynchronous, and the hot paths (a 100,000-row
 * import, a 1,000,000-person match) cannot pay a promise per row.
 *
 * A reader runs only statements that do not write (SQLite's own `readonly` flag on the prepared
 * statement), so "read" and "write" are different types and different checks.
 */

/**
 * What the action being run (an IPC channel, a CLI command) does at the end of each of its
 * transactions, inside it, before COMMIT: policy/actions.ts writes the audit entry there, so the entry
 * and the change are one transaction and no change escapes the log.
 */
export interface ActionScope {
  beforeCommit(w: Writer, changes: TableChange[], audited: boolean): void;
}

const scopes = new AsyncLocalStorage<ActionScope>();

/** Runs `fn` (and everything it awaits) as one action: its transactions call the scope before committing. */
export function runInActionScope<T>(scope: ActionScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** A Statement's arguments: none for a Statement<void>. */
type Args<P> = [P] extends [void] ? [] : [args: P];

/** Each method takes a kysely builder or `sql` template (compiled each call), or a `Statement` compiled once. */
export interface Reader {
  /** Every row. */
  all<R>(query: Query<R>): R[];
  all<P, R>(stmt: Statement<P, R>, ...args: Args<P>): R[];
  /** The first row, or undefined. */
  get<R>(query: Query<R>): R | undefined;
  get<P, R>(stmt: Statement<P, R>, ...args: Args<P>): R | undefined;
  /** Rows one at a time (a million people need not be in memory at once). */
  iterate<R>(query: Query<R>): IterableIterator<R>;
  iterate<P, R>(stmt: Statement<P, R>, ...args: Args<P>): IterableIterator<R>;
  /** The first column of every row. */
  column<R>(query: Query<R>): R[keyof R][];
  column<P, R>(stmt: Statement<P, R>, ...args: Args<P>): R[keyof R][];
  /** The first column of the first row. */
  value<R>(query: Query<R>): R[keyof R] | undefined;
  value<P, R>(stmt: Statement<P, R>, ...args: Args<P>): R[keyof R] | undefined;
  /** Rows as arrays in column order (the matcher's compact records). */
  tuples<R>(query: Query<R>): unknown[][];
  tuples<P, R>(stmt: Statement<P, R>, ...args: Args<P>): unknown[][];
}

export interface Writer extends Reader {
  /** Runs a statement that changes data. */
  run(query: Query<unknown>): RunResult;
  run<P>(stmt: Statement<P, unknown>, ...args: Args<P>): RunResult;
}

export interface WriteOptions {
  /**
   * A bulk write (thousands of rows): a bigger page cache, and foreign keys checked by construction
   * instead of once per row. Only where every reference written exists by construction.
   */
  bulk?: boolean;
  /** Overwrite deleted content on disk (erasing a person): SQLite's secure_delete for this transaction. */
  secureDelete?: boolean;
}

/** The handles of one open database file. */
export interface Data {
  /** Reads outside any transaction (or inside the open one: same connection). */
  readonly read: Reader;
  /** Runs `fn` in one transaction; nested calls become savepoints of the open one. `fn` must be synchronous. */
  write<T>(fn: (w: Writer) => T, options?: WriteOptions): T;
  /** Changes by this connection or any other: moves whenever the data may have changed. */
  signature(): string;
  readonly inTransaction: boolean;
}

const MAX_CACHED = 400;
const totalChanges = statement<void, { n: number }>(() => sql<{ n: number }>`SELECT total_changes() AS n`);

/** A prepared statement with what is known of it once: whether it writes, and which table. */
interface Prepared {
  st: Database.Statement;
  readonly: boolean;
  target: Target | null;
}

class Executor {
  private readonly statements = new Map<string, Prepared>();
  constructor(readonly sqlite: Database.Database) {}

  statement(sql: string): Prepared {
    let p = this.statements.get(sql);
    if (!p) {
      const st = this.sqlite.prepare(sql);
      p = { st, readonly: st.readonly, target: st.readonly ? null : targetOf(sql) };
      if (this.statements.size >= MAX_CACHED) this.statements.delete(this.statements.keys().next().value as string);
      this.statements.set(sql, p);
    }
    return p;
  }
}

/** SQLite takes numbers, text, blobs and null: a boolean is 1/0 and a missing value is NULL. */
function bindable(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Param) throw new Error(`A placeholder (${v.name}) in a one-off query: define it with statement()`);
  return v;
}

function compiled(query: Query<unknown> | Statement<unknown, unknown>, args: unknown): { sql: string; parameters: unknown[] } {
  if (query instanceof Statement) {
    const c = query.bind(args); // a fresh array: converted in place
    for (let i = 0; i < c.parameters.length; i++) {
      const v = c.parameters[i];
      if (v === undefined || typeof v === 'boolean') c.parameters[i] = bindable(v);
    }
    return c;
  }
  // A `sql` template compiles against the builder (its executor provider); a builder ignores the argument.
  const c = (query as unknown as { compile(p: typeof q): CompiledQuery }).compile(q);
  const parameters = new Array<unknown>(c.parameters.length);
  for (let i = 0; i < parameters.length; i++) parameters[i] = bindable(c.parameters[i]);
  return { sql: c.sql, parameters };
}

type AnyQuery = Query<unknown> | Statement<unknown, unknown>;

class SqlReader implements Reader {
  constructor(protected readonly exec: Executor, protected readonly writes: boolean) {}

  protected check(): void {}

  /** Compiles and prepares `query` (cached), runs `use` on it; a statement that writes is refused here and counted by a Writer. */
  protected use<T>(query: AnyQuery, args: unknown, use: (st: Database.Statement, params: readonly unknown[]) => T): T {
    this.check();
    const { sql, parameters } = compiled(query, args);
    const p = this.exec.statement(sql);
    if (!p.readonly && !this.writes) throw new Error('A write outside a transaction: use Data.write');
    const out = use(p.st, parameters);
    if (p.target) this.wrote(p.target, out);
    return out;
  }

  /** A statement that writes has run (a Writer counts what it changed). */
  protected wrote(_target: Target, _out: unknown): void {}

  all(query: AnyQuery, args?: unknown): never[] {
    return this.use(query, args, (st, ps) => st.all(...ps) as never[]);
  }
  get(query: AnyQuery, args?: unknown): never {
    return this.use(query, args, (st, ps) => st.get(...ps) as never);
  }
  iterate(query: AnyQuery, args?: unknown): IterableIterator<never> {
    // A statement of its own: a cached one would be busy if the loop body ran the same query.
    this.check();
    const { sql: text, parameters } = compiled(query, args);
    const st = this.exec.sqlite.prepare(text);
    if (!this.writes && !st.readonly) throw new Error('A write outside a transaction: use Data.write');
    return st.iterate(...parameters) as IterableIterator<never>;
  }
  column(query: AnyQuery, args?: unknown): never[] {
    return this.use(query, args, (st, ps) => {
      try {
        return st.pluck(true).all(...ps) as never[];
      } finally {
        st.pluck(false);
      }
    });
  }
  value(query: AnyQuery, args?: unknown): never {
    return this.use(query, args, (st, ps) => {
      try {
        return st.pluck(true).get(...ps) as never;
      } finally {
        st.pluck(false);
      }
    });
  }
  tuples(query: AnyQuery, args?: unknown): unknown[][] {
    return this.use(query, args, (st, ps) => {
      try {
        return st.raw(true).all(...ps) as unknown[][];
      } finally {
        st.raw(false);
      }
    });
  }
}

class SqlWriter extends SqlReader implements Writer {
  open = true;
  constructor(exec: Executor, readonly record: TxRecord = new TxRecord()) {
    super(exec, true);
  }

  protected override check(): void {
    if (!this.open) throw new Error('This writer belongs to a transaction that has ended');
  }

  /** Counts the rows the statement changed for the action's audit entry: run() says; a RETURNING read asks SQLite. */
  protected override wrote(target: Target, out: unknown): void {
    const rows = out !== null && typeof out === 'object' && 'lastInsertRowid' in out ? (out as Database.RunResult).changes : (this.exec.statement('SELECT changes()').st.pluck(true).get() as number);
    this.record.add(target, rows);
  }

  run(query: AnyQuery, args?: unknown): RunResult {
    const r = this.use(query, args, (st, ps) => st.run(...ps));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }
}

const connections = new WeakMap<Data, Database.Database>();
const owners = new WeakMap<object, Data>();

/** The Data a reader or writer belongs to (caches are kept per open file). */
export function dataOf(handle: Reader | Data): Data {
  const d = 'write' in handle && 'signature' in handle ? handle : owners.get(handle);
  if (!d) throw new Error('Unknown database handle');
  return d;
}

/** The data layer over one open connection (connection.ts makes it; nothing else holds the connection). */
export function createData(sqlite: Database.Database): Data {
  const exec = new Executor(sqlite);
  const read = new SqlReader(exec, false);
  /** The writer of the open top-level transaction: a nested write (savepoint) shares its record. */
  let top: SqlWriter | null = null;
  /** Rolled-back writes: total_changes still counts their rows, so the signature counts them too. */
  let rollbacks = 0;
  const data: Data = {
    read,
    get inTransaction() {
      return sqlite.inTransaction;
    },
    signature() {
      const t = read.value(totalChanges);
      return `${t}:${sqlite.pragma('data_version', { simple: true })}:${rollbacks}`;
    },
    write<T>(fn: (w: Writer) => T, options: WriteOptions = {}): T {
      const outer = top;
      const writer = new SqlWriter(exec, outer?.record);
      owners.set(writer, data);
      if (!outer) top = writer;
      const bulk = options.bulk === true && !sqlite.inTransaction;
      const cacheBefore = bulk ? (sqlite.pragma('cache_size', { simple: true }) as number) : 0;
      const secureBefore = options.secureDelete && !sqlite.inTransaction ? (sqlite.pragma('secure_delete', { simple: true }) as number) : null;
      if (secureBefore !== null) sqlite.pragma('secure_delete = ON');
      if (bulk) {
        // A big list touches many index pages; its references exist by construction (checked once by the caller).
        sqlite.pragma('cache_size = -131072');
        sqlite.pragma('foreign_keys = OFF');
      }
      // A savepoint that fails takes its changes back: so does the count of them.
      const saved = outer ? new Map([...outer.record.counts].map(([k, c]) => [k, { ...c }])) : null;
      try {
        return sqlite.transaction(() => {
          const out = fn(writer);
          if (out instanceof Promise) throw new Error('Data.write takes a synchronous function: do the waiting before or after');
          const scope = outer ? undefined : scopes.getStore();
          if (scope && writer.record.counts.size > 0) scope.beforeCommit(writer, [...writer.record.counts.values()], writer.record.audited);
          return out;
        })();
      } catch (e) {
        // A cache built inside what was just taken back must not be served: the signature moves.
        rollbacks++;
        if (saved && outer) {
          outer.record.counts.clear();
          for (const [k, c] of saved) outer.record.counts.set(k, c);
        }
        throw e;
      } finally {
        writer.open = false;
        if (!outer) top = null;
        if (secureBefore !== null) sqlite.pragma(`secure_delete = ${secureBefore ? 'ON' : 'OFF'}`);
        if (bulk) {
          sqlite.pragma(`cache_size = ${cacheBefore}`);
          sqlite.pragma('foreign_keys = ON');
        }
      }
    },
  };
  connections.set(data, sqlite);
  owners.set(read, data);
  return data;
}

/** The connection behind a Data, for the database layer's own files (backups, checks) and tests. */
export function connectionOf(data: Data): Database.Database {
  const c = connections.get(data);
  if (!c) throw new Error('Unknown data handle');
  return c;
}
