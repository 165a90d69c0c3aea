import { useEffect, useRef, useState } from 'react';
import { refreshControl, showControlError } from './validation';

/**
 * Text a clerk types for a date → ISO 'YYYY-MM-DD'; '' when empty; null when it is not a real date.
 * Accepts 28/5/2026, 28/05/2026, 28.5.2026, 28-5-2026, 28052026, 280526 and 28/5/26 (→ 2026), and
 * ISO 2026-05-28. Digits without separators must be ddmmyyyy or ddmmyy (2852026 is ambiguous).
 */
export function parseViDate(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  let d: number, mo: number, y: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{2})(\d{2})(\d{2})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  if (y < 100) y += 2000;
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** ISO → '28/05/2026' (the form a clerk types back). */
export const viDate = (iso: string | null | undefined): string => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
};

/**
 * While typing: digits get their slashes as they come, so 28052026 reads 28/05/2026. Text with its
 * own separators (28/5/2026, 28.5.2026) or an ISO date is left as typed.
 */
export function maskDateTyping(text: string): string {
  // a digit typed after the slashes we inserted: 28/052 → 28/05/2
  const m = /^(\d{2})\/(\d{2})(\d{1,4})$/.exec(text);
  if (m) return `${m[1]}/${m[2]}/${m[3]}`;
  if (/^\d{2}\/\d{3,}$/.test(text)) return maskDateTyping(text.replace('/', ''));
  if (/[^\d]/.test(text)) return text;
  const d = text.slice(0, 8);
  if (d.length <= 2) return d;
  if (d.length <= 4) return `${d.slice(0, 2)}/${d.slice(2)}`;
  return `${d.slice(0, 2)}/${d.slice(2, 4)}/${d.slice(4)}`;
}

export const DATE_HINT = 'ngày/tháng/năm, ví dụ 28/05/2026';

export function dateMessage(label: string): string {
  return `“${label}” không phải một ngày có thật. Hãy nhập theo ${DATE_HINT}.`;
}

export interface DateInputProps {
  /** ISO 'YYYY-MM-DD' or ''. */
  value: string;
  /** Called with the ISO date as soon as the text is a whole date, and with '' when emptied. */
  onChange(iso: string): void;
  /** The field's name as the form shows it; also its accessible name. */
  label: string;
  required?: boolean;
  autoFocus?: boolean;
  id?: string;
}

/**
 * The one date input of the app: dd/mm/yyyy whatever the browser's locale, typed (slashes added as
 * the digits come) or picked from the calendar button. A date that does not exist marks the field
 * invalid with a Vietnamese message (the form's submit is then refused, see validation.tsx).
 */
export function DateInput({ value, onChange, label, required, autoFocus, id }: DateInputProps) {
  const [text, setText] = useState(viDate(value));
  const [bad, setBad] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const lastSent = useRef(value);
  useEffect(() => {
    // a new value from outside (not the echo of what was typed) replaces the text
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(viDate(value));
      setBad(false);
    }
  }, [value]);
  useEffect(() => {
    ref.current?.setCustomValidity(bad ? dateMessage(label) : '');
  }, [bad, label]);

  const typed = (raw: string) => {
    const t = maskDateTyping(raw);
    setText(t);
    const iso = parseViDate(t);
    if (iso !== null && (iso === '' || /\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$/.test(t.trim()))) {
      setBad(false);
      ref.current?.setCustomValidity('');
      if (iso !== lastSent.current) {
        lastSent.current = iso;
        onChange(iso);
      }
    } else {
      // not (yet) a whole date: checked on leaving the field
      ref.current?.setCustomValidity(dateMessage(label));
    }
    if (ref.current) refreshControl(ref.current);
  };
  const commit = () => {
    const iso = parseViDate(text);
    setBad(iso === null);
    if (iso === null) {
      ref.current?.setCustomValidity(dateMessage(label));
      if (ref.current) showControlError(ref.current);
      return;
    }
    ref.current?.setCustomValidity('');
    if (ref.current) refreshControl(ref.current);
    setText(viDate(iso));
    if (iso !== lastSent.current) {
      lastSent.current = iso;
      onChange(iso);
    }
  };
  const pick = () => {
    const p = picker.current;
    if (!p) return;
    p.value = parseViDate(text) || value || '';
    try {
      p.showPicker();
    } catch {
      p.focus();
    }
  };
  return (
    <span className="date-input">
      <input
        ref={ref}
        id={id}
        aria-label={label}
        aria-invalid={bad || undefined}
        inputMode="numeric"
        placeholder="ngày/tháng/năm"
        title={DATE_HINT}
        required={required}
        autoFocus={autoFocus}
        value={text}
        maxLength={10}
        className={bad ? 'invalid' : undefined}
        onChange={(e) => typed(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <button type="button" className="date-pick" aria-label="Mở lịch" title="Chọn trên lịch" tabIndex={-1} onClick={pick}>▦</button>
      <input
        ref={picker}
        type="date"
        className="date-native"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const iso = e.target.value;
          if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return;
          setText(viDate(iso));
          setBad(false);
          ref.current?.setCustomValidity('');
          if (ref.current) refreshControl(ref.current);
          lastSent.current = iso;
          onChange(iso);
        }}
      />
    </span>
  );
}
