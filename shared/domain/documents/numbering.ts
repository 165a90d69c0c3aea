/** Document numbers and types (Nghị định 30/2020, Phụ lục III abbreviations). */

export const NUMBERED_DOC_TYPES = {
  plan: { abbr: 'KH', name: 'KẾ HOẠCH' },
  'result-report': { abbr: 'BC', name: 'BÁO CÁO' },
  invitation: { abbr: 'GM', name: 'GIẤY MỜI' },
} as const;
export type NumberedDocType = keyof typeof NUMBERED_DOC_TYPES;

export function isNumberedDocType(t: string): t is NumberedDocType {
  return Object.prototype.hasOwnProperty.call(NUMBERED_DOC_TYPES, t);
}

/** "01/KH-BCĐ": numbers below 10 get a leading zero. */
export function documentNumberText(number: number, abbr: string, suffix: string): string {
  const n = String(number).padStart(2, '0');
  return suffix.trim() ? `${n}/${abbr}-${suffix.trim()}` : `${n}/${abbr}`;
}

/** "Số: 01/KH-BCĐ"; with no number yet "Số:      /KH-BCĐ" (filled in by hand when signed). */
export function documentNumberLine(number: number | null, abbr: string, suffix: string): string {
  if (number === null) return `Số:      /${abbr}${suffix.trim() ? '-' + suffix.trim() : ''}`;
  return `Số: ${documentNumberText(number, abbr, suffix)}`;
}

/** The next serial after "AA 000123" → "AA 000124": the trailing digits count up, width kept. */
export function nextSerial(serial: string, step = 1): string {
  const m = /^(.*?)(\d+)$/.exec(serial.trim());
  if (!m) throw new RangeError(`Serial has no trailing number: ${serial}`);
  const n = (BigInt(m[2]) + BigInt(step)).toString();
  return m[1] + n.padStart(m[2].length, '0');
}
