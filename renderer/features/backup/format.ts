/** Display helpers of the backup screen. */
const num = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${num.format(bytes / 1024)} KB`;
  return `${num.format(bytes / 1024 / 1024)} MB`;
}

/** ISO instant → "28/05/2026 14:05" in the machine's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const REASONS: Record<string, string> = {
  import: 'Trước khi nhập danh sách',
  merge: 'Trước khi gộp trùng lặp',
  daily: 'Hằng ngày',
  manual: 'Sao lưu thủ công',
  'before-restore': 'Trước khi khôi phục',
  'before-erase': 'Trước khi xoá dữ liệu',
};

export function reasonLabel(reason: string): string {
  if (reason.startsWith('migration')) return 'Trước khi nâng cấp dữ liệu';
  return REASONS[reason] ?? reason;
}
