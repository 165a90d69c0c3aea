/**
 * Splits `total` into whole parts proportional to `weights`, summing exactly to `total`
 * (Hamilton / largest remainder). Ties go to the larger weight, then to the earlier item.
 * With no positive weight the total is spread as evenly as possible.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  let sum = w.reduce((a, b) => a + b, 0);
  const eff = sum > 0 ? w : w.map(() => 1);
  if (sum <= 0) sum = n;
  const exact = eff.map((x) => (total * x) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x), w: eff[i] }))
    .sort((a, b) => b.rem - a.rem || b.w - a.w || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k].i]++;
  return parts;
}
