/** Amounts in Vietnamese words, as written on payment lists ("Một trăm năm mươi nghìn đồng"). */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUP_NAMES = ['', 'nghìn', 'triệu'];

/** Reads a three-digit group; `full` forces "không trăm"/"linh" as inside a larger number. */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const w: string[] = [];
  if (h > 0 || full) w.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) w.push('linh');
  } else if (t === 1) {
    w.push('mười');
  } else {
    w.push(DIGITS[t], 'mươi');
  }
  if (u > 0) {
    if (u === 1 && t >= 2) w.push('mốt');
    else if (u === 5 && t >= 1) w.push('lăm');
    else w.push(DIGITS[u]);
  }
  return w;
}

/** Reads 0 ≤ n < 1e9 (groups of nghìn, triệu); `full` when a higher part precedes. */
function readBelowBillion(n: number, full: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  let top = 2;
  while (top > 0 && groups[top] === 0) top--;
  const w: string[] = [];
  for (let i = top; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    w.push(...readGroup(g, full || i < top), ...(GROUP_NAMES[i] ? [GROUP_NAMES[i]] : []));
  }
  return w;
}

/** Lower-case words for a whole non-negative number ("một trăm năm mươi nghìn"). */
export function numberToVietnameseWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Not a non-negative integer: ${value}`);
  if (value === 0) return 'không';
  const chunks: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 1_000_000_000)) chunks.unshift(rest % 1_000_000_000);
  const w: string[] = [];
  chunks.forEach((c, i) => {
    if (c > 0) w.push(...readBelowBillion(c, i > 0));
    if (i < chunks.length - 1) w.push('tỷ');
  });
  return w.join(' ');
}

/** "Một trăm năm mươi nghìn đồng" — capitalised, ending in "đồng". */
export function amountInWords(value: number): string {
  const words = numberToVietnameseWords(Math.round(value));
  return `${words[0].toLocaleUpperCase('vi')}${words.slice(1)} đồng`;
}
