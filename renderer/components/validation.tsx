import { useEffect, useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

/**
 * Form checks in Vietnamese, for every form of the app without touching each one: the browser's
 * own checks (required, min/max, maxLength, a DateInput's "not a real date") still stop a submit,
 * but its English bubble is replaced by a Vietnamese sentence under the field that names the field
 * as the form labels it ("Hãy nhập “Tên cơ quan ban hành văn bản”.").
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const errors = new Map<Control, string>();
const listeners = new Set<() => void>();
let version = 0;
const emit = () => {
  version++;
  for (const l of [...listeners]) l();
};

/** The field's name as shown: its Field label, else its aria-label, else its <label>. */
export function controlLabel(el: Control): string {
  const fieldLabel = el.closest('label.field, .field')?.querySelector(':scope > .field-label')?.textContent?.trim();
  const aria = el.getAttribute('aria-label')?.trim();
  const own = el.labels?.[0]?.textContent?.trim();
  return fieldLabel || aria || own || el.getAttribute('placeholder') || 'Ô này';
}

/** The Vietnamese sentence for a control's failed check. */
export function controlMessage(el: Control): string {
  const v = el.validity;
  const label = `“${controlLabel(el)}”`;
  if (v.customError && el.validationMessage) return el.validationMessage;
  if (v.valueMissing) {
    if (el instanceof HTMLSelectElement) return `Hãy chọn ${label}.`;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return `Hãy đánh dấu ${label}.`;
    if (el instanceof HTMLInputElement && el.type === 'file') return `Hãy chọn tệp cho ${label}.`;
    return `Hãy nhập ${label}.`;
  }
  if (v.badInput) return `${label} phải là một số.`;
  const input = el instanceof HTMLInputElement ? el : null;
  if (v.rangeUnderflow) return `${label} phải từ ${input?.min} trở lên.`;
  if (v.rangeOverflow) return `${label} tối đa là ${input?.max}.`;
  if (v.stepMismatch) return `${label} phải là số nguyên.`;
  if (v.tooShort) return `${label} cần ít nhất ${(el as HTMLInputElement).minLength} ký tự.`;
  if (v.tooLong) return `${label} dài quá: tối đa ${(el as HTMLInputElement).maxLength} ký tự.`;
  if (v.typeMismatch || v.patternMismatch) return `${label} không đúng dạng${el.title ? ` (${el.title})` : ''}.`;
  return `${label} chưa hợp lệ. Hãy kiểm tra lại.`;
}

function isControl(t: EventTarget | null): t is Control {
  return t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
}

let focusedThisRound = false;

/** Installs the document-wide handlers once (main.tsx). */
export function installValidation(doc: Document = document): void {
  doc.addEventListener('invalid', (e) => {
    if (!isControl(e.target)) return;
    e.preventDefault(); // no browser bubble (English on many machines)
    const el = e.target;
    el.setAttribute('aria-invalid', 'true');
    errors.set(el, controlMessage(el));
    if (!focusedThisRound) {
      focusedThisRound = true;
      el.focus();
      queueMicrotask(() => setTimeout(() => (focusedThisRound = false), 0));
    }
    emit();
  }, true);
  const recheck = (e: Event) => {
    if (!isControl(e.target) || !errors.has(e.target)) return;
    const el = e.target;
    if (el.validity.valid) {
      errors.delete(el);
      if (el.getAttribute('aria-invalid') === 'true') el.removeAttribute('aria-invalid');
    } else errors.set(el, controlMessage(el));
    emit();
  };
  doc.addEventListener('input', recheck, true);
  doc.addEventListener('change', recheck, true);
  doc.addEventListener('focusout', recheck, true);
}

/** Shows a control's failed check now (e.g. a date left half-typed), without moving the focus. */
export function showControlError(el: Control): void {
  if (el.validity.valid) return refreshControl(el);
  el.setAttribute('aria-invalid', 'true');
  errors.set(el, controlMessage(el));
  emit();
}

/** After a control changed its own validity (setCustomValidity): updates or clears its message. */
export function refreshControl(el: Control): void {
  if (!errors.has(el)) return;
  if (el.validity.valid) {
    errors.delete(el);
    if (el.getAttribute('aria-invalid') === 'true') el.removeAttribute('aria-invalid');
  } else errors.set(el, controlMessage(el));
  emit();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

function useVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

function dropDetached(): void {
  for (const el of errors.keys()) if (!el.isConnected) errors.delete(el);
}

/** The message for the (first) invalid control inside a container, e.g. a Field's label. */
export function useContainedError(ref: RefObject<Element | null>): string | null {
  useVersion();
  const box = ref.current;
  if (!box) return null;
  for (const [el, msg] of errors) if (el.isConnected && box.contains(el)) return msg;
  return null;
}

/**
 * Messages for invalid controls that no Field shows (a bare input with only an aria-label): each
 * drawn under its control. Mounted once at the root.
 */
export function FloatingValidation() {
  useVersion();
  const [, setTick] = useState(0);
  useEffect(() => {
    const on = () => setTick((t) => t + 1);
    window.addEventListener('scroll', on, true);
    window.addEventListener('resize', on);
    return () => {
      window.removeEventListener('scroll', on, true);
      window.removeEventListener('resize', on);
    };
  }, []);
  useLayoutEffect(dropDetached);
  const loose = [...errors].filter(([el]) => el.isConnected && !el.closest('[data-shows-errors]') && el.offsetParent !== null);
  if (!loose.length) return null;
  return (
    <>
      {loose.map(([el, msg], i) => {
        const r = el.getBoundingClientRect();
        return (
          <div key={i} className="field-error floating" role="alert" style={{ position: 'fixed', left: r.left, top: r.bottom + 4, zIndex: 1000 }}>
            {msg}
          </div>
        );
      })}
    </>
  );
}
