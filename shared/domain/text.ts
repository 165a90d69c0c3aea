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

/** Vietnamese list order: by given name (last word), then the rest of the name. */
export function compareVietnameseNames(a: string, b: string): number {
  const split = (n: string) => {
    const words = collapseSpaces(n).split(' ');
    return [words[words.length - 1] ?? '', words.slice(0, -1).join(' ')] as const;
  };
  const [ga, ra] = split(a);
  const [gb, rb] = split(b);
  return collator.compare(ga, gb) || collator.compare(ra, rb);
}

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
