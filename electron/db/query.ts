import { type Compilable, type CompiledQuery, type DatabaseConnection, type Driver, Kysely, type RawBuilder, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, sql } from 'kysely';
import type { DB } from './schema';

/**
 * How a query is written: kysely's builder (`q`, typed from schema.ts) or its `sql` template. kysely
 * builds and compiles; data.ts runs the result synchronously. `q` cannot run anything itself: its
 * driver refuses, so no query can reach the database except through a Reader or Writer.
 */
class RefusingDriver implements Driver {
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error('q only builds queries: run them with a Reader or Writer (electron/db/data.ts)');
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export const q = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new RefusingDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/**
 * A constant LIMIT is written `.limit(sql.lit(500))`: kysely binds `.limit(500)` as a parameter, and a
 * bound LIMIT made the matcher's indexed name lookups half again as slow (measured on 200,000 people).
 */
export { sql };

/** A query a Reader or Writer runs: a kysely builder or a `sql` template, typed by the rows it returns. */
export type Query<R> = Compilable<R> | RawBuilder<R>;

/** A named placeholder of a Statement, filled from its arguments at each run. */
export class Param {
  constructor(readonly name: string) {}
}

export type Placeholders<P> = { readonly [K in keyof P]: P[K] };

/**
 * A query compiled once and run many times with named arguments: the hot loops (one INSERT per list
 * row) pay neither kysely's compile nor a statement lookup by a new string.
 */
export class Statement<P, R> {
  declare readonly __types?: [P, R];
  private compiledQuery: CompiledQuery | null = null;
  private names: (string | null)[] = [];
  /** Typed through the constructor only, so a Statement<P, R> is covariant in P and R. */
  private readonly build: unknown;
  constructor(build: (p: Placeholders<P>) => Query<R>) {
    this.build = build;
  }

  get sql(): string {
    return this.compile().sql;
  }

  private compile(): CompiledQuery {
    if (!this.compiledQuery) {
      // Placeholders are read one by one (`p.id`): a spread or Object.keys sees none, so it is refused.
      const p = new Proxy({}, { get: (_t, name) => new Param(String(name)), ownKeys: () => { throw new Error('Name each placeholder of a statement (p.name), do not spread them'); } }) as Placeholders<P>;
      const c = ((this.build as (p: Placeholders<P>) => Query<R>)(p) as unknown as { compile(e: typeof q): CompiledQuery }).compile(q);
      this.names = c.parameters.map((x) => (x instanceof Param ? x.name : null));
      this.compiledQuery = c;
    }
    return this.compiledQuery;
  }

  /** The SQL text and its parameters for these arguments. */
  bind(args: unknown): { sql: string; parameters: unknown[] } {
    const c = this.compile();
    const a = (args ?? {}) as Record<string, unknown>;
    const parameters = new Array<unknown>(this.names.length);
    for (let i = 0; i < this.names.length; i++) {
      const n = this.names[i];
      parameters[i] = n === null ? c.parameters[i] : a[n];
    }
    return { sql: c.sql, parameters };
  }
}

/** Defines a Statement: `statement<{ id: number }, Row>((p) => sql\`SELECT … WHERE id = ${p.id}\`)`. */
export function statement<P = void, R = unknown>(build: (p: Placeholders<P>) => Query<R>): Statement<P, R> {
  return new Statement(build);
}
