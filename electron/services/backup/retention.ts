/** Which automatic backups to keep. Pure: the caller lists files and deletes the rest. */
export interface Dated {
  name: string;
  at: Date;
}

export interface RetentionPolicy {
  /** Newest backup of each of this many most recent days before today. */
  daily: number;
  /** Newest backup of each of this many most recent months. */
  monthly: number;
  /** At most this many of today's backups (the newest); default 5. */
  today?: number;
  /** The kept backups together stay under this size (the oldest go first; the 2 newest always stay); default 1.5 GB. */
  maxTotalBytes?: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, monthly: 12, today: 5, maxTotalBytes: 1.5 * 1024 ** 3 };

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const monthKey = (d: Date) => dayKey(d).slice(0, 7);

/**
 * Keeps the newest `today` backups of today (or later, if the clock moved back), the newest of each
 * of the last `daily` days that have one, and the newest of each of the last `monthly` months that have one.
 */
export function backupsToKeep(items: readonly Dated[], now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): Set<string> {
  const keep = new Set<string>();
  const today = dayKey(now);
  const newestFirst = [...items].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const days = new Set<string>();
  const months = new Set<string>();
  let ofToday = 0;
  for (const it of newestFirst) {
    const d = dayKey(it.at);
    if (d >= today) {
      if (ofToday++ < (policy.today ?? Infinity)) keep.add(it.name);
      continue;
    }
    if (!days.has(d) && days.size < policy.daily) {
      days.add(d);
      keep.add(it.name);
    }
  }
  for (const it of newestFirst) {
    const m = monthKey(it.at);
    if (!months.has(m) && months.size < policy.monthly) {
      months.add(m);
      keep.add(it.name);
    }
  }
  return keep;
}

/** Drops the oldest kept backups until the rest fit in `maxTotalBytes` (the two newest always stay). */
export function capBySize(kept: readonly (Dated & { size: number })[], maxTotalBytes: number | undefined): Set<string> {
  const newestFirst = [...kept].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
  const out = new Set<string>();
  let total = 0;
  newestFirst.forEach((it, i) => {
    total += it.size;
    if (i < 2 || maxTotalBytes === undefined || total <= maxTotalBytes) out.add(it.name);
  });
  return out;
}
