/** ISO 'YYYY-MM-DD' or 'YYYY' as a clerk reads it: '28/05/2026' or '1990'; anything else as is. */
export function displayDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[3]}/${m[2]}/${m[1]}` : m[1];
}
