/** One measured figure beside its baseline measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  /** value / baseline (null without a baseline). */
  ratio: number | null;
  /** Human-readable target, e.g. "< 1 s" or "≤ 1.5× baseline". */
  target: string;
  met: boolean;
}

export function row(r: Omit<BenchRow, 'ratio'> & { ratio?: number | null }): BenchRow {
  const ratio = r.ratio !== undefined ? r.ratio : r.baseline ? r.value / r.baseline : null;
  return { ...r, ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000 };
}

/** Peak RSS sampler: start before the work, stop after; reports MB. */
export function peakMemory(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(t);
      peak = Math.max(peak, process.memoryUsage().rss);
      return Math.round(peak / 1024 / 1024);
    },
  };
}

export async function timeIt<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}
