/** A deadline said the clerk's way, from the days left (negative = passed): one wording for every screen, export and the CLI. */
export function deadlineText(daysRemaining: number | null | undefined): string | null {
  if (daysRemaining === null || daysRemaining === undefined || !Number.isFinite(daysRemaining)) return null;
  const d = Math.trunc(daysRemaining);
  if (d < 0) return `Quá hạn ${(-d).toLocaleString('vi-VN')} ngày`;
  if (d === 0) return 'Hôm nay là hạn cuối';
  return `Còn ${d.toLocaleString('vi-VN')} ngày`;
}
