/**
 * Masking of personal numbers in exports and on screens that do not need them in full.
 * Pure: used by every export (Excel, PDF, CSV) unless the clerk asks for the full numbers.
 */

const MASK = '*';

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/**
 * CCCD (12 digits) / CMND (9 digits): keeps the first 3 digits (province code, not personal on its
 * own) and the last 3 (enough for the clerk to tell two people apart on a list); the rest is masked.
 * "001090012345" → "001******345". Short or non-numeric values are masked almost entirely.
 */
export function maskId(value: string | null | undefined): string {
  if (value == null) return '';
  const d = digitsOf(value);
  if (d.length === 0) return value.trim() ? MASK.repeat(Math.min(value.trim().length, 12)) : '';
  if (d.length <= 6) return MASK.repeat(d.length - 1) + d.slice(-1);
  return d.slice(0, 3) + MASK.repeat(d.length - 6) + d.slice(-3);
}

/** Phones: keeps the network prefix (4 digits) and the last 3. "0912345678" → "0912***678". */
export function maskPhone(value: string | null | undefined): string {
  if (value == null) return '';
  const d = digitsOf(value);
  if (d.length === 0) return '';
  if (d.length <= 7) return MASK.repeat(d.length - 2) + d.slice(-2);
  return d.slice(0, 4) + MASK.repeat(d.length - 7) + d.slice(-3);
}

/** Birth dates on masked lists show the year only: "1990-05-17" → "1990". */
export function maskBirthDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /(\d{4})/.exec(value);
  return m ? m[1] : '';
}

export interface MaskOptions {
  /** The clerk explicitly asked for full numbers (the export is then logged as unmasked). */
  unmasked?: boolean;
}

/** Applies the masks to a person-like record for an export row. */
export function maskPersonFields<T extends { nationalId?: string | null; phone?: string | null }>(p: T, opts: MaskOptions = {}): T {
  if (opts.unmasked) return p;
  return { ...p, nationalId: p.nationalId == null ? p.nationalId : maskId(p.nationalId), phone: p.phone == null ? p.phone : maskPhone(p.phone) };
}
