/** Calendar dates as ISO text (YYYY-MM-DD) in the office's local time. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function utc(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The date to record a donation on: today when it is a donation day, else the first donation day, else today. */
export function donationDateFor(donationDates: string[], today: string): string {
  if (donationDates.includes(today) || donationDates.length === 0) return today;
  return donationDates.find((d) => d >= today) ?? donationDates[donationDates.length - 1];
}
