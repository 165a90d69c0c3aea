/** Phone and ID numbers as lists type them, reduced to one comparable form. */

const OLD_PREFIXES: Record<string, string> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
};

/** "+84 912.345.678", "912345678", "0168 123 4567" → "0912345678" / "0381234567"; null when not a phone. */
export function normalizePhone(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let d = String(raw).replace(/\D/g, '');
  if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = '0' + d.slice(2);
  if (d.length === 9 || (d.length === 10 && !d.startsWith('0'))) d = '0' + d;
  if (d.length === 11 && OLD_PREFIXES[d.slice(0, 4)]) d = OLD_PREFIXES[d.slice(0, 4)] + d.slice(4);
  return d.length === 10 && d.startsWith('0') ? d : null;
}

/** CCCD (12 digits, leading zeros restored when Excel dropped them) or CMND (9 digits); null otherwise. */
export function normalizeNationalId(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const d = String(raw).replace(/\D/g, '');
  if (d.length === 9 || d.length === 12) return d;
  if (d.length === 10 || d.length === 11) return d.padStart(12, '0');
  return null;
}

export function birthYearOf(birthDate: string | null | undefined): number | null {
  const m = birthDate ? /(\d{4})/.exec(birthDate) : null;
  return m ? Number(m[1]) : null;
}
