import type { CampaignMatch } from './duplicates/match-types';
import { withWriteLock } from './write-lock';
import { dataOf, type Data, type Reader } from '../db/data';

/**
 * What a cache is derived from. A write that knows what it changed says so (`DataCaches.write`), and
 * only the caches built from that data are dropped: a recorded outcome (donations) leaves the
 * check-in index (people, registrations) warm.
 */
export type CacheSource = 'people' | 'registrations' | 'donations';

interface Entry {
  value: unknown;
  sources: readonly CacheSource[];
}

/** Any handle of the data layer. */
export type Handle = Reader | Data;


/**
 * The in-memory data derived from the database (check-in indexes, the merge map, the donor registry,
 * the last duplicate match per campaign), owned by the app context: one registry created with it
 * (create-context.ts), reached as `ctx.caches`, gone with it.
 *
 * Freshness is decided here and nowhere else:
 * - a change nobody declared (another connection or process, a write that named nothing) moves the
 *   data signature, and every derived cache is dropped at the next read;
 * - a write that declares what it changes (`write(ctx.data, ['donations'], fn)`) drops only the caches
 *   built from that data and accounts for the rest;
 * - a new connection (a restore reopens the file into the same context) drops everything;
 * - `invalidate()` drops caches by source (a rolled-back transaction drops all of them).
 * Duplicate matches are not derived from the current signature: they stay until replaced by the
 * next match (candidates are checked against decisions and merges when listed).
 */
export class DataCaches {
  private connection: Data | null = null;
  private signature = '';
  private readonly entries = new Map<string, Entry>();
  private readonly campaignMatches = new Map<number, CampaignMatch>();

  /** `serving`: the registry of a context, found by its connection by callers that hold only that. */
  constructor(private readonly serving = false) {}

  /** Brings the registry to the connection's current data: drops what an undeclared change made stale. */
  private sync(handle: Handle): void {
    const data = dataOf(handle);
    const sig = data.signature();
    if (data !== this.connection) {
      this.entries.clear();
      this.campaignMatches.clear();
      this.connection = data;
      if (this.serving) registries.set(data, this);
    } else if (sig !== this.signature) this.entries.clear();
    this.signature = sig;
  }

  /** The cache `key`, built from `sources` by `build` when missing or stale. `build` only reads. */
  get<T>(handle: Handle, key: string, sources: readonly CacheSource[], build: () => T): T {
    this.sync(handle);
    const hit = this.entries.get(key);
    if (hit) return hit.value as T;
    const value = build();
    this.entries.set(key, { value, sources });
    return value;
  }

  /**
   * The write path for a write that changes only `sources`: caches built from other data stay warm
   * across it. Changes made before it that nobody declared still drop everything (checked first).
   * `fn` must write nothing else (a write that names nothing needs no call: the signature sees it).
   */
  async write<T>(handle: Handle, sources: readonly CacheSource[], fn: () => Promise<T> | T): Promise<T> {
    // Under the connection's write lock, so no other flow's write is taken for this one.
    return withWriteLock(dataOf(handle), async () => {
      this.sync(handle);
      try {
        return await fn();
      } catch (e) {
        // A cache built inside a write that failed may hold what was taken back.
        this.invalidate('all');
        throw e;
      } finally {
        this.invalidate(sources);
        if (dataOf(handle) === this.connection) this.signature = this.connection.signature();
      }
    });
  }

  /** Drops the caches built from `sources` (all derived caches for 'all'). */
  invalidate(sources: readonly CacheSource[] | 'all' = 'all'): void {
    for (const [key, e] of this.entries) if (sources === 'all' || e.sources.some((s) => sources.includes(s))) this.entries.delete(key);
  }

  /** The last whole-campaign match of a campaign on this connection, if any. */
  match(handle: Handle, campaignId: number): CampaignMatch | undefined {
    this.sync(handle);
    return this.campaignMatches.get(campaignId);
  }

  setMatch(handle: Handle, m: CampaignMatch): void {
    this.sync(handle);
    this.campaignMatches.set(m.campaignId, m);
  }
}

/** What a cached read needs: the connection and the context's caches (any ServiceContext is one). */
export interface CacheScope {
  handle: Handle;
  caches: DataCaches;
}

/**
 * The registry serving a connection, for the few callers that hold only the connection (progress
 * figures; the documents' data): the context's registry once it has seen that connection. Holds no
 * data of its own. A connection no context serves (a bare test handle) gets a throw-away registry:
 * always fresh, never cached.
 */
const registries = new WeakMap<Data, DataCaches>();

/** What a cached read may be given: a context (anything with its data and caches), a scope, or a bare handle. */
export type ScopeSource = Handle | CacheScope | { data: Data; caches: DataCaches };

export function cacheScope(source: ScopeSource): CacheScope {
  if ('caches' in source) return { handle: 'handle' in source ? source.handle : source.data, caches: source.caches };
  return { handle: source, caches: registries.get(dataOf(source)) ?? new DataCaches() };
}

/** The registry of a new context, serving its connection from the start. */
export function createCaches(data: Data): DataCaches {
  const caches = new DataCaches(true);
  registries.set(data, caches);
  return caches;
}
