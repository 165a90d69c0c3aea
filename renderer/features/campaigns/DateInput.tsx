import { useEffect, useState } from 'react';

/** "28/5/2026", "28.05.2026", "28-5-2026" → "2026-05-28"; '' → ''; null when not a real date. */
export function parseViDate(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = m[1].length === 4 ? [Number(m[3]), Number(m[2]), Number(m[1])] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const viDate = (iso: string) => (iso ? iso.split('-').reverse().map((x, i) => (i < 2 ? String(Number(x)) : x)).join('/') : '');

/** A date typed the Vietnamese way (d/m/yyyy), whatever the browser's locale; the value stays ISO. */
export function DateInput({ value, onChange, label }: { value: string; onChange(iso: string): void; label: string }) {
  const [text, setText] = useState(viDate(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(viDate(value)), [value]);
  const commit = () => {
    const iso = parseViDate(text);
    setBad(iso === null);
    if (iso !== null) onChange(iso);
  };
  return (
    <input
      aria-label={label}
      aria-invalid={bad}
      placeholder="ngày/tháng/năm"
      value={text}
      style={bad ? { borderColor: 'var(--red)' } : undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        }
      }}
    />
  );
}
