/** Vietnamese text basics shared by import, search, matching and documents. */

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** Collapses every kind of white space (NBSP included) to single spaces and trims. */
export function collapseSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/** Lower case, no diacritics, đ→d, single spaces: the key for search and comparison. */
export function foldVietnamese(s: string): string {
  return collapseSpaces(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase(),
  );
}

/** Each word capitalised ("nguyễn  VĂN an" → "Nguyễn Văn An"), NFC. */
export function capitalizeWords(s: string): string {
  return nfc(collapseSpaces(s))
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => (w ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese list order for people (given name, then the rest; letters, then tones): one comparator everywhere. */
export { compareVietnameseNames } from './names/compare';

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
