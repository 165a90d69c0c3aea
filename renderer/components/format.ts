/** vi-VN display helpers: "1.000", "100.000 đ", "28/5/2026". */
const numberFmt = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberFmt.format(n);
}

export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : `${numberFmt.format(n)} đ`;
}

export { displayDate as formatDate } from '../../shared/domain/display-date';

export function formatPercent(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : `${numberFmt.format(Math.round(n * 10) / 10)}%`;
}
