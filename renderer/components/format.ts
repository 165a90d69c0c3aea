/** vi-VN display helpers: "1.000", "100.000 đ", "28/5/2026". */
const numberFmt = new Intl.NumberFormat('vi-VN');

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : numberFmt.format(n);
}

export function formatMoney(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : `${numberFmt.format(n)} đ`;
}

/** ISO 'YYYY-MM-DD' or 'YYYY' → '28/05/2026' or '1990'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[3]}/${m[2]}/${m[1]}` : m[1];
}

export function formatPercent(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '' : `${numberFmt.format(Math.round(n * 10) / 10)}%`;
}
