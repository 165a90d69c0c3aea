/** Numbers, money and dates the way Vietnamese documents write them. */

/** "1.000", "12,5" (vi-VN grouping with dots, decimal comma). */
export function formatNumberVi(value: number, decimals = 0): string {
  const neg = value < 0;
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const fracPart = frac && /[1-9]/.test(frac) ? ',' + frac.replace(/0+$/, '') : '';
  return `${neg ? '-' : ''}${grouped}${fracPart}`;
}

/** "100.000 đ". */
export function formatMoney(value: number): string {
  return `${formatNumberVi(Math.round(value))} đ`;
}

/** A percentage with at most one decimal: "87,5%"; "—" when there is no base. */
export function formatPercent(part: number, whole: number | null | undefined): string {
  if (!whole) return '—';
  return `${formatNumberVi(Math.round((part / whole) * 1000) / 10, 1)}%`;
}

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Nghị định 30: a zero before days below 10 and months 1 and 2. */
export function documentDateParts(iso: string): { day: string; month: string; year: string } {
  const { y, m, d } = parseIsoDate(iso);
  return { day: String(d).padStart(2, '0'), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year: String(y) };
}

/** "ngày 05 tháng 4 năm 2024". */
export function documentDate(iso: string): string {
  const p = documentDateParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "Lạng Sơn, ngày 05 tháng 4 năm 2024". */
export function placeAndDate(place: string, iso: string): string {
  return `${place.trim()}, ${documentDate(iso)}`;
}

/** "17/6/2024" (screen and body text style: no leading zeros). */
export function shortDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d}/${m}/${y}`;
}

const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Hai" for a date. */
export function weekdayVi(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** The year of birth, from an ISO date or a bare year; '' when unknown. */
export function birthYear(birthDate: string | null | undefined): string {
  const m = birthDate ? /^(\d{4})/.exec(birthDate) : null;
  return m ? m[1] : '';
}
